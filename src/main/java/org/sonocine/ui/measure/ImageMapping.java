package org.sonocine.ui.measure;

/**
 * Where the image is on screen: the screen position of the image's top-left corner and the size of one stored
 * pixel on screen, which differs across and down when the pixel aspect ratio is not 1. Measurements are kept in
 * image coordinates and drawn through this, so they stay put through zoom, pan, aspect correction and resizing.
 */
public record ImageMapping(double left, double top, double pixelWidth, double pixelHeight) {
    public static final ImageMapping NONE = new ImageMapping(0, 0, 1, 1);

    public double screenX(ImagePoint p) {
        return left + (p.x() + 0.5) * pixelWidth;
    }

    public double screenY(ImagePoint p) {
        return top + (p.y() + 0.5) * pixelHeight;
    }

    public ImagePoint toImage(double screenX, double screenY) {
        return new ImagePoint((screenX - left) / pixelWidth - 0.5, (screenY - top) / pixelHeight - 0.5);
    }

    /** How many image pixels across one screen pixel spans: hit tolerances are given on screen. */
    public double imagePixelsPerScreenPixel() {
        return 1 / Math.min(pixelWidth, pixelHeight);
    }
}
