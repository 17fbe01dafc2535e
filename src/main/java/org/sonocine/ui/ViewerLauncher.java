package org.sonocine.ui;

import javafx.application.Application;
import org.sonocine.imaging.FailureWords;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Starts the JavaFX viewer on the given files and folders, or hands them to the viewer that already runs. */
public final class ViewerLauncher {
    static final String JAVAFX_CACHE_DIR = "javafx.cachedir";

    /** Files for the running window that arrive after start-up: from later launches, or from macOS Finder. */
    static final OpenRequests OPEN_REQUESTS = new OpenRequests();

    /** The file the viewer was started on, opened while the window is shown; null when there is none. */
    private static volatile EarlyOpening earlyOpening;

    /** Set when the viewer could not start, its reason told: the run then fails. */
    private static volatile boolean failed;

    /** Held so that its filter lasts: java.util.logging keeps loggers only as long as someone refers to them. */
    private static java.util.logging.Logger javaFxLogger;

    private ViewerLauncher() {
    }

    /**
     * Runs the viewer until its window closes; false, with the reason told on standard error, when JavaFX could not
     * start at all (no display to open, as over ssh without X forwarding or on a server).
     */
    public static boolean launch(String[] args) {
        return launch(args, System.currentTimeMillis());
    }

    /** As {@link #launch(String[])}, with when {@code main} began, for the start-up report. */
    public static boolean launch(String[] args, long mainEnteredMillis) {
        StartupReport.startIfAsked(mainEnteredMillis);
        UserDirectories folders = UserDirectories.current();
        keepJavaFxCacheIn(folders.cache().resolve("openjfx"));
        List<Path> paths = Arrays.stream(args).map(Path::of).toList();
        try (SingleInstance instance = SingleInstance.start(folders.runtime().resolve("instance.lock"), paths,
                OPEN_REQUESTS::post)) {
            if (instance.forwarded()) {
                return true;
            }
            MacOpenFiles.forwardTo(OPEN_REQUESTS);
            earlyOpening = EarlyOpening.forStart(paths).orElse(null);
            try {
                passOverClassPathWarning();
                QuietEnding.install();
                Application.launch(ViewerApp.class, args);
                return !failed;
            } catch (RuntimeException e) {
                // JavaFX wraps a failure of the application's start in one of its own, with no more to say.
                couldNotStart(e.getCause() != null ? e.getCause() : e);
                return false;
            }
        }
    }

    /**
     * With its classes on the class path, as {@code java -jar sonocine.jar} runs it, JavaFX warns at every start that
     * this configuration is unsupported. It is the one the plain jar is made for and tested in (the installed
     * runtime has JavaFX as modules): the warning would only alarm users, and formatting it takes the toolkit's start
     * ~20 ms. Only that record is dropped; JavaFX's other warnings, such as a style sheet's, still show.
     */
    private static void passOverClassPathWarning() {
        if (!Application.class.getModule().isNamed()) {
            javaFxLogger = java.util.logging.Logger.getLogger("javafx");
            javaFxLogger.setFilter(entry -> entry.getMessage() == null
                    || !entry.getMessage().startsWith("Unsupported JavaFX configuration"));
        }
    }

    /**
     * Tells why the viewer could not start, in one line, and makes the run fail: JavaFX could not start at all, or
     * {@link ViewerApp} could not make the viewer once it had.
     */
    static void couldNotStart(Throwable failure) {
        failed = true;
        String reason = FailureWords.of(failure);
        System.err.println("sonocine: the viewer could not start: " + reason + (reason.contains("DISPLAY")
                ? " (it needs a graphical display; the command line runs without one: sonocine --help)" : ""));
    }

    /**
     * Does, on a thread of its own, what waits until the viewer's start is over (its first frame on screen): on two
     * cores, any earlier it would take time from the start. {@code accelerated} tells whether JavaFX draws with the
     * graphics hardware.
     */
    static void startIsOver(boolean accelerated) {
        Thread thread = new Thread(() -> {
            InstanceProtocol.prepare();
            try {
                Optional<SoftwareRenderingMemory> memory = SoftwareRenderingMemory.of(System::getProperty);
                if (memory.isPresent()) {
                    memory.get().afterStart(accelerated, System::getProperty);
                }
            } catch (IOException | RuntimeException e) {
                // Only a cache: the next start tries OpenGL first, as JavaFX does by itself.
            }
        }, "sonocine-after-start");
        thread.setDaemon(true);
        thread.start();
    }

    static Optional<EarlyOpening> earlyOpening() {
        return Optional.ofNullable(earlyOpening);
    }

    /**
     * JavaFX unpacks its native libraries at every start, by default into {@code ~/.openjfx}: keep them in the
     * user's cache folder instead, unless a place was chosen already ({@code -Djavafx.cachedir=...}).
     */
    static void keepJavaFxCacheIn(Path folder) {
        if (System.getProperty(JAVAFX_CACHE_DIR) == null) {
            System.setProperty(JAVAFX_CACHE_DIR, folder.toString());
        }
    }
}
