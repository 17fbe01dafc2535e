package org.sonocine.ui;

import javafx.geometry.Insets;
import javafx.scene.Cursor;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;
import javafx.scene.shape.Rectangle;

/**
 * A split of three: two side panels that keep their share of the width, never narrower than their minimum,
 * whatever the window goes through (a window narrowed and widened again gets back the proportions it had), and
 * the centre between them, which takes what they leave. Dragging a divider chooses new shares.
 * <p>
 * Laid out here rather than by a split pane: a split pane gives a width change to some panels and takes it from
 * others, so a panel squeezed once stays squeezed; and, being a control, it would bring the controls' default style
 * sheet into the window's first pulse, which a start keeps to the image alone (see {@link MainWindow#forStart}).
 */
final class SidePanels extends Region {
    static final String DIVIDER_CLASS = "side-panel-divider";

    private final Region left;
    private final Region centre;
    private final Region right;
    private final Region leftDivider = divider();
    private final Region rightDivider = divider();
    private final PanelShares shares;
    /** Where the pointer was when a divider was pressed, and the width of the panel it moves then. */
    private double dragStartX;
    private double dragStartWidth;

    SidePanels(Region left, Region centre, Region right, PanelShares shares) {
        this.left = left;
        this.centre = centre;
        this.right = right;
        this.shares = shares;
        getStyleClass().add("side-panels");
        left.setMinWidth(shares.leftMin());
        centre.setMinWidth(shares.centreMin());
        right.setMinWidth(shares.rightMin());
        for (Region part : new Region[] {left, centre, right}) {
            clipToBounds(part);
        }
        getChildren().addAll(left, leftDivider, centre, rightDivider, right);
        leftDivider.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> startDrag(e, left));
        leftDivider.addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> drag(e, true));
        rightDivider.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> startDrag(e, right));
        rightDivider.addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> drag(e, false));
    }

    PanelShares shares() {
        return shares;
    }

    private static Region divider() {
        Region divider = new Region();
        divider.getStyleClass().add(DIVIDER_CLASS);
        divider.setCursor(Cursor.H_RESIZE);
        return divider;
    }

    /** What a panel holds never spills over a divider into its neighbour, whatever its own minimum width. */
    private static void clipToBounds(Region part) {
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(part.widthProperty());
        clip.heightProperty().bind(part.heightProperty());
        part.setClip(clip);
    }

    /** The width the three panels share: all but the insets and the dividers. */
    private double panelsWidth() {
        Insets insets = getInsets();
        return Math.max(0, getWidth() - insets.getLeft() - insets.getRight() - 2 * dividerWidth());
    }

    private double dividerWidth() {
        return snapSizeX(leftDivider.prefWidth(-1));
    }

    @Override
    protected double computeMinWidth(double height) {
        Insets insets = getInsets();
        return insets.getLeft() + shares.leftMin() + shares.centreMin() + shares.rightMin() + 2 * dividerWidth()
                + insets.getRight();
    }

    @Override
    protected double computePrefWidth(double height) {
        Insets insets = getInsets();
        return insets.getLeft() + left.prefWidth(-1) + centre.prefWidth(-1) + right.prefWidth(-1)
                + 2 * dividerWidth() + insets.getRight();
    }

    @Override
    protected double computeMinHeight(double width) {
        Insets insets = getInsets();
        return insets.getTop() + Math.max(left.minHeight(-1), Math.max(centre.minHeight(-1), right.minHeight(-1)))
                + insets.getBottom();
    }

    @Override
    protected double computePrefHeight(double width) {
        Insets insets = getInsets();
        return insets.getTop() + Math.max(left.prefHeight(-1), Math.max(centre.prefHeight(-1),
                right.prefHeight(-1))) + insets.getBottom();
    }

    @Override
    protected void layoutChildren() {
        Insets insets = getInsets();
        double height = Math.max(0, getHeight() - insets.getTop() - insets.getBottom());
        double divider = dividerWidth();
        double panels = panelsWidth();
        double[] widths = shares.widths(panels);
        double leftWidth = snapSizeX(widths[0]);
        double rightWidth = snapSizeX(widths[2]);
        double centreWidth = Math.max(0, panels - leftWidth - rightWidth);
        double x = snapPositionX(insets.getLeft());
        double y = snapPositionY(insets.getTop());
        left.resizeRelocate(x, y, leftWidth, height);
        x += leftWidth;
        leftDivider.resizeRelocate(x, y, divider, height);
        x += divider;
        centre.resizeRelocate(x, y, centreWidth, height);
        x += centreWidth;
        rightDivider.resizeRelocate(x, y, divider, height);
        x += divider;
        right.resizeRelocate(x, y, rightWidth, height);
    }

    private void startDrag(MouseEvent e, Region panel) {
        if (e.getButton() == MouseButton.PRIMARY) {
            dragStartX = e.getSceneX();
            dragStartWidth = panel.getWidth();
            e.consume();
        }
    }

    /**
     * Moves a divider with the pointer: the panel beside it grows or shrinks, down to its minimum and up to what
     * leaves the centre its minimum, and a fifth of the width, with the other panel as it is.
     */
    private void drag(MouseEvent e, boolean leftPanel) {
        if (!e.isPrimaryButtonDown()) {
            return;
        }
        double total = panelsWidth();
        if (total <= 0) {
            return;
        }
        double moved = e.getSceneX() - dragStartX;
        // Stopped where the shares would be scaled back (PanelShares.chosen), which would narrow the other panel too.
        double centre = shares.centreAtLeast(total);
        if (leftPanel) {
            double width = clamp(dragStartWidth + moved, shares.leftMin(), total - centre - right.getWidth());
            shares.chosen(width / total, right.getWidth() / total);
        } else {
            double width = clamp(dragStartWidth - moved, shares.rightMin(), total - centre - left.getWidth());
            shares.chosen(left.getWidth() / total, width / total);
        }
        requestLayout();
        e.consume();
    }

    private static double clamp(double value, double min, double max) {
        return Math.max(min, Math.min(value, Math.max(min, max)));
    }
}
