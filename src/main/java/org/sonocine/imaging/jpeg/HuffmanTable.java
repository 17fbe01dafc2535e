package org.sonocine.imaging.jpeg;

import org.sonocine.imaging.codec.DecodeException;

/**
 * A Huffman table from a DHT segment, expanded for decoding: a lookup table resolves codes of up to
 * {@link #LOOKUP_BITS} bits in one step, longer codes go through the canonical max-code search of T.81 F.2.2.3.
 */
final class HuffmanTable {
    static final int LOOKUP_BITS = 10;
    /** Bits a bad code consumes: libjpeg reads one past the longest length before giving up on it. */
    static final int BAD_CODE_LENGTH = 17;

    /** Bits of the combined code-and-value lookup for lossless differences. */
    static final int DIFFERENCE_BITS = 12;

    /** Entry per LOOKUP_BITS-bit prefix: (code length << 8) | symbol, or 0 when the code is longer. */
    final int[] lookup = new int[1 << LOOKUP_BITS];
    /**
     * Entry per DIFFERENCE_BITS-bit prefix for lossless differences (T.81 H.2.2): (difference << 8) | bits of
     * code and magnitude together, or 0 when they do not fit in the prefix: one lookup instead of a code lookup,
     * a bit read and a sign extension with their unpredictable branches.
     */
    private int[] differenceLookup;
    /**
     * Entry per LOOKUP_BITS-bit prefix for AC coefficients (T.81 F.2.2.2): (value << 16) | (run << 8) | bits of
     * code and magnitude together, value 0 standing for end-of-block (run 0) or sixteen zeros (run 15); 0 when
     * code and magnitude do not fit in the prefix.
     */
    private int[] acLookup;
    /** Largest code of each length 1..16, -1 when there is none. */
    private final int[] maxCode = new int[17];
    /** Index into symbols of the first code of each length, minus that code. */
    private final int[] valueOffset = new int[17];
    private final int[] symbols;
    /** The code of each symbol and its length, in the order of {@code symbols}. */
    private final int[] codes;
    private final int[] lengths;

    private HuffmanTable(int[] counts, int[] symbols) throws DecodeException {
        this.symbols = symbols;
        this.codes = new int[symbols.length];
        this.lengths = new int[symbols.length];
        int code = 0;
        int p = 0;
        for (int length = 1; length <= 16; length++) {
            if (counts[length] == 0) {
                maxCode[length] = -1;
            } else {
                valueOffset[length] = p - code;
                for (int i = 0; i < counts[length]; i++) {
                    codes[p] = code++;
                    lengths[p++] = length;
                }
                maxCode[length] = code - 1;
            }
            // DCMTK's libjpeg allows a code space that is exactly full (all-ones code in use), not more
            if (code > 1 << length) {
                throw new DecodeException("Huffman table has more codes than its code lengths allow");
            }
            code <<= 1;
        }
        for (int i = 0; i < symbols.length && lengths[i] <= LOOKUP_BITS; i++) {
            int shift = LOOKUP_BITS - lengths[i];
            int first = codes[i] << shift;
            int entry = lengths[i] << 8 | symbols[i];
            for (int j = 0; j < 1 << shift; j++) {
                lookup[first + j] = entry;
            }
        }
    }

    /** The lossless difference lookup, built on first use (DCT tables never need it). */
    int[] differenceLookup() {
        int[] table = differenceLookup;
        if (table == null) {
            table = new int[1 << DIFFERENCE_BITS];
            for (int i = 0; i < symbols.length && lengths[i] <= DIFFERENCE_BITS; i++) {
                int category = symbols[i];
                int total = lengths[i] + (category == 16 ? 0 : category);
                if (category > 16 || total > DIFFERENCE_BITS) {
                    continue;
                }
                int shift = DIFFERENCE_BITS - lengths[i];
                for (int suffix = 0; suffix < 1 << shift; suffix++) {
                    int difference;
                    if (category == 0) {
                        difference = 0;
                    } else if (category == 16) {
                        difference = 32768;
                    } else {
                        int value = suffix >>> (shift - category);
                        difference = value < 1 << (category - 1) ? value - (1 << category) + 1 : value;
                    }
                    table[codes[i] << shift | suffix] = difference << 8 | total;
                }
            }
            differenceLookup = table;
        }
        return table;
    }

    /** The AC coefficient lookup, built on first use. */
    int[] acLookup() {
        int[] table = acLookup;
        if (table == null) {
            table = new int[1 << LOOKUP_BITS];
            for (int prefix = 0; prefix < table.length; prefix++) {
                int symbolEntry = lookup[prefix];
                if (symbolEntry == 0) {
                    continue;
                }
                int length = symbolEntry >>> 8;
                int run = (symbolEntry >> 4) & 15;
                int size = symbolEntry & 15;
                int total = length + size;
                if (total > LOOKUP_BITS) {
                    continue;
                }
                int value = 0;
                if (size != 0) {
                    int bits = (prefix >>> (LOOKUP_BITS - total)) & ((1 << size) - 1);
                    value = bits < 1 << (size - 1) ? bits - (1 << size) + 1 : bits;
                } else if (run != 15) {
                    run = 0;
                }
                table[prefix] = value << 16 | run << 8 | total;
            }
            acLookup = table;
        }
        return table;
    }

    /** Reads the table class/index byte, 16 counts and the symbols of one table from a DHT segment. */
    static HuffmanTable read(Segment segment) throws DecodeException {
        int[] counts = new int[17];
        int total = 0;
        for (int length = 1; length <= 16; length++) {
            counts[length] = segment.u8();
            total += counts[length];
        }
        if (total > 256 || total > segment.remaining()) {
            throw new DecodeException("DHT segment declares " + total + " Huffman codes, more than it holds");
        }
        int[] symbols = new int[total];
        for (int i = 0; i < total; i++) {
            symbols[i] = segment.u8();
        }
        return new HuffmanTable(counts, symbols);
    }

    /**
     * Decodes a code longer than LOOKUP_BITS from the 17 bits {@code bits17}; returns (length << 8) | symbol.
     * A bit pattern that is no code gives symbol 0 after 17 bits, as libjpeg does ("fake a zero").
     */
    int decodeLong(int bits17) {
        for (int length = LOOKUP_BITS + 1; length <= 16; length++) {
            int code = bits17 >>> (17 - length);
            if (code <= maxCode[length]) {
                return length << 8 | symbols[code + valueOffset[length]];
            }
        }
        return BAD_CODE_LENGTH << 8;
    }
}
