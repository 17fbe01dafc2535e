package org.sonocine.imaging.jpeg2000;

import java.io.ByteArrayOutputStream;

/**
 * A test-side HTJ2K encoder for small images: lossless, no wavelet levels (each component one code-block of at most
 * 64 x 64 samples, coded by a single HT cleanup pass), optionally with the reversible component transform or with
 * subsampled components. Written
 * from the encoder's side of ISO/IEC 15444-15 (quads, MEL, CxtVLC, U-VLC, MagSgn), choosing for each quad the first
 * CxtVLC codeword of the standard's tables that fits; the fuzz target's HTJ2K seeds come from here.
 */
public final class HtTestEncoder {
    private static final int MAX_SIZE = 64;

    private HtTestEncoder() {
    }

    /**
     * A raw HTJ2K codestream of {@code samples} (unsigned, interleaved by pixel).
     *
     * @param rct whether the three components are coded after the reversible component transform
     */
    public static byte[] codestream(int[] samples, int width, int height, int components, int bits, boolean rct) {
        if (width > MAX_SIZE || height > MAX_SIZE || (rct && components != 3)) {
            throw new IllegalArgumentException("at most 64 x 64 samples; the transform takes three components");
        }
        int[][] planes = new int[components][width * height];
        int shift = 1 << (bits - 1);
        for (int i = 0; i < width * height; i++) {
            for (int c = 0; c < components; c++) {
                planes[c][i] = samples[i * components + c] - shift;
            }
            if (rct) {
                int r = planes[0][i];
                int g = planes[1][i];
                int b = planes[2][i];
                planes[0][i] = (r + 2 * g + b) >> 2;
                planes[1][i] = b - g;
                planes[2][i] = r - g;
            }
        }
        int[] ones = new int[components];
        java.util.Arrays.fill(ones, 1);
        return codestream(planes, width, height, bits, rct, ones, ones);
    }

    /**
     * A raw HTJ2K codestream of components subsampled {@code dx[c]} x {@code dy[c]}, given DC-shifted (and
     * transformed) at their own sizes, ⌈width / dx⌉ x ⌈height / dy⌉.
     */
    public static byte[] subsampled(int[][] samples, int width, int height, int bits, int[] dx, int[] dy) {
        int[][] planes = new int[samples.length][];
        for (int c = 0; c < samples.length; c++) {
            planes[c] = samples[c].clone();
            for (int i = 0; i < planes[c].length; i++) {
                planes[c][i] -= 1 << (bits - 1);
            }
        }
        return codestream(planes, width, height, bits, false, dx, dy);
    }

    private static byte[] codestream(int[][] planes, int width, int height, int bits, boolean rct, int[] dx,
                                     int[] dy) {
        int components = planes.length;
        // One guard bit and an exponent of bits + 1: M_b = bits + 1, room for the transform's differences.
        int magnitudeBits = bits + 1;
        Out out = new Out();
        out.u16(0xFF4F);
        out.u16(0xFF51).u16(38 + 3 * components).u16(0x4000);
        for (int v : new int[] {width, height, 0, 0, width, height, 0, 0}) {
            out.u32(v);
        }
        out.u16(components);
        for (int c = 0; c < components; c++) {
            out.u8(bits - 1).u8(dx[c]).u8(dy[c]);
        }
        // CAP: Part 15 capabilities, HT code-blocks only
        out.u16(0xFF50).u16(8).u32(0x00020000).u16(0);
        // COD: LRCP, one layer, transform or not, no levels, 64 x 64 code-blocks, HT, 5/3
        out.u16(0xFF52).u16(12).u8(0).u8(0).u16(1).u8(rct ? 1 : 0).u8(0).u8(4).u8(4).u8(0x40).u8(1);
        out.u16(0xFF5C).u16(4).u8(1 << 5).u8((bits + 1) << 3);
        ByteArrayOutputStream packets = new ByteArrayOutputStream();
        for (int c = 0; c < components; c++) {
            byte[] segment = cleanup(planes[c], (width + dx[c] - 1) / dx[c], (height + dy[c] - 1) / dy[c],
                    magnitudeBits);
            packets.writeBytes(packetHeader(magnitudeBits - 1, segment.length));
            packets.writeBytes(segment);
        }
        byte[] body = packets.toByteArray();
        out.u16(0xFF90).u16(10).u16(0).u32(12 + 2 + body.length).u8(0).u8(1);
        out.u16(0xFF93);
        out.bytes.writeBytes(body);
        out.u16(0xFFD9);
        return out.bytes.toByteArray();
    }

    /** The header of a packet with one code-block, included now, of one cleanup pass. */
    private static byte[] packetHeader(int zeroBitPlanes, int length) {
        PacketHeaderWriter h = new PacketHeaderWriter();
        h.bit(1); // not empty
        h.bit(1); // inclusion tag tree: included in layer 0
        for (int i = 0; i < zeroBitPlanes; i++) {
            h.bit(0);
        }
        h.bit(1);
        h.bit(0); // one coding pass
        int lengthBits = Math.max(3, 32 - Integer.numberOfLeadingZeros(length));
        for (int i = 3; i < lengthBits; i++) {
            h.bit(1);
        }
        h.bit(0);
        for (int i = lengthBits - 1; i >= 0; i--) {
            h.bit((length >> i) & 1);
        }
        return h.finish();
    }

    /** The HT cleanup segment of a code-block of quantisation indices, coded down to bit-plane 0. */
    static byte[] cleanup(int[] values, int width, int height, int magnitudeBits) {
        int quadColumns = (width + 1) >> 1;
        int quadRows = (height + 1) >> 1;
        int maxU = magnitudeBits + 1;
        HtStreamWriters.Mel mel = new HtStreamWriters.Mel();
        HtStreamWriters.Backward vlc = new HtStreamWriters.Backward(true);
        HtStreamWriters.ForwardLsb magSgn = new HtStreamWriters.ForwardLsb();
        int[] rhoAbove = new int[quadColumns + 3];
        int[] rhoHere = new int[quadColumns + 3];
        int[] exponentsAbove = new int[2 * quadColumns + 4];
        int[] exponentsHere = new int[2 * quadColumns + 4];
        for (int qy = 0; qy < quadRows; qy++) {
            boolean initial = qy == 0;
            int[] table = initial ? HtVlcTables.INITIAL_ROW : HtVlcTables.OTHER_ROWS;
            if (!initial) {
                int[] swap = rhoAbove;
                rhoAbove = rhoHere;
                rhoHere = swap;
                swap = exponentsAbove;
                exponentsAbove = exponentsHere;
                exponentsHere = swap;
            }
            for (int qx = 0; qx < quadColumns; qx += 2) {
                boolean second = qx + 1 < quadColumns;
                Quad a = new Quad(values, width, height, 2 * qx, 2 * qy);
                a.context = initial ? initialContext(rhoHere[qx]) : context(rhoAbove, rhoHere, qx);
                a.kappa = initial ? 1 : kappa(a.rho, exponentsAbove, qx);
                a.choose(table, maxU);
                rhoHere[qx + 1] = a.rho;
                Quad b = null;
                if (second) {
                    b = new Quad(values, width, height, 2 * qx + 2, 2 * qy);
                    b.context = initial ? initialContext(rhoHere[qx + 1]) : context(rhoAbove, rhoHere, qx + 1);
                    b.kappa = initial ? 1 : kappa(b.rho, exponentsAbove, qx + 1);
                    b.choose(table, maxU);
                }
                rhoHere[qx + 2] = b == null ? 0 : b.rho;
                a.significance(mel, vlc);
                if (b != null) {
                    b.significance(mel, vlc);
                }
                int uA = a.offset();
                int uB = b == null ? 0 : b.offset();
                HtStreamWriters.Residuals.pair(mel, vlc, uA, uB, initial);
                a.magnitudes(magSgn, exponentsHere, 2 * qx);
                if (b != null) {
                    b.magnitudes(magSgn, exponentsHere, 2 * qx + 2);
                } else {
                    exponentsHere[2 * qx + 3] = 0;
                    exponentsHere[2 * qx + 4] = 0;
                }
            }
        }
        byte[] magSgnBytes = magSgn.finish();
        byte[] melBytes = mel.finish();
        int[] units = vlc.units();
        int scup = melBytes.length + units.length + 1;
        byte[] segment = new byte[magSgnBytes.length + scup];
        System.arraycopy(magSgnBytes, 0, segment, 0, magSgnBytes.length);
        System.arraycopy(melBytes, 0, segment, magSgnBytes.length, melBytes.length);
        int lcup = segment.length;
        segment[lcup - 1] = (byte) (scup >> 4);
        segment[lcup - 2] = (byte) (units[0] << 4 | (scup & 0xF));
        for (int i = 1; i < units.length; i++) {
            segment[lcup - 2 - i] = (byte) units[i];
        }
        return segment;
    }

    /** One quad: its samples' values v = 2(μ − 1) + sign, and the CxtVLC codeword and exponent bound chosen. */
    private static final class Quad {
        final int[] v = new int[4];
        final int[] exponent = new int[4];
        int rho;
        int context;
        int kappa;
        int bound;
        int entry;
        int codeword;

        Quad(int[] values, int width, int height, int x, int y) {
            for (int n = 0; n < 4; n++) {
                int sx = x + (n >> 1);
                int sy = y + (n & 1);
                int value = sx < width && sy < height ? values[sy * width + sx] : 0;
                if (value != 0) {
                    rho |= 1 << n;
                    v[n] = 2 * (Math.abs(value) - 1) + (value < 0 ? 1 : 0);
                    exponent[n] = 32 - Integer.numberOfLeadingZeros(2 * (Math.abs(value) - 1) + 1);
                }
            }
        }

        /** The smallest exponent bound U ≥ κ, and a codeword for it whose implicit top bits agree with v. */
        void choose(int[] table, int maxU) {
            if (rho == 0 && context == 0) {
                return;
            }
            int largest = 0;
            for (int e : exponent) {
                largest = Math.max(largest, e);
            }
            for (int u = Math.max(largest, kappa); u <= maxU; u++) {
                int offset = u > kappa ? 1 : 0;
                for (int i = 0; i < 128; i++) {
                    int candidate = table[context << 7 | i];
                    int length = candidate & 7;
                    if ((i >> length) != 0 || ((candidate >> 3) & 0xF) != rho || ((candidate >> 7) & 1) != offset) {
                        continue;
                    }
                    if (fits(candidate, u)) {
                        bound = u;
                        entry = candidate;
                        codeword = i;
                        return;
                    }
                }
            }
            throw new IllegalStateException("no CxtVLC codeword fits a quad of context " + context);
        }

        private boolean fits(int candidate, int u) {
            int ek = (candidate >> 8) & 0xF;
            int e1 = (candidate >> 12) & 0xF;
            for (int n = 0; n < 4; n++) {
                if (((ek >> n) & 1) != 0 && ((v[n] >> (u - 1)) & 1) != ((e1 >> n) & 1)) {
                    return false;
                }
            }
            return true;
        }

        /** Its MEL event (when no neighbour is significant) and CxtVLC codeword. */
        void significance(HtStreamWriters.Mel mel, HtStreamWriters.Backward vlc) {
            if (context == 0) {
                mel.event(rho != 0 ? 1 : 0);
                if (rho == 0) {
                    return;
                }
            }
            vlc.put(codeword, entry & 7);
        }

        /** u = U − κ when the codeword says it is coded, else 0. */
        int offset() {
            return ((entry >> 7) & 1) != 0 ? bound - kappa : 0;
        }

        void magnitudes(HtStreamWriters.ForwardLsb magSgn, int[] exponents, int column) {
            int ek = (entry >> 8) & 0xF;
            for (int n = 0; n < 4; n++) {
                if (((rho >> n) & 1) != 0) {
                    int bits = bound - ((ek >> n) & 1);
                    magSgn.put(v[n] & ((1 << bits) - 1), bits);
                }
            }
            exponents[column + 1] = ((rho >> 1) & 1) != 0 ? v[1] | 1 : 0;
            exponents[column + 2] = ((rho >> 3) & 1) != 0 ? v[3] | 1 : 0;
        }
    }

    private static int initialContext(int leftRho) {
        return ((leftRho | (leftRho >> 1)) & 1) | (leftRho >> 1 & 6);
    }

    private static int context(int[] above, int[] here, int qx) {
        int west = here[qx];
        int northWest = above[qx];
        int north = above[qx + 1];
        int northEast = above[qx + 2];
        return ((northWest >> 3) & 1) | ((north >> 1) & 1) | (((west >> 2) | (west >> 3)) & 1) << 1
                | (((north >> 3) | (northEast >> 1)) & 1) << 2;
    }

    private static int kappa(int rho, int[] exponentsAbove, int qx) {
        if ((rho & (rho - 1)) == 0) {
            return 1;
        }
        int x = qx << 1;
        int bits = exponentsAbove[x] | exponentsAbove[x + 1] | exponentsAbove[x + 2] | exponentsAbove[x + 3];
        return Math.max(31 - Integer.numberOfLeadingZeros(bits), 1);
    }

    private static final class Out {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        Out u8(int v) {
            bytes.write(v);
            return this;
        }

        Out u16(int v) {
            return u8(v >> 8).u8(v & 0xFF);
        }

        Out u32(int v) {
            return u16(v >>> 16).u16(v & 0xFFFF);
        }
    }
}
