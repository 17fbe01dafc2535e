package org.sonocine.export;

import org.sonocine.imaging.DisplayFrame;
import org.sonocine.study.CineTiming;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;

/**
 * Draws a {@link BurnIn} into rendered frames, in the viewer's colours and proportioned to the exported size, so
 * that a video shows what the screen showed. Frames are copied, never drawn on in place.
 */
final class OverlayPainter {
    private static final Color LINE = new Color(0xffd54a);
    private static final Color TEXT = Color.WHITE;
    private static final Color BACKDROP = new Color(0, 0, 0, 153);
    private static final int OPAQUE = 0xff000000;

    private final BurnIn burnIn;
    private final CineTiming timing;
    private final double[] startMs;
    private final double scaleX;
    private final double scaleY;

    /**
     * @param columns the stored image's width, in which marks are given
     * @param rows    its height
     * @param width   the rendered frames' width
     * @param height  their height
     */
    OverlayPainter(BurnIn burnIn, CineTiming timing, int columns, int rows, int width, int height) {
        this.burnIn = burnIn;
        this.timing = timing;
        this.startMs = timing.startTimesMs();
        this.scaleX = (double) width / columns;
        this.scaleY = (double) height / rows;
    }

    DisplayFrame paint(DisplayFrame frame) {
        int w = frame.width();
        int h = frame.height();
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        int[] pixels = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        System.arraycopy(frame.argb(), 0, pixels, 0, pixels.length);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            // Sizes follow the exported height, so that a half-size GIF keeps the proportions of a full one.
            int fontSize = (int) Math.max(10, Math.round(h / 42.0));
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, fontSize));
            for (BurnIn.Mark mark : burnIn.marks()) {
                if (mark.isOn(frame.index())) {
                    drawMark(g, mark, Math.max(1.5f, h / 400f), w, h);
                }
            }
            if (burnIn.overlayText()) {
                drawOverlayText(g, frame.index());
            }
        } finally {
            g.dispose();
        }
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] |= OPAQUE;
        }
        return new DisplayFrame(frame.index(), w, h, pixels);
    }

    private void drawOverlayText(Graphics2D g, int index) {
        int first = timing.startFrame() - 1;
        int at = Math.max(0, Math.min(startMs.length - 1, index - first));
        String[] lines = timing.frames() < 2
                ? new String[] {OverlayText.frameLine(index, timing.frames(), 0)}
                : new String[] {OverlayText.frameLine(index, timing.frames(), startMs[at]),
                OverlayText.rateLine(timing)};
        FontMetrics metrics = g.getFontMetrics();
        int margin = Math.max(4, metrics.getHeight() / 3);
        int y = margin;
        for (String line : lines) {
            drawLabel(g, line, margin, y, TEXT);
            y += metrics.getHeight() + 2;
        }
    }

    private void drawMark(Graphics2D g, BurnIn.Mark mark, float strokeWidth, int width, int height) {
        double[] p = mark.points();
        for (int i = 0; i < p.length; i += 2) {
            p[i] *= scaleX;
            p[i + 1] *= scaleY;
        }
        g.setColor(LINE);
        g.setStroke(new BasicStroke(strokeWidth, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        switch (mark.shape()) {
            case ELLIPSE -> {
                double x0 = Math.min(p[0], p[p.length - 2]);
                double y0 = Math.min(p[1], p[p.length - 1]);
                g.draw(new Ellipse2D.Double(x0, y0, Math.abs(p[p.length - 2] - p[0]),
                        Math.abs(p[p.length - 1] - p[1])));
            }
            case CROSS -> {
                double arm = 4 * strokeWidth + 4;
                Path2D.Double cross = new Path2D.Double();
                for (int i = 0; i < p.length; i += 2) {
                    cross.moveTo(p[i] - arm, p[i + 1]);
                    cross.lineTo(p[i] + arm, p[i + 1]);
                    cross.moveTo(p[i], p[i + 1] - arm);
                    cross.lineTo(p[i], p[i + 1] + arm);
                }
                g.draw(cross);
            }
            default -> {
                Path2D.Double line = new Path2D.Double();
                line.moveTo(p[0], p[1]);
                for (int i = 2; i < p.length; i += 2) {
                    line.lineTo(p[i], p[i + 1]);
                }
                if (mark.shape() == BurnIn.Shape.POLYGON) {
                    line.closePath();
                }
                g.draw(line);
            }
        }
        if (!mark.label().isEmpty()) {
            placeLabel(g, mark.label(), p[p.length - 2], p[p.length - 1], width, height);
        }
    }

    /** Right of and below the point, or on the other side where the label would leave the frame, as on screen. */
    private static void placeLabel(Graphics2D g, String text, double x, double y, int width, int height) {
        FontMetrics metrics = g.getFontMetrics();
        int w = metrics.stringWidth(text) + 8;
        int h = metrics.getHeight();
        double left = x + 8 + w <= width ? x + 8 : Math.max(0, x - 8 - w);
        double top = y + 4 + h <= height ? y + 4 : Math.max(0, y - 4 - h);
        drawLabel(g, text, (int) Math.round(left), (int) Math.round(top), LINE);
    }

    /** Text on a dark backdrop with its top-left corner at (x, y), readable on bright and dark images alike. */
    private static void drawLabel(Graphics2D g, String text, int x, int y, Color colour) {
        FontMetrics metrics = g.getFontMetrics();
        g.setColor(BACKDROP);
        g.fillRect(x, y, metrics.stringWidth(text) + 8, metrics.getHeight());
        g.setColor(colour);
        g.drawString(text, x + 4, y + metrics.getAscent());
    }
}
