package org.sonocine.ui;

import javafx.application.Application;

/** Starts the JavaFX viewer on the given files and folders. */
public final class ViewerLauncher {
    private ViewerLauncher() {
    }

    public static void launch(String[] args) {
        Application.launch(ViewerApp.class, args);
    }
}
