package org.sonocine.ui;

import javafx.scene.Node;
import javafx.scene.shape.SVGPath;

/** Small vector icons for the cine controls, so they do not depend on the fonts a machine has. */
final class Icons {
    static final String FIRST = "M2 2h2v12H2z M14 2v12L5 8z";
    static final String STEP_BACK = "M12 2v12L4 8z";
    static final String PLAY = "M4 2v12l10-6z";
    static final String PAUSE = "M3 2h4v12H3z M9 2h4v12H9z";
    static final String STEP_FORWARD = "M4 2v12l8-6z";
    static final String LAST = "M12 2h2v12h-2z M2 2v12l9-6z";

    private Icons() {
    }

    static Node of(String path) {
        SVGPath svg = new SVGPath();
        svg.setContent(path);
        svg.getStyleClass().add("icon");
        return svg;
    }
}
