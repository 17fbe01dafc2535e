package org.sonocine.ui;

import javafx.application.Platform;
import javafx.scene.Scene;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Parts of a shown window still to build, built one a pulse or all at once. A part's controls are styled, skinned
 * and laid out by the pulse after it is put in; many parts in one pulse keep the JavaFX thread for as long as all of
 * them take, a window that answers nothing meanwhile. One a pulse, input is handled and animations move between
 * parts. Used on the JavaFX thread only.
 */
final class PiecewiseBuild {
    private final Deque<Runnable> left;
    private final List<Runnable> whenBuilt = new ArrayList<>();
    private boolean stepping;
    private boolean stopped;

    /** The parts, each put into the window by running it, in the order given. */
    PiecewiseBuild(List<Runnable> parts) {
        left = new ArrayDeque<>(parts);
    }

    /** Builds what is left at once, then runs what waits for the whole. */
    void finish() {
        for (Runnable part = left.poll(); part != null; part = left.poll()) {
            part.run();
        }
        runWhenBuilt();
    }

    /**
     * Builds what is left a part a pulse of {@code scene}, then runs {@code then}; a call while parts are being
     * built adds its {@code then} to theirs, each run once.
     */
    void inSteps(Scene scene, Runnable then) {
        whenBuilt.add(then);
        if (!stepping) {
            stepping = true;
            next(scene);
        }
    }

    private void next(Scene scene) {
        if (stopped) {
            return;
        }
        Runnable part = left.poll();
        if (part == null) {
            stepping = false;
            runWhenBuilt();
            return;
        }
        part.run();
        // after the pulse that styles and lays out this part, and after what came meanwhile (input, animations)
        LayoutPulses.afterNext(scene, () -> Platform.runLater(() -> next(scene)));
    }

    private void runWhenBuilt() {
        List<Runnable> waiting = List.copyOf(whenBuilt);
        whenBuilt.clear();
        waiting.forEach(Runnable::run);
    }

    /** Builds nothing more, and runs nothing that waited: the window is going away. */
    void stop() {
        stopped = true;
        left.clear();
        whenBuilt.clear();
    }
}
