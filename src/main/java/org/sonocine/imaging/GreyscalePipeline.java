package org.sonocine.imaging;

import org.sonocine.dicom.Attributes;
import org.sonocine.dicom.Sequence;
import org.sonocine.dicom.Tag;

/**
 * Where the grey-level transforms of a frame come from (PS3.3 C.11): the Modality LUT (Rescale Slope and
 * Intercept, or Modality LUT Sequence) and the VOI (windows, or VOI LUT Sequence), each looked up in the frame's
 * Per-frame Functional Groups, then the Shared Functional Groups, then the top level of the header.
 */
final class GreyscalePipeline {
    private GreyscalePipeline() {
    }

    /** Rescale slope and intercept for frame {@code index}: (1, 0) when the header has none. */
    static double[] rescale(Attributes ds, int index) {
        Attributes item = functionalGroup(ds, index, Tag.PixelValueTransformationSequence);
        Attributes source = item != null ? item : ds;
        double slope = source.getDouble(Tag.RescaleSlope);
        double intercept = source.getDouble(Tag.RescaleIntercept);
        return new double[] {Double.isFinite(slope) && slope != 0 ? slope : 1,
            Double.isFinite(intercept) ? intercept : 0};
    }

    static LookupTable modalityLut(Attributes ds, boolean signed) {
        Sequence seq = ds.getSequence(Tag.ModalityLUTSequence);
        return seq == null || seq.isEmpty() ? null : LookupTable.of(seq.get(0), signed);
    }

    /** The first window the header gives for frame {@code index}, or null. */
    static VoiWindow window(Attributes ds, int index) {
        Attributes item = functionalGroup(ds, index, Tag.FrameVOILUTSequence);
        Attributes source = item != null ? item : ds;
        double center = source.getDouble(Tag.WindowCenter, 0);
        double width = source.getDouble(Tag.WindowWidth, 0);
        if (!Double.isFinite(center) || !(width > 0)) {
            return null;
        }
        return new VoiWindow(center, width, VoiWindow.Function.of(source.getString(Tag.VOILUTFunction)));
    }

    static LookupTable voiLut(Attributes ds, int index) {
        Attributes item = functionalGroup(ds, index, Tag.FrameVOILUTSequence);
        Sequence seq = (item != null ? item : ds).getSequence(Tag.VOILUTSequence);
        return seq == null || seq.isEmpty() ? null : LookupTable.of(seq.get(0), false);
    }

    /** The first item of {@code macro} in the frame's per-frame group, else in the shared group; null if none. */
    static Attributes functionalGroup(Attributes ds, int index, int macro) {
        Sequence perFrame = ds.getSequence(Tag.PerFrameFunctionalGroupsSequence);
        if (perFrame != null && index < perFrame.size()) {
            Sequence s = perFrame.get(index).getSequence(macro);
            if (s != null && !s.isEmpty()) {
                return s.get(0);
            }
        }
        Sequence shared = ds.getSequence(Tag.SharedFunctionalGroupsSequence);
        if (shared != null && !shared.isEmpty()) {
            Sequence s = shared.get(0).getSequence(macro);
            if (s != null && !s.isEmpty()) {
                return s.get(0);
            }
        }
        return null;
    }
}
