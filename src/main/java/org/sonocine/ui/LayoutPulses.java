package org.sonocine.ui;

import javafx.application.Platform;
import javafx.scene.Scene;

/** Work to do once a scene's next pulse has laid it out, just before that pulse hands the scene to the renderer. */
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
}
