package org.sonocine.study;

import org.sonocine.dicom.Attributes;
import org.sonocine.dicom.Sequence;
import org.sonocine.dicom.Tag;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How the pixel grid maps to the world. Display shape comes from Pixel Aspect Ratio, else Pixel Spacing (or
 * Imager Pixel Spacing); measurement comes from the ultrasound region that contains a point
 * ({@link org.sonocine.study.measure.Calibration}). They are different things: an ultrasound image may have square
 * display pixels and regions of different scales.
 *
 * @param displayAspect height / width of one displayed pixel (1 for square pixels)
 * @param aspectSource  keyword of the attribute the aspect came from, or "default"
 * @param pixelSpacing  row and column spacing in mm, when the header gives it
 * @param regions       the items of Sequence of Ultrasound Regions
 */
public record Geometry(double displayAspect, String aspectSource, Optional<double[]> pixelSpacing,
                       List<UltrasoundRegion> regions) {

    public static Geometry of(Attributes ds) {
        double[] par = ds.getDoubles(Tag.PixelAspectRatio);
        Optional<double[]> pixelSpacing = spacing(ds, Tag.PixelSpacing);
        Optional<double[]> imagerSpacing = spacing(ds, Tag.ImagerPixelSpacing);
        double aspect = 1;
        String source = "default";
        if (par.length == 2 && par[0] > 0 && par[1] > 0) {
            aspect = par[0] / par[1];
            source = "PixelAspectRatio";
        } else if (pixelSpacing.isPresent()) {
            aspect = pixelSpacing.get()[0] / pixelSpacing.get()[1];
            source = "PixelSpacing";
        } else if (imagerSpacing.isPresent()) {
            aspect = imagerSpacing.get()[0] / imagerSpacing.get()[1];
            source = "ImagerPixelSpacing";
        }
        Optional<double[]> spacing = pixelSpacing.or(() -> imagerSpacing);
        List<UltrasoundRegion> regions = new ArrayList<>();
        Sequence seq = ds.getSequence(Tag.SequenceOfUltrasoundRegions);
        if (seq != null) {
            for (Attributes item : seq) {
                regions.add(UltrasoundRegion.of(item));
            }
        }
        return new Geometry(aspect, source, spacing, List.copyOf(regions));
    }

    private static Optional<double[]> spacing(Attributes ds, int tag) {
        double[] s = ds.getDoubles(tag);
        return s.length == 2 && s[0] > 0 && s[1] > 0 ? Optional.of(s) : Optional.empty();
    }
}
