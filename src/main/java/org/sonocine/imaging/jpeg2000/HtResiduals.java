package org.sonocine.imaging.jpeg2000;

/**
 * The U-VLC code of HT cleanup passes: the unsigned residuals u of a quad pair, read from the VLC stream after
 * the pair's CxtVLC codewords, in the order prefix, prefix, suffix, suffix, extension, extension. A prefix "1" is
 * 1, "01" 2, "001" 3 (with a 1-bit suffix), "000" 5 (with a 5-bit suffix); when prefix and suffix pass 32 a 4-bit
 * extension adds fours. Results pack the first quad's u in the low and the second's in the high 32 bits.
 */
final class HtResiduals {
    private HtResiduals() {
    }

    /**
     * u of a quad pair in a later row; {@code offsets} has bit 0 set when the first quad codes a u, bit 1 when the
     * second does.
     */
    static long pair(int offsets, HtBackwardBits vlc) {
        if (offsets != 3) {
            int u = single(vlc);
            return offsets == 1 ? u : (long) u << 32;
        }
        int prefixA = prefix(vlc);
        int prefixB = prefix(vlc);
        int uA = prefixA + suffix(prefixA, vlc);
        int uB = prefixB + suffix(prefixB, vlc);
        uA += extension(uA, vlc);
        uB += extension(uB, vlc);
        return pack(uA, uB);
    }

    /**
     * u of a quad pair in the initial row. When both quads code a u, a MEL event says whether both exceed 2 (then
     * each is 2 more than its code); if not, a first prefix above 2 leaves the second u a single bit (1 or 2),
     * read right after that prefix.
     */
    static long initialPair(int offsets, HtBackwardBits vlc, HtMelDecoder mel) {
        if (offsets != 3) {
            return pair(offsets, vlc);
        }
        if (mel.event() == 1) {
            int prefixA = prefix(vlc);
            int prefixB = prefix(vlc);
            int uA = prefixA + suffix(prefixA, vlc);
            int uB = prefixB + suffix(prefixB, vlc);
            uA += extension(uA, vlc);
            uB += extension(uB, vlc);
            return pack(uA + 2, uB + 2);
        }
        int prefixA = prefix(vlc);
        if (prefixA > 2) {
            int uB = 1 + vlc.bit();
            int uA = prefixA + suffix(prefixA, vlc);
            uA += extension(uA, vlc);
            return pack(uA, uB);
        }
        return pairAfter(prefixA, vlc);
    }

    private static long pairAfter(int prefixA, HtBackwardBits vlc) {
        int prefixB = prefix(vlc);
        int uA = prefixA + suffix(prefixA, vlc);
        int uB = prefixB + suffix(prefixB, vlc);
        uA += extension(uA, vlc);
        uB += extension(uB, vlc);
        return pack(uA, uB);
    }

    private static long pack(int uA, int uB) {
        return (uA & 0xFFFFFFFFL) | (long) uB << 32;
    }

    private static int single(HtBackwardBits vlc) {
        int prefix = prefix(vlc);
        int u = prefix + suffix(prefix, vlc);
        return u + extension(u, vlc);
    }

    private static int prefix(HtBackwardBits vlc) {
        int bits = vlc.peek();
        if ((bits & 1) != 0) {
            vlc.skip(1);
            return 1;
        }
        if ((bits & 2) != 0) {
            vlc.skip(2);
            return 2;
        }
        vlc.skip(3);
        return (bits & 4) != 0 ? 3 : 5;
    }

    private static int suffix(int prefix, HtBackwardBits vlc) {
        if (prefix == 3) {
            return vlc.bit();
        }
        return prefix == 5 ? vlc.read(5) : 0;
    }

    private static int extension(int u, HtBackwardBits vlc) {
        return u > 32 ? vlc.read(4) << 2 : 0;
    }
}
