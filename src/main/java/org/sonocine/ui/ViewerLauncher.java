package org.sonocine.ui;

import javafx.application.Application;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Starts the JavaFX viewer on the given files and folders, or hands them to the viewer that already runs. */
public final class ViewerLauncher {
    static final String JAVAFX_CACHE_DIR = "javafx.cachedir";

    /** Files for the running window that arrive after start-up: from later launches, or from macOS Finder. */
    static final OpenRequests OPEN_REQUESTS = new OpenRequests();

    /** The file the viewer was started on, being opened while the window is built; null when there is none. */
    private static volatile EarlyOpening earlyOpening;

    private ViewerLauncher() {
    }

    public static void launch(String[] args) {
        launch(args, System.currentTimeMillis());
    }

    /** As {@link #launch(String[])}, with when {@code main} began, for the start-up report. */
    public static void launch(String[] args, long mainEnteredMillis) {
        StartupReport.startIfAsked(mainEnteredMillis);
        UserDirectories folders = UserDirectories.current();
        keepJavaFxCacheIn(folders.cache().resolve("openjfx"));
        List<Path> paths = Arrays.stream(args).map(Path::of).toList();
        try (SingleInstance instance = SingleInstance.start(folders.runtime().resolve("instance.lock"), paths,
                OPEN_REQUESTS::post)) {
            if (instance.forwarded()) {
                return;
            }
            MacOpenFiles.forwardTo(OPEN_REQUESTS);
            earlyOpening = EarlyOpening.start(paths).orElse(null);
            Application.launch(ViewerApp.class, args);
        }
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
