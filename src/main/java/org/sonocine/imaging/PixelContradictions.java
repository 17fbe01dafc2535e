package org.sonocine.imaging;

import org.sonocine.imaging.codec.DecodeException;

/**
 * Header combinations that no decoder or renderer can honour, found once when a file is opened so that a frame
 * never fails half-way through with an index error: each check names the attributes that contradict each other.
 */
final class PixelContradictions {
    private PixelContradictions() {
    }

    /**
     * @param nativeData whether the frames are stored uncompressed, so that their layout is the header's to the
     *                   byte (compressed frames carry their own layout, which the decoders check)
     */
    static void check(PixelDescription d, boolean nativeData) throws DecodeException {
        Photometric p = d.photometric();
        int needed = p.isMonochrome() || p == Photometric.PALETTE_COLOR ? 1 : 3;
        // a compressed frame's samples are what its codestream says; the decoders reconcile the header with it
        if (nativeData && d.samplesPerPixel() != needed) {
            throw new DecodeException("Photometric Interpretation " + p.term() + " needs " + needed
                    + (needed == 1 ? " sample" : " samples") + " per pixel, but Samples per Pixel is "
                    + d.samplesPerPixel());
        }
        if (d.bitsAllocated() == 1) {
            if (!p.isMonochrome()) {
                throw new DecodeException("Bits Allocated 1 is defined for MONOCHROME1 and MONOCHROME2 only, not for "
                        + p.term());
            }
            if (d.signed()) {
                throw new DecodeException("Bits Allocated 1 with Pixel Representation 1 (signed) is contradictory:"
                        + " one-bit pixels are unsigned");
            }
        }
        if (nativeData && p == Photometric.YBR_PARTIAL_420) {
            throw new DecodeException("YBR_PARTIAL_420 is defined for compressed pixel data only, but this pixel data"
                    + " is uncompressed");
        }
        if (nativeData && p.isSubsampled() && d.columns() % 2 != 0) {
            throw new DecodeException(p.term() + " stores pairs of pixels, but Columns is odd (" + d.columns() + ")");
        }
    }
}
