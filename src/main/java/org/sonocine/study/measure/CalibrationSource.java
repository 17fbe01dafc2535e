package org.sonocine.study.measure;

/** Where the physical scale of a measurement came from. */
public enum CalibrationSource {
    /** An item of Sequence of Ultrasound Regions. */
    REGION("region", ""),
    /** Pixel Spacing (0028,0030), or Pixel Measures of an enhanced image. */
    PIXEL_SPACING("PixelSpacing", ""),
    /** Imager Pixel Spacing (0018,1164): spacing at the detector, not in the patient. */
    IMAGER_PIXEL_SPACING("ImagerPixelSpacing", "Imager Pixel Spacing is not corrected for magnification"),
    /** No calibration: values are in pixels. */
    NONE("none", "");

    private final String keyword;
    private final String note;

    CalibrationSource(String keyword, String note) {
        this.keyword = keyword;
        this.note = note;
    }

    /** As the command line's JSON writes it: "region", "PixelSpacing", "ImagerPixelSpacing" or "none". */
    public String keyword() {
        return keyword;
    }

    /** What a reader must know about values from this source; empty when nothing. */
    public String note() {
        return note;
    }
}
