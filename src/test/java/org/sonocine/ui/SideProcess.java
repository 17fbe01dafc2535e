package org.sonocine.ui;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A JVM of its own running a small main class of the tests on the project's classes: what the lock file and the
 * single-instance hand-over do across processes, which one JVM cannot show (file locks belong to the whole JVM).
 */
final class SideProcess {
    private SideProcess() {
    }

    /** Starts {@code mainClass} with {@code args}; its errors go to this process's. */
    static Process start(Class<?> mainClass, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", location(SingleInstance.class) + File.pathSeparator + location(mainClass),
                mainClass.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }

    /** What the process writes, line by line. */
    static BufferedReader output(Process process) {
        return new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    private static Path location(Class<?> type) throws URISyntaxException {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    }
}
