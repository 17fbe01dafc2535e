package org.sonocine.dicom;

/** Reading and writing fixed-size numbers in byte arrays, in either byte order. */
public final class Bytes {
    private Bytes() {
    }

    public static int uint16(byte[] b, int off, boolean bigEndian) {
        return bigEndian ? ((b[off] & 0xFF) << 8) | (b[off + 1] & 0xFF) : (b[off] & 0xFF) | ((b[off + 1] & 0xFF) << 8);
    }

    public static int int16(byte[] b, int off, boolean bigEndian) {
        return (short) uint16(b, off, bigEndian);
    }

    public static int int32(byte[] b, int off, boolean bigEndian) {
        return bigEndian
                ? ((b[off] & 0xFF) << 24) | ((b[off + 1] & 0xFF) << 16) | ((b[off + 2] & 0xFF) << 8) | (b[off + 3] & 0xFF)
                : (b[off] & 0xFF) | ((b[off + 1] & 0xFF) << 8) | ((b[off + 2] & 0xFF) << 16) | ((b[off + 3] & 0xFF) << 24);
    }

    public static long int64(byte[] b, int off, boolean bigEndian) {
        long first = int32(b, off, bigEndian) & 0xFFFFFFFFL;
        long second = int32(b, off + 4, bigEndian) & 0xFFFFFFFFL;
        return bigEndian ? (first << 32) | second : (second << 32) | first;
    }

    public static void putInt16(byte[] b, int off, int v, boolean bigEndian) {
        if (bigEndian) {
            b[off] = (byte) (v >> 8);
            b[off + 1] = (byte) v;
        } else {
            b[off] = (byte) v;
            b[off + 1] = (byte) (v >> 8);
        }
    }

    public static void putInt32(byte[] b, int off, int v, boolean bigEndian) {
        if (bigEndian) {
            putInt16(b, off, v >>> 16, true);
            putInt16(b, off + 2, v, true);
        } else {
            putInt16(b, off, v, false);
            putInt16(b, off + 2, v >>> 16, false);
        }
    }

    public static void putInt64(byte[] b, int off, long v, boolean bigEndian) {
        if (bigEndian) {
            putInt32(b, off, (int) (v >>> 32), true);
            putInt32(b, off + 4, (int) v, true);
        } else {
            putInt32(b, off, (int) v, false);
            putInt32(b, off + 4, (int) (v >>> 32), false);
        }
    }

    /** Reverses the byte order of every {@code unit}-byte number in place (unit 1 does nothing). */
    public static void swap(byte[] b, int off, int len, int unit) {
        if (unit <= 1) {
            return;
        }
        int end = off + len - len % unit;
        for (int i = off; i < end; i += unit) {
            for (int a = i, z = i + unit - 1; a < z; a++, z--) {
                byte t = b[a];
                b[a] = b[z];
                b[z] = t;
            }
        }
    }
}
