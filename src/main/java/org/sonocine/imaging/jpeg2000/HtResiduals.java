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

    /** Suffix bits after each prefix value (0 for a quad that codes no u). */
    private static final int[] SUFFIX_BITS = {0, 0, 0, 1, 0, 5};

    /**
     * Both prefixes of a pair at once: index {@code offsets << 6 | the next six VLC bits}; entry bits 0-2 the
     * prefixes' total length, 3-5 the first quad's prefix value, 6-8 the second's (0 where a quad codes no u).
     */
    private static final int[] PREFIXES = buildPrefixes();

    private static int[] buildPrefixes() {
        int[] table = new int[4 << 6];
        for (int offsets = 1; offsets < 4; offsets++) {
            for (int bits = 0; bits < 64; bits++) {
                int length = 0;
                int prefixA = 0;
                int prefixB = 0;
                if ((offsets & 1) != 0) {
                    prefixA = prefixValue(bits);
                    length = prefixLength(bits);
                }
                if ((offsets & 2) != 0) {
                    prefixB = prefixValue(bits >> length);
                    length += prefixLength(bits >> length);
                }
                table[offsets << 6 | bits] = length | prefixA << 3 | prefixB << 6;
            }
        }
        return table;
    }

    private static int prefixValue(int bits) {
        return (bits & 1) != 0 ? 1 : (bits & 2) != 0 ? 2 : (bits & 4) != 0 ? 3 : 5;
    }

    private static int prefixLength(int bits) {
        return (bits & 1) != 0 ? 1 : (bits & 2) != 0 ? 2 : 3;
    }

    /**
     * u of a quad pair in a later row; {@code offsets} has bit 0 set when the first quad codes a u, bit 1 when the
     * second does.
     */
    static long pair(int offsets, HtBackwardBits vlc) {
        int entry = PREFIXES[offsets << 6 | (vlc.peek() & 0x3F)];
        vlc.skip(entry & 7);
        int prefixA = (entry >> 3) & 7;
        int prefixB = entry >> 6;
        int lengthA = SUFFIX_BITS[prefixA];
        int suffixes = vlc.read(lengthA + SUFFIX_BITS[prefixB]);
        int uA = prefixA + (suffixes & ((1 << lengthA) - 1));
        int uB = prefixB + (suffixes >>> lengthA);
        if (uA > 32) {
            uA += vlc.read(4) << 2;
        }
        if (uB > 32) {
            uB += vlc.read(4) << 2;
        }
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
