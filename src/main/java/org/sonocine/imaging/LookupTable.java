package org.sonocine.imaging;

import org.sonocine.dicom.Attributes;
import org.sonocine.dicom.Tag;

/**
 * A Modality or VOI LUT given as data (PS3.3 C.11.1 and C.11.2): descriptor (entries, first mapped value, bits)
 * and table; values below and above the table take its first and last entries.
 */
record LookupTable(int firstMapped, int bits, int[] table) {

    /** The LUT of an item of Modality LUT Sequence or VOI LUT Sequence; null when the item holds none. */
    static LookupTable of(Attributes item, boolean signedInput) {
        int[] d = item.getInts(Tag.LUTDescriptor);
        byte[] data = item.getBytes(Tag.LUTData);
        if (d.length < 3 || data == null) {
            return null;
        }
        int entries = d[0] & 0xFFFF;
        if (entries == 0) {
            entries = 65536;
        }
        int first = signedInput ? (short) d[1] : d[1] & 0xFFFF;
        int bits = Math.max(1, Math.min(16, d[2]));
        int[] table = new int[entries];
        boolean packedBytes = bits <= 8 && data.length == entries;
        for (int i = 0; i < table.length; i++) {
            if (packedBytes) {
                table[i] = i < data.length ? data[i] & 0xFF : 0;
            } else {
                int at = 2 * i;
                table[i] = at + 1 < data.length ? item.bigEndian() ? (data[at] & 0xFF) << 8 | (data[at + 1] & 0xFF)
                        : (data[at] & 0xFF) | (data[at + 1] & 0xFF) << 8 : 0;
            }
        }
        return new LookupTable(first, bits, table);
    }

    int apply(int value) {
        int i = value - firstMapped;
        return table[i < 0 ? 0 : Math.min(i, table.length - 1)];
    }

    /** The largest output value the LUT can produce. */
    int maxOutput() {
        return (1 << bits) - 1;
    }
}
