package org.sonocine.imaging;

import java.util.Locale;

/** Photometric Interpretation (0028,0004): how samples make a colour or a grey level. */
public enum Photometric {
    MONOCHROME1, MONOCHROME2, PALETTE_COLOR, RGB, YBR_FULL, YBR_FULL_422, YBR_PARTIAL_422, YBR_PARTIAL_420,
    YBR_ICT, YBR_RCT, UNKNOWN;

    /** Parses the defined term, tolerating case, padding and spaces vs underscores. */
    public static Photometric of(String value) {
        if (value == null) {
            return UNKNOWN;
        }
        String term = value.trim().toUpperCase(Locale.ROOT).replace(' ', '_');
        for (Photometric p : values()) {
            if (p.name().equals(term)) {
                return p;
            }
        }
        return UNKNOWN;
    }

    /** The defined term as DICOM writes it (PALETTE COLOR with a space). */
    public String term() {
        return this == PALETTE_COLOR ? "PALETTE COLOR" : name();
    }

    public boolean isMonochrome() {
        return this == MONOCHROME1 || this == MONOCHROME2;
    }

    public boolean isYbr() {
        return name().startsWith("YBR");
    }

    /** Chroma subsampled in the native encoding: two luma samples share one chroma pair. */
    public boolean isSubsampled() {
        return this == YBR_FULL_422 || this == YBR_PARTIAL_422 || this == YBR_PARTIAL_420;
    }
}
