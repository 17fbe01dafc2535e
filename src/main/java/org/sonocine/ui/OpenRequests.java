package org.sonocine.ui;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Files to open that arrive from outside the window (a second launch, macOS Finder), held until the window is
 * there to take them: such requests can come while the viewer is still starting.
 */
final class OpenRequests {
    private final List<List<Path>> waiting = new ArrayList<>();
    private Consumer<List<Path>> window;
    private boolean closed;

    /** Passes {@code paths} on or keeps them for the window; false once the viewer is closing and will open nothing. */
    synchronized boolean post(List<Path> paths) {
        if (closed) {
            return false;
        }
        if (window == null) {
            waiting.add(List.copyOf(paths));
        } else {
            window.accept(List.copyOf(paths));
        }
        return true;
    }

    /** From now on hands every request to {@code window}, starting with those that waited. */
    synchronized void deliverTo(Consumer<List<Path>> window) {
        this.window = window;
        waiting.forEach(window);
        waiting.clear();
    }

    synchronized void close() {
        closed = true;
        window = null;
        waiting.clear();
    }
}
