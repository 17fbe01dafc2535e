package org.sonocine.ui;

import javafx.scene.Node;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;

/**
 * Where a bar of the window goes (menus, tools, cine controls, status) that a start builds only once the first frame
 * is on screen. Until then an empty stand-in holds the place, as tall as the bar and in its colours (the heights are
 * in the style sheet), so that the image between the bars neither moves nor changes size when they come.
 */
final class BarPlace extends StackPane {
    private final Region standIn;

    /** @param standInClasses the style classes that give an empty stand-in the bar's height and colours */
    BarPlace(String id, String... standInClasses) {
        this(id, new Region());
        standIn.getStyleClass().addAll(standInClasses);
    }

    /** With a stand-in of its own, for a bar whose height follows what it holds. */
    BarPlace(String id, Region standIn) {
        this.standIn = standIn;
        setId(id);
        getStyleClass().add("bar-place");
        standIn.getStyleClass().add("bar-stand-in");
        getChildren().add(standIn);
    }

    /** Puts the bar in its place, for good. */
    void fill(Node bar) {
        getChildren().setAll(bar);
    }
}
