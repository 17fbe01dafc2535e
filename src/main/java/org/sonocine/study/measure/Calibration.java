package org.sonocine.study.measure;

import org.sonocine.dicom.Attributes;
import org.sonocine.dicom.Sequence;
import org.sonocine.dicom.Tag;
import org.sonocine.study.UltrasoundRegion;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The calibration of one frame: its ultrasound regions, and what applies outside them (Pixel Spacing, else Imager
 * Pixel Spacing, else pixels). Given points, it finds the one scale that applies to all of them, or refuses.
 *
 * <p>An enhanced multi-frame image may give regions and Pixel Measures per frame in its functional groups; the
 * frame's own group wins over the shared group, which wins over the top level.
 */
public final class Calibration {
    private final List<UltrasoundRegion> regions;
    private final CalibrationSource outsideSource;
    private final double[] outsideSpacing;

    private Calibration(List<UltrasoundRegion> regions, CalibrationSource outsideSource, double[] outsideSpacing) {
        this.regions = regions;
        this.outsideSource = outsideSource;
        this.outsideSpacing = outsideSpacing;
    }

    /** The calibration of frame {@code frameIndex} (0-based) of {@code ds}. */
    public static Calibration of(Attributes ds, int frameIndex) {
        List<UltrasoundRegion> regions = new ArrayList<>();
        Sequence seq = functionalGroupSequence(ds, frameIndex, Tag.SequenceOfUltrasoundRegions)
                .orElse(ds.getSequence(Tag.SequenceOfUltrasoundRegions));
        if (seq != null) {
            for (Attributes item : seq) {
                regions.add(UltrasoundRegion.of(item));
            }
        }
        Optional<double[]> spacing = functionalGroupSequence(ds, frameIndex, Tag.PixelMeasuresSequence)
                .filter(s -> !s.isEmpty())
                .flatMap(s -> spacing(s.get(0), Tag.PixelSpacing))
                .or(() -> spacing(ds, Tag.PixelSpacing));
        if (spacing.isPresent()) {
            return new Calibration(List.copyOf(regions), CalibrationSource.PIXEL_SPACING, spacing.get());
        }
        Optional<double[]> imager = spacing(ds, Tag.ImagerPixelSpacing);
        return imager.map(s -> new Calibration(List.copyOf(regions), CalibrationSource.IMAGER_PIXEL_SPACING, s))
                .orElseGet(() -> new Calibration(List.copyOf(regions), CalibrationSource.NONE, null));
    }

    /** Sequence {@code tag} in the frame's per-frame functional group, else in the shared functional group. */
    private static Optional<Sequence> functionalGroupSequence(Attributes ds, int frameIndex, int tag) {
        Sequence perFrame = ds.getSequence(Tag.PerFrameFunctionalGroupsSequence);
        if (perFrame != null && frameIndex >= 0 && frameIndex < perFrame.size()) {
            Sequence s = perFrame.get(frameIndex).getSequence(tag);
            if (s != null) {
                return Optional.of(s);
            }
        }
        Sequence shared = ds.getSequence(Tag.SharedFunctionalGroupsSequence);
        if (shared != null && !shared.isEmpty()) {
            return Optional.ofNullable(shared.get(0).getSequence(tag));
        }
        return Optional.empty();
    }

    /** Row spacing \ column spacing, both positive and finite. */
    private static Optional<double[]> spacing(Attributes ds, int tag) {
        double[] s = ds.getDoubles(tag);
        return s.length == 2 && s[0] > 0 && s[1] > 0 && Double.isFinite(s[0]) && Double.isFinite(s[1])
                ? Optional.of(s) : Optional.empty();
    }

    /** The frame's ultrasound regions; region number n is element n - 1. */
    public List<UltrasoundRegion> regions() {
        return regions;
    }

    /** The number (1-based) of the innermost region that contains {@code point}, e.g. to show where a tool is. */
    public OptionalInt regionAt(PixelPoint point) {
        int best = 0;
        for (int i = 0; i < regions.size(); i++) {
            UltrasoundRegion r = regions.get(i);
            if (r.contains(point.x(), point.y())
                    && (best == 0 || r.pixelCount() < regions.get(best - 1).pixelCount())) {
                best = i + 1;
            }
        }
        return best > 0 ? OptionalInt.of(best) : OptionalInt.empty();
    }

    /**
     * The scale for a measurement over {@code points}: the smallest region that contains all of them; outside
     * every region, the spacing (or pixels). Refuses points that lie in different regions, or partly outside.
     */
    public Scale scaleFor(List<PixelPoint> points) {
        if (points.isEmpty()) {
            throw new IllegalArgumentException("a measurement needs at least one point");
        }
        int best = 0;
        for (int i = 0; i < regions.size(); i++) {
            UltrasoundRegion r = regions.get(i);
            if (points.stream().allMatch(p -> r.contains(p.x(), p.y()))
                    && (best == 0 || r.pixelCount() < regions.get(best - 1).pixelCount())) {
                best = i + 1;
            }
        }
        if (best > 0) {
            return regionScale(best);
        }
        TreeSet<Integer> inner = new TreeSet<>();
        boolean outside = false;
        for (PixelPoint p : points) {
            OptionalInt region = regionAt(p);
            if (region.isPresent()) {
                inner.add(region.getAsInt());
            } else {
                outside = true;
            }
        }
        if (inner.isEmpty()) {
            return outsideScale();
        }
        if (outside) {
            throw new MeasurementException("the points lie partly in " + numbers(inner, "ultrasound region ",
                    "ultrasound regions ") + " and partly outside every ultrasound region");
        }
        throw new MeasurementException("the points lie in different ultrasound regions (" + joined(inner) + ")");
    }

    public Scale scaleFor(PixelPoint... points) {
        return scaleFor(List.of(points));
    }

    private Scale regionScale(int number) {
        UltrasoundRegion r = regions.get(number - 1);
        Axis x = regionAxis(number, "X", r.unitsX(), r.deltaX(), (double) r.minX() + r.referencePixelX0(),
                r.referenceValueX());
        Axis y = regionAxis(number, "Y", r.unitsY(), r.deltaY(), (double) r.minY() + r.referencePixelY0(),
                r.referenceValueY());
        return new Scale(CalibrationSource.REGION, number, x, y);
    }

    private static Axis regionAxis(int number, String direction, UltrasoundRegion.Units units, double delta,
                                   double referencePixel, double referenceValue) {
        if (units == UltrasoundRegion.Units.NONE) {
            return Axis.pixels();
        }
        if (!Double.isFinite(delta) || delta == 0) {
            throw new MeasurementException("ultrasound region " + number + " gives " + units.text()
                    + " in " + direction + " but no usable Physical Delta " + direction);
        }
        return new Axis(referencePixel, referenceValue, delta, units.text(), units == UltrasoundRegion.Units.CM);
    }

    private Scale outsideScale() {
        if (outsideSource == CalibrationSource.NONE) {
            return new Scale(CalibrationSource.NONE, 0, Axis.pixels(), Axis.pixels());
        }
        // Pixel Spacing is row spacing (between rows, so along y) \ column spacing (along x).
        return new Scale(outsideSource, 0, Axis.spacing(outsideSpacing[1]), Axis.spacing(outsideSpacing[0]));
    }

    private static String numbers(TreeSet<Integer> numbers, String one, String many) {
        return (numbers.size() == 1 ? one : many) + joined(numbers);
    }

    /** "1 and 2", "1, 2 and 3". */
    private static String joined(TreeSet<Integer> numbers) {
        List<String> text = numbers.stream().map(String::valueOf).collect(Collectors.toList());
        String last = text.remove(text.size() - 1);
        return text.isEmpty() ? last : String.join(", ", text) + " and " + last;
    }
}
