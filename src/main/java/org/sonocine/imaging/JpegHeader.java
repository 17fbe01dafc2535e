package org.sonocine.imaging;

import org.sonocine.imaging.codec.DecodeException;

/**
 * What the markers before the first scan of a JPEG codestream say: the coding process (SOF type), precision,
 * size, components with their identifiers and sampling, and the colour hints (JFIF, Adobe transform) that decide
 * whether three components are YCbCr or RGB.
 */
record JpegHeader(int sofMarker, int precision, int width, int height, int[] componentIds, int[] hSampling,
                  int[] vSampling, boolean jfif, int adobeTransform) {

    /** Reads the markers up to SOF; throws when there is no frame header. */
    static JpegHeader parse(byte[] b) throws DecodeException {
        if (b.length < 4 || (b[0] & 0xFF) != 0xFF || (b[1] & 0xFF) != 0xD8) {
            throw new DecodeException("not a JPEG codestream: no SOI marker at its start");
        }
        boolean jfif = false;
        int adobe = -1;
        int pos = 2;
        while (pos + 4 <= b.length) {
            if ((b[pos] & 0xFF) != 0xFF) {
                pos++;
                continue;
            }
            int marker = b[pos + 1] & 0xFF;
            if (marker == 0xFF || marker == 0x00 || (marker >= 0xD0 && marker <= 0xD7) || marker == 0x01) {
                pos++;
                continue;
            }
            int length = ((b[pos + 2] & 0xFF) << 8) | (b[pos + 3] & 0xFF);
            int segment = pos + 4;
            if (length < 2 || segment + length - 2 > b.length) {
                break;
            }
            if (marker == 0xE0 && length >= 7 && b[segment] == 'J' && b[segment + 1] == 'F' && b[segment + 2] == 'I'
                    && b[segment + 3] == 'F') {
                jfif = true;
            } else if (marker == 0xEE && length >= 14 && b[segment] == 'A' && b[segment + 1] == 'd'
                    && b[segment + 2] == 'o' && b[segment + 3] == 'b' && b[segment + 4] == 'e') {
                adobe = b[segment + 11] & 0xFF;
            } else if (isSof(marker) && length >= 8) {
                int precision = b[segment] & 0xFF;
                int height = ((b[segment + 1] & 0xFF) << 8) | (b[segment + 2] & 0xFF);
                int width = ((b[segment + 3] & 0xFF) << 8) | (b[segment + 4] & 0xFF);
                int n = b[segment + 5] & 0xFF;
                if (n == 0) {
                    throw new DecodeException("the JPEG frame header (SOF) declares no image components");
                }
                if (length < 8 + 3 * n) {
                    break;
                }
                int[] ids = new int[n];
                int[] h = new int[n];
                int[] v = new int[n];
                for (int c = 0; c < n; c++) {
                    ids[c] = b[segment + 6 + 3 * c] & 0xFF;
                    h[c] = (b[segment + 7 + 3 * c] & 0xFF) >> 4;
                    v[c] = b[segment + 7 + 3 * c] & 0x0F;
                }
                return new JpegHeader(marker, precision, width, height, ids, h, v, jfif, adobe);
            } else if (marker == 0xDA) {
                break;
            }
            pos = segment + length - 2;
        }
        throw new DecodeException("the JPEG codestream has no frame header (SOF) before its scan");
    }

    private static boolean isSof(int marker) {
        return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
    }

    boolean isLossless() {
        return sofMarker == 0xC3 || sofMarker == 0xC7 || sofMarker == 0xCB || sofMarker == 0xCF;
    }

    /** Baseline or extended sequential Huffman DCT. */
    boolean isSequentialHuffmanDct() {
        return sofMarker == 0xC0 || sofMarker == 0xC1;
    }

    /** Grey, or colour with full-resolution chroma and luma at 1x1, 2x1 (4:2:2) or 2x2 (4:2:0). */
    boolean hasCommonSampling() {
        if (components() == 1) {
            return true;
        }
        for (int c = 1; c < components(); c++) {
            if (hSampling[c] != 1 || vSampling[c] != 1) {
                return false;
            }
        }
        int h = hSampling[0];
        int v = vSampling[0];
        return (h == 1 && v == 1) || (h == 2 && v == 1) || (h == 2 && v == 2);
    }

    int components() {
        return componentIds.length;
    }

    /**
     * Whether three DCT-coded components hold YCbCr, by libjpeg's rules: a JFIF marker says YCbCr; an Adobe marker
     * says RGB for transform 0 and YCbCr otherwise; without either, components named 'R','G','B' are RGB and
     * anything else is YCbCr.
     */
    boolean holdsYcbcr() {
        if (components() != 3 || isLossless()) {
            return false;
        }
        if (jfif) {
            return true;
        }
        if (adobeTransform >= 0) {
            return adobeTransform != 0;
        }
        return !(componentIds[0] == 'R' && componentIds[1] == 'G' && componentIds[2] == 'B');
    }
}
