package org.sonocine.imaging.jpeg;

import org.sonocine.imaging.codec.DecodeException;

/** The tables and settings that DHT, DQT and DRI segments define; later segments replace earlier ones. */
final class DecoderTables {
    /** Zigzag index to natural (row-major) index, with libjpeg's 16 extra entries for corrupt run lengths. */
    static final int[] NATURAL_ORDER = {
        0, 1, 8, 16, 9, 2, 3, 10, 17, 24, 32, 25, 18, 11, 4, 5,
        12, 19, 26, 33, 40, 48, 41, 34, 27, 20, 13, 6, 7, 14, 21, 28,
        35, 42, 49, 56, 57, 50, 43, 36, 29, 22, 15, 23, 30, 37, 44, 51,
        58, 59, 52, 45, 38, 31, 39, 46, 53, 60, 61, 54, 47, 55, 62, 63,
        63, 63, 63, 63, 63, 63, 63, 63, 63, 63, 63, 63, 63, 63, 63, 63,
    };

    private final HuffmanTable[] dcTables = new HuffmanTable[4];
    private final HuffmanTable[] acTables = new HuffmanTable[4];
    private final int[][] quantTables = new int[4][];
    private int restartInterval;

    void readHuffmanTables(Segment segment) throws DecodeException {
        while (segment.remaining() > 0) {
            int classAndIndex = segment.u8();
            int index = classAndIndex & ~0x10;
            if (index > 3) {
                throw new DecodeException(String.format("DHT segment has invalid table class/index 0x%02X",
                        classAndIndex));
            }
            HuffmanTable table = HuffmanTable.read(segment);
            if ((classAndIndex & 0x10) != 0) {
                acTables[index] = table;
            } else {
                dcTables[index] = table;
            }
        }
    }

    void readQuantizationTables(Segment segment) throws DecodeException {
        while (segment.remaining() > 0) {
            int precisionAndIndex = segment.u8();
            int index = precisionAndIndex & 15;
            if (index > 3) {
                throw new DecodeException("DQT segment defines quantization table " + index + " (0 to 3)");
            }
            boolean wide = precisionAndIndex >> 4 != 0;
            int[] table = new int[64];
            for (int k = 0; k < 64; k++) {
                table[NATURAL_ORDER[k]] = wide ? segment.u16() : segment.u8();
            }
            quantTables[index] = table;
        }
    }

    void readRestartInterval(Segment segment) throws DecodeException {
        if (segment.remaining() != 2) {
            throw new DecodeException("DRI segment has length " + (segment.remaining() + 2) + ", not 4");
        }
        restartInterval = segment.u16();
    }

    int restartInterval() {
        return restartInterval;
    }

    HuffmanTable dcTable(int index) throws DecodeException {
        return table(dcTables, index, "DC");
    }

    HuffmanTable acTable(int index) throws DecodeException {
        return table(acTables, index, "AC");
    }

    /** The quantization table in natural order. */
    int[] quantTable(int index) throws DecodeException {
        int[] table = index < quantTables.length ? quantTables[index] : null;
        if (table == null) {
            throw new DecodeException("quantization table " + index + " is used but was never defined");
        }
        return table;
    }

    private static HuffmanTable table(HuffmanTable[] tables, int index, String kind) throws DecodeException {
        HuffmanTable table = index < tables.length ? tables[index] : null;
        if (table == null) {
            throw new DecodeException(kind + " Huffman table " + index + " is used but was never defined");
        }
        return table;
    }
}
