package org.sonocine.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The JVM options the viewer is meant to run with, and a relaunch for a plain {@code java -jar}, which cannot
 * carry them. The options bound the heap, so that memory stays flat whatever the machine's size, and use regions
 * large enough that a decoded frame is an ordinary object rather than a humongous one: without them G1 lets
 * short-lived frame-sized arrays pile up in the old generation and runs marking cycles back to back. The
 * installer's launcher and {@code mvn javafx:run} pass the same options (a test keeps the three in step).
 */
public final class ViewerJvm {
    /** Set in a relaunched JVM, so that it does not relaunch again. */
    public static final String RELAUNCHED = "sonocine.relaunched";
    private static final String OPTIONS_RESOURCE = "viewer-jvm-options.txt";

    private ViewerJvm() {
    }

    /** The options, one per element, as the resource beside this class lists them. */
    public static List<String> options() {
        List<String> options = new ArrayList<>();
        try (InputStream in = ViewerJvm.class.getResourceAsStream(OPTIONS_RESOURCE)) {
            if (in == null) {
                return options;
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = reader.readLine()) != null; ) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    options.add(line.trim());
                }
            }
        } catch (IOException e) {
            options.clear();
        }
        return options;
    }

    /**
     * Whether this JVM should hand over to one started with {@link #options()}: not when it is the relaunched
     * one, and not when whoever started it chose a heap size or collector (their choice stands).
     */
    public static boolean shouldRelaunch(List<String> inputArguments, String relaunchedProperty) {
        if (relaunchedProperty != null) {
            return false;
        }
        for (String argument : inputArguments) {
            if (argument.startsWith("-Xmx") || argument.startsWith("-XX:MaxHeapSize")
                    || argument.startsWith("-XX:MaxRAM") || argument.matches("-XX:\\+Use\\w+GC")) {
                return false;
            }
        }
        return true;
    }

    /**
     * The command line of the relaunch: this JVM's own arguments, the viewer's options, the same class path and
     * main class, and {@code args}.
     */
    public static List<String> relaunchCommand(Path javaHome, List<String> inputArguments, String classPath,
                                               String mainClass, String[] args) {
        List<String> command = new ArrayList<>();
        command.add(javaHome.resolve("bin").resolve(isWindows() ? "java.exe" : "java").toString());
        command.addAll(inputArguments);
        command.addAll(options());
        command.add("-D" + RELAUNCHED + "=true");
        command.add("-cp");
        command.add(classPath);
        command.add(mainClass);
        command.addAll(List.of(args));
        return command;
    }

    /**
     * Runs the viewer in a JVM with the right options when this one lacks them, and returns its exit status;
     * empty when this JVM should run the viewer itself (it has the options, or the relaunch could not start).
     */
    public static Optional<Integer> relaunchIfNeeded(String mainClass, String[] args) {
        List<String> inputArguments = ManagementFactory.getRuntimeMXBean().getInputArguments();
        if (!shouldRelaunch(inputArguments, System.getProperty(RELAUNCHED)) || options().isEmpty()) {
            return Optional.empty();
        }
        List<String> command = relaunchCommand(Path.of(System.getProperty("java.home")), inputArguments,
                System.getProperty("java.class.path"), mainClass, args);
        Process child;
        try {
            child = new ProcessBuilder(command).inheritIO().start();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        Thread stopChild = new Thread(child::destroy, "sonocine-relaunch-stop");
        Runtime.getRuntime().addShutdownHook(stopChild);
        try {
            return Optional.of(child.waitFor());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            child.destroy();
            return Optional.of(1);
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(stopChild);
            } catch (IllegalStateException e) {
                // already shutting down: the hook runs
            }
        }
    }

    private static boolean isWindows() {
        return System.getProperty("os.name", "").startsWith("Windows");
    }
}
