package org.sonocine.app;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
    /**
     * Set in a JVM that has the viewer's options (a relaunched one; the options list it too, for the installed
     * launcher and Maven), so that it does not relaunch.
     */
    public static final String RELAUNCHED = "sonocine.relaunched";
    /** The viewer's start-up report (ui.StartupReport, which this package may not name) and its process start. */
    private static final String STARTUP_REPORT = "sonocine.startupReport";
    private static final String PROCESS_START = "sonocine.processStart";
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
     * one, not when whoever started it chose a heap size or collector (their choice stands), and not under a
     * debugger or agent (a second JVM could not take over its port or its instrumentation).
     */
    public static boolean shouldRelaunch(List<String> inputArguments, String relaunchedProperty) {
        if (relaunchedProperty != null) {
            return false;
        }
        for (String argument : inputArguments) {
            if (argument.matches("-Xm[xs].*|-XX:(MaxHeapSize|InitialHeapSize|MinHeapSize|MaxRAM\\w*)=.*"
                    + "|-XX:\\+Use\\w+GC|-agentlib:.*|-agentpath:.*|-javaagent:.*|-Xdebug|-Xrunjdwp.*")) {
                return false;
            }
        }
        return true;
    }

    /**
     * This JVM's arguments less those that came from JDK_JAVA_OPTIONS and JAVA_TOOL_OPTIONS: the relaunched JVM
     * inherits the environment and reads them again itself.
     */
    static List<String> ownArguments(List<String> inputArguments, List<String> environmentOptions) {
        List<String> own = new ArrayList<>(inputArguments);
        for (String option : environmentOptions) {
            own.remove(option);
        }
        return own;
    }

    private static List<String> environmentOptions() {
        List<String> options = new ArrayList<>();
        for (String variable : List.of("JDK_JAVA_OPTIONS", "JAVA_TOOL_OPTIONS")) {
            String value = System.getenv(variable);
            if (value != null && !value.isBlank()) {
                options.addAll(List.of(value.trim().split("\\s+")));
            }
        }
        return options;
    }

    /**
     * The command line of the relaunch: the viewer's options, then this JVM's own arguments (so that any of the
     * same kind given by the user wins), the same class path and main class, and {@code args}.
     */
    public static List<String> relaunchCommand(Path javaHome, List<String> inputArguments, String classPath,
                                               String mainClass, String[] args) {
        List<String> command = new ArrayList<>();
        command.add(javaHome.resolve("bin").resolve(isWindows() ? "java.exe" : "java").toString());
        command.addAll(options());
        command.addAll(inputArguments);
        command.add("-D" + RELAUNCHED + "=true");
        command.add("-cp");
        command.add(classPath);
        command.add(mainClass);
        command.addAll(List.of(args));
        return command;
    }

    /**
     * The viewer's class-data-sharing archive for a relaunch from {@code classPath}: the build leaves
     * {@code NAME-viewer.jsa} beside {@code NAME.jar}, with the classes the viewer loads up to its first frame
     * stored pre-parsed, which brings the window and first frame some 0.5 s sooner. None when it is absent, when
     * the class path is not one jar, or when the user chose an archive; a stale one is ignored by the JVM.
     */
    static List<String> archiveOptions(String classPath, List<String> inputArguments) {
        boolean chosen = inputArguments.stream()
                .anyMatch(a -> a.startsWith("-XX:SharedArchiveFile") || a.startsWith("-Xshare"));
        if (chosen || classPath == null || !classPath.endsWith(".jar") || classPath.contains(File.pathSeparator)) {
            return List.of();
        }
        Path archive = Path.of(classPath.substring(0, classPath.length() - ".jar".length()) + "-viewer.jsa");
        return Files.isRegularFile(archive)
                ? List.of("-XX:SharedArchiveFile=" + archive, "-Xshare:auto") : List.of();
    }

    /**
     * Runs the viewer in a JVM with the right options when this one lacks them, and returns its exit status;
     * empty when this JVM should run the viewer itself (it has the options, or the relaunch could not start).
     */
    public static Optional<Integer> relaunchIfNeeded(String mainClass, String[] args) {
        if (System.getProperty(RELAUNCHED) != null) {
            // before asking for the arguments: the management classes would take the start 30 ms
            return Optional.empty();
        }
        List<String> inputArguments = ManagementFactory.getRuntimeMXBean().getInputArguments();
        if (!shouldRelaunch(inputArguments, null) || options().isEmpty()) {
            return Optional.empty();
        }
        List<String> command = new ArrayList<>(relaunchCommand(Path.of(System.getProperty("java.home")),
                ownArguments(inputArguments, environmentOptions()),
                System.getProperty("java.class.path"), mainClass, args));
        command.addAll(1, archiveOptions(System.getProperty("java.class.path"), inputArguments));
        if (System.getProperty(PROCESS_START) != null) {
            // the viewer's start-up report counts from this process's start, not the relaunched one's
            command.add(1, "-D" + PROCESS_START + "=" + System.getProperty(PROCESS_START));
        }
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

    /**
     * For the start-up report, if asked for: notes when this process began, unless a relaunching process passed on
     * when it did.
     */
    public static void noteProcessStart() {
        if (Boolean.getBoolean(STARTUP_REPORT) && System.getProperty(PROCESS_START) == null) {
            System.setProperty(PROCESS_START, Long.toString(ProcessStart.epochMillis()));
        }
    }

    private static boolean isWindows() {
        return System.getProperty("os.name", "").startsWith("Windows");
    }
}
