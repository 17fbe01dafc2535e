package org.sonocine.imaging;

import org.sonocine.dicom.Bytes;
import org.sonocine.imaging.codec.DecodeException;

/**
 * A JPEG 2000 codestream's image and tile size (SIZ segment, ISO/IEC 15444-1 A.5.1), read and checked before the
 * codestream is decoded. A decoder allocates in proportion to what SIZ declares (the image, every tile, every
 * component), so a codestream of a few bytes declaring 60000 x 60000 pixels or a million tiles could run it out
 * of memory. Only a SIZ that agrees with the DICOM header and that the codestream's length can back is let through.
 *
 * @param width      Xsiz - XOsiz
 * @param height     Ysiz - YOsiz
 * @param tiles      the number of tiles the tile grid gives
 * @param components Csiz
 * @param precision  bits of the first component
 * @param signed     whether the first component is signed
 */
record Jpeg2000Siz(long width, long height, long tiles, int components, int precision, boolean signed) {
    private static final int SOC = 0xFF4F;
    private static final int SIZ = 0xFF51;
    /** The smallest tile-part: an SOT segment (12 bytes) and an SOD marker (2). */
    static final int MIN_TILE_PART_BYTES = 14;

    /** The SIZ segment of the codestream that starts at {@code start} of {@code b}. */
    static Jpeg2000Siz parse(byte[] b, int start) throws DecodeException {
        // SOC (2) SIZ (2) Lsiz (2) Rsiz (2) Xsiz..YTOsiz (8 x 4) Csiz (2), then 3 bytes per component
        if (start < 0 || start + 4 > b.length || u16(b, start) != SOC || u16(b, start + 2) != SIZ) {
            throw new DecodeException("not a JPEG 2000 codestream: no SOC and SIZ markers at its start");
        }
        int at = start + 4;
        if (at + 38 > b.length) {
            throw new DecodeException("the JPEG 2000 codestream ends inside its SIZ segment");
        }
        int length = u16(b, at);
        int components = u16(b, at + 36);
        if (components == 0 || length != 38 + 3 * components || at + length > b.length) {
            throw new DecodeException("the JPEG 2000 SIZ segment of " + length + " bytes does not hold the "
                    + components + " components it declares");
        }
        long xsiz = u32(b, at + 4);
        long ysiz = u32(b, at + 8);
        long xosiz = u32(b, at + 12);
        long yosiz = u32(b, at + 16);
        long xtsiz = u32(b, at + 20);
        long ytsiz = u32(b, at + 24);
        long xtosiz = u32(b, at + 28);
        long ytosiz = u32(b, at + 32);
        if (xsiz <= xosiz || ysiz <= yosiz) {
            throw new DecodeException("the JPEG 2000 codestream declares an empty image (Xsiz " + xsiz + ", XOsiz "
                    + xosiz + ", Ysiz " + ysiz + ", YOsiz " + yosiz + ")");
        }
        if (xtsiz == 0 || ytsiz == 0 || xtosiz > xosiz || ytosiz > yosiz || xtsiz + xtosiz <= xosiz
                || ytsiz + ytosiz <= yosiz) {
            throw new DecodeException("the JPEG 2000 codestream declares tiles of " + xtsiz + " x " + ytsiz
                    + " at " + xtosiz + ", " + ytosiz + ", which do not cover its image");
        }
        for (int c = 0; c < components; c++) {
            int xr = b[at + 39 + 3 * c] & 0xFF;
            int yr = b[at + 40 + 3 * c] & 0xFF;
            if (xr == 0 || yr == 0) {
                throw new DecodeException("JPEG 2000 component " + (c + 1) + " declares a subsampling factor of 0"
                        + " (" + xr + " x " + yr + ")");
            }
        }
        long tiles = ceilDiv(xsiz - xtosiz, xtsiz) * ceilDiv(ysiz - ytosiz, ytsiz);
        int s = b[at + 38] & 0xFF;
        return new Jpeg2000Siz(xsiz - xosiz, ysiz - yosiz, tiles, components, (s & 0x7F) + 1, (s & 0x80) != 0);
    }

    /**
     * Fails unless the image has the header's size and samples per pixel, and a codestream of {@code length}
     * bytes could hold a tile-part for every tile.
     */
    void requireFits(PixelDescription header, int length) throws DecodeException {
        if (width != header.columns() || height != header.rows() || components != header.samplesPerPixel()) {
            throw new DecodeException("the JPEG 2000 codestream is " + width + " x " + height + " with " + components
                    + " components; the header says " + header.columns() + " x " + header.rows() + " with "
                    + header.samplesPerPixel());
        }
        long most = length / MIN_TILE_PART_BYTES;
        if (tiles > most) {
            throw new DecodeException("the JPEG 2000 codestream declares " + tiles + " tiles, but its " + length
                    + " bytes can hold at most " + most);
        }
    }

    /** The codestream itself: at byte 0, or inside the 'jp2c' box of a JP2 file; -1 when there is none. */
    static int codestreamStart(byte[] b) {
        if (b.length >= 2 && u16(b, 0) == SOC) {
            return 0;
        }
        int pos = 0;
        while (pos + 8 <= b.length) {
            long length = u32(b, pos);
            int header = 8;
            if (length == 1 && pos + 16 <= b.length) {
                length = (u32(b, pos + 8) << 32) | u32(b, pos + 12);
                header = 16;
            }
            if (b[pos + 4] == 'j' && b[pos + 5] == 'p' && b[pos + 6] == '2' && b[pos + 7] == 'c') {
                return pos + header;
            }
            if (length == 0 || length < header || pos + length > b.length) {
                return -1;
            }
            pos += (int) length;
        }
        return -1;
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }

    /** Marker segments are big-endian. */
    static int u16(byte[] b, int at) {
        return Bytes.uint16(b, at, true);
    }

    static long u32(byte[] b, int at) {
        return Bytes.int32(b, at, true) & 0xFFFFFFFFL;
    }
}
