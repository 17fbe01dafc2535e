package org.sonocine.ui;

import javafx.scene.Node;
import javafx.scene.control.SplitPane;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;

/**
 * A split of three: two side panels that keep their share of the width, never narrower than their minimum,
 * whatever the window goes through (a window narrowed and widened again gets back the proportions it had), and
 * the centre between them, which takes what they leave. Dragging a divider chooses new shares.
 * <p>
 * A plain split pane gives a width change to some panels and takes it from others, so a panel squeezed once stays
 * squeezed; here the divider positions are set from the shares whenever the width changes.
 */
final class SidePanels extends SplitPane {
    private final Region left;
    private final Region right;
    private final PanelShares shares;
    private double laidOutWidth = -1;
    private boolean draggingDivider;

    SidePanels(Region left, Region centre, Region right, PanelShares shares) {
        super(left, centre, right);
        this.left = left;
        this.right = right;
        this.shares = shares;
        left.setMinWidth(shares.leftMin());
        centre.setMinWidth(shares.centreMin());
        right.setMinWidth(shares.rightMin());
        addEventFilter(MouseEvent.MOUSE_PRESSED, e -> draggingDivider = onDivider(e));
        addEventFilter(MouseEvent.MOUSE_RELEASED, e -> dividerReleased());
    }

    PanelShares shares() {
        return shares;
    }

    @Override
    protected void layoutChildren() {
        double width = getWidth();
        if (width != laidOutWidth && width > 0) {
            laidOutWidth = width;
            applyShares(width);
            super.layoutChildren();
            // The skin checks the first divider against where the second one was: when both move far, as when a
            // narrowed window is widened again, the first stops short in one pass and needs a second.
            applyShares(width);
        }
        super.layoutChildren();
    }

    private void applyShares(double width) {
        double divider = dividerWidth();
        double[] widths = shares.widths(width - 2 * divider);
        setDividerPositions((widths[0] + divider / 2) / width, (width - widths[2] - divider / 2) / width);
    }

    private void dividerReleased() {
        if (draggingDivider) {
            draggingDivider = false;
            double width = getWidth();
            if (width > 0) {
                shares.chosen(left.getWidth() / width, right.getWidth() / width);
            }
        }
    }

    private double dividerWidth() {
        Node divider = lookup(".split-pane-divider");
        return divider instanceof Region r ? r.prefWidth(-1) : 0;
    }

    private static boolean onDivider(MouseEvent e) {
        for (Node n = e.getPickResult().getIntersectedNode(); n != null; n = n.getParent()) {
            if (n.getStyleClass().contains("split-pane-divider")) {
                return true;
            }
        }
        return false;
    }
}
