package org.sonocine.ui;

import java.awt.Desktop;
import java.io.File;

/**
 * macOS hands a file opened from Finder to the app as an event, not as an argument, both when it starts the app
 * and when the app already runs.
 */
final class MacOpenFiles {
    private MacOpenFiles() {
    }

    /** Passes Finder's open-file events to {@code requests}; call before JavaFX starts so the first one is caught. */
    static void forwardTo(OpenRequests requests) {
        // Elsewhere files arrive as arguments, and asking AWT would start a second toolkit beside JavaFX for nothing.
        if (!System.getProperty("os.name", "").startsWith("Mac") || !Desktop.isDesktopSupported()) {
            return;
        }
        Desktop desktop = Desktop.getDesktop();
        if (desktop.isSupported(Desktop.Action.APP_OPEN_FILE)) {
            desktop.setOpenFileHandler(event -> requests.post(event.getFiles().stream().map(File::toPath).toList()));
        }
    }
}
