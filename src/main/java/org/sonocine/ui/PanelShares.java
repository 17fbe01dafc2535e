package org.sonocine.ui;

/**
 * The widths of two side panels and the space between them, from the share of the width each side panel is
 * meant to have and the minimum each part needs. Without a toolkit, so that the arithmetic is tested on its own.
 */
final class PanelShares {
    /** The most of the width the two sides may share: the centre keeps at least a fifth. */
    private static final double SIDES_AT_MOST = 0.8;
    private final double leftMin;
    private final double centreMin;
    private final double rightMin;
    private double leftShare;
    private double rightShare;

    PanelShares(double leftShare, double rightShare, double leftMin, double centreMin, double rightMin) {
        this.leftMin = leftMin;
        this.centreMin = centreMin;
        this.rightMin = rightMin;
        chosen(leftShare, rightShare);
    }

    double leftMin() {
        return leftMin;
    }

    double centreMin() {
        return centreMin;
    }

    double rightMin() {
        return rightMin;
    }

    double leftShare() {
        return leftShare;
    }

    double rightShare() {
        return rightShare;
    }

    /** The user chose these shares (by dragging a divider); the centre keeps at least a fifth. */
    void chosen(double left, double right) {
        double l = Math.max(0, left);
        double r = Math.max(0, right);
        double sides = l + r;
        double scale = sides > SIDES_AT_MOST ? SIDES_AT_MOST / sides : 1;
        leftShare = l * scale;
        rightShare = r * scale;
    }

    /** The least width a divider may leave the centre of {@code total}: its minimum, and a fifth of it. */
    double centreAtLeast(double total) {
        return Math.max(centreMin, (1 - SIDES_AT_MOST) * total);
    }

    /**
     * Left, centre and right widths that fill {@code total}: each side its share but at least its minimum; when
     * that leaves the centre less than its minimum, the sides give back what they have above their minimum, in
     * proportion to it. Below the sum of the minimums the sides keep their minimum and the centre gets the rest.
     */
    double[] widths(double total) {
        double left = Math.max(leftMin, leftShare * total);
        double right = Math.max(rightMin, rightShare * total);
        double missing = left + right + centreMin - total;
        if (missing > 0) {
            double spare = (left - leftMin) + (right - rightMin);
            double give = Math.min(missing, spare);
            if (spare > 0) {
                left -= give * (left - leftMin) / spare;
                right -= give * (right - rightMin) / spare;
            }
        }
        return new double[] {left, Math.max(0, total - left - right), right};
    }
}
