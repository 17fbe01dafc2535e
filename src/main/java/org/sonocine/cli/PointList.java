package org.sonocine.cli;

import org.sonocine.study.measure.PixelPoint;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Points as users write them on the command line: "X1,Y1,X2,Y2,…", column then row, 0-based pixel centres in the
 * stored grid; fractions allowed.
 */
final class PointList {
    private PointList() {
    }

    /** The points of {@code text}, given for {@code option}, which takes {@code form}. */
    static List<PixelPoint> parse(String option, String form, String text) {
        String[] parts = text.split(",", -1);
        if (parts.length % 2 != 0) {
            throw new IllegalArgumentException(option + " takes " + form + ": pairs of column,row, got " + parts.length
                    + " numbers");
        }
        List<PixelPoint> points = new ArrayList<>(parts.length / 2);
        for (int i = 0; i < parts.length; i += 2) {
            points.add(new PixelPoint(number(option, form, parts[i]), number(option, form, parts[i + 1])));
        }
        return points;
    }

    private static double number(String option, String form, String part) {
        try {
            double value = Double.parseDouble(part.trim());
            if (Double.isFinite(value)) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below with the option's form
        }
        throw new IllegalArgumentException(option + " takes " + form + ": '" + part.trim() + "' is not a number");
    }

    /** Refuses points that lie off the grid of {@code columns} x {@code rows} pixels. */
    static void requireInside(List<PixelPoint> points, int columns, int rows) {
        for (int i = 0; i < points.size(); i++) {
            PixelPoint p = points.get(i);
            if (p.x() < 0 || p.x() > columns - 1 || p.y() < 0 || p.y() > rows - 1) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "point %d (%s,%s) lies outside the image: columns 0-%d, rows 0-%d", i + 1, text(p.x()),
                        text(p.y()), columns - 1, rows - 1));
            }
        }
    }

    /** A coordinate as the user wrote it: whole numbers without ".0". */
    private static String text(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
