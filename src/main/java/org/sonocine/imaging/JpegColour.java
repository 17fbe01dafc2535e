package org.sonocine.imaging;

/**
 * Reconciles the header's Photometric Interpretation with what a JPEG codestream really holds, trusting the
 * codestream: a file labelled RGB whose JPEG holds YCbCr must be converted for display, or it shows green.
 */
final class JpegColour {
    private JpegColour() {
    }

    /** The photometric interpretation of the decoded (full-resolution) samples, and a note when it differs. */
    record Resolution(Photometric photometric, String note) {
    }

    static Resolution resolve(PixelDescription header, JpegHeader jpeg) {
        Photometric declared = header.photometric();
        if (jpeg.components() != 3) {
            return new Resolution(declared, "");
        }
        if (jpeg.isLossless()) {
            return new Resolution(declared.isSubsampled() ? Photometric.YBR_FULL : declared, "");
        }
        boolean ycbcr = jpeg.holdsYcbcr();
        if (ycbcr) {
            // JPEG's YCbCr is full range whatever the header's YBR variant; subsampled chroma comes out upsampled.
            Photometric stored = Photometric.YBR_FULL;
            String note = declared == Photometric.RGB
                    ? "the header says RGB, but the JPEG codestream holds YCbCr: converted to RGB for display" : "";
            return new Resolution(stored, note);
        }
        String note = declared.isYbr()
                ? "the header says " + declared.term() + ", but the JPEG codestream holds RGB: shown as RGB" : "";
        return new Resolution(Photometric.RGB, note);
    }
}
