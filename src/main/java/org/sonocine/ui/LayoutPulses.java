package org.sonocine.ui;

import javafx.application.Platform;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Region;
import javafx.scene.Scene;

/**
 * Work to do once a scene's next pulse has laid it out, just before that pulse hands the scene to the renderer; and
 * work to do once the renderer has drawn what it was handed.
 */
final class LayoutPulses {
    private LayoutPulses() {
    }

    /** Runs {@code then} once, on the JavaFX thread, after the layout of {@code scene}'s next pulse (asked for now). */
    static void afterNext(Scene scene, Runnable then) {
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            then.run();
        };
        scene.addPostLayoutPulseListener(once[0]);
        Platform.requestNextPulse();
    }

    /**
     * Runs {@code then} on the JavaFX thread once JavaFX's renderer has drawn what the pulses so far handed it: the
     * render jobs run one after another on one thread, and a snapshot's comes after theirs. The JavaFX thread stays
     * free meanwhile; only when it is back in the toolkit's event loop does a software-drawn window reach the
     * screen (GTK sends the drawing to the display from there).
     */
    static void afterRendered(Runnable then) {
        Region probe = new Region();
        probe.resize(1, 1);
        probe.snapshot(result -> {
            then.run();
            return null;
        }, null, new WritableImage(1, 1));
    }
}
