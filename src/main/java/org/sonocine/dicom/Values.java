package org.sonocine.dicom;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Turns the bytes of a value into strings and numbers according to its VR. */
final class Values {
    private Values() {
    }

    /**
     * The value as text with only the trailing padding (spaces and NULs) removed, multiple values joined by '\' as
     * they are stored; binary values are printed as numbers joined by '\'.
     */
    static String raw(VR vr, byte[] b, boolean bigEndian, SpecificCharacterSet cs) {
        if (vr.isString()) {
            int end = b.length;
            while (end > 0 && (b[end - 1] == ' ' || b[end - 1] == 0)) {
                end--;
            }
            return decode(vr, b, 0, end, cs);
        }
        return String.join("\\", strings(vr, b, bigEndian, cs));
    }

    /** The values, each trimmed as its VR allows (leading spaces are significant only in LT, ST, UT). */
    static String[] strings(VR vr, byte[] b, boolean bigEndian, SpecificCharacterSet cs) {
        switch (vr.kind()) {
            case ASCII, TEXT_MULTI -> {
                if (vr.usesCharacterSet() && cs.splitsAfterDecoding()) {
                    String[] parts = decode(vr, b, 0, b.length, cs).split("\\\\", -1);
                    for (int i = 0; i < parts.length; i++) {
                        parts[i] = trim(parts[i], true);
                    }
                    return parts.length == 1 && parts[0].isEmpty() ? new String[0] : parts;
                }
                if (!contains(b, (byte) '\\')) {
                    // one value, the common case, without a list
                    String s = value(vr, b, 0, b.length, cs);
                    return s.isEmpty() ? new String[0] : new String[] {s};
                }
                List<String> out = new ArrayList<>(2);
                int start = 0;
                for (int i = 0; i <= b.length; i++) {
                    if (i == b.length || b[i] == '\\') {
                        out.add(value(vr, b, start, i - start, cs));
                        start = i + 1;
                    }
                }
                if (out.size() == 1 && out.get(0).isEmpty()) {
                    return new String[0];
                }
                return out.toArray(new String[0]);
            }
            case TEXT_SINGLE, URI -> {
                String s = trim(decode(vr, b, 0, b.length, cs), false);
                return s.isEmpty() ? new String[0] : new String[] {s};
            }
            case BINARY, TAG, BULK -> {
                if (vr == VR.OB || vr == VR.UN) {
                    return new String[0];
                }
                int n = b.length / Math.max(1, vr.bytesPerValue());
                if (vr == VR.AT) {
                    n = b.length / 4;
                }
                String[] out = new String[n];
                for (int i = 0; i < n; i++) {
                    out[i] = numberText(vr, b, i, bigEndian);
                }
                return out;
            }
            default -> {
                return new String[0];
            }
        }
    }

    private static String numberText(VR vr, byte[] b, int i, boolean bigEndian) {
        return switch (vr) {
            case US, OW -> Integer.toString(Bytes.uint16(b, 2 * i, bigEndian));
            case SS -> Integer.toString(Bytes.int16(b, 2 * i, bigEndian));
            case UL, OL -> Long.toString(Bytes.int32(b, 4 * i, bigEndian) & 0xFFFFFFFFL);
            case SL -> Integer.toString(Bytes.int32(b, 4 * i, bigEndian));
            case FL, OF -> floatText(Float.intBitsToFloat(Bytes.int32(b, 4 * i, bigEndian)));
            case FD, OD -> doubleText(Double.longBitsToDouble(Bytes.int64(b, 8 * i, bigEndian)));
            case SV -> Long.toString(Bytes.int64(b, 8 * i, bigEndian));
            case UV, OV -> Long.toUnsignedString(Bytes.int64(b, 8 * i, bigEndian));
            case AT -> Tags.toHex((Bytes.uint16(b, 4 * i, bigEndian) << 16) | Bytes.uint16(b, 4 * i + 2, bigEndian));
            default -> "";
        };
    }

    private static String floatText(float f) {
        return f == Math.rint(f) && Math.abs(f) < 1e15 ? Long.toString((long) f) : Float.toString(f);
    }

    private static String doubleText(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }

    static String decode(VR vr, byte[] b, int offset, int length, SpecificCharacterSet cs) {
        if (vr.usesCharacterSet()) {
            return cs.decode(b, offset, length, vr == VR.PN);
        }
        return new String(b, offset, length, StandardCharsets.ISO_8859_1);
    }

    private static boolean contains(byte[] b, byte x) {
        for (byte y : b) {
            if (y == x) {
                return true;
            }
        }
        return false;
    }

    /** One of the values of a multi-valued string VR, decoded and trimmed of padding (and of leading spaces). */
    private static String value(VR vr, byte[] b, int offset, int length, SpecificCharacterSet cs) {
        if (vr.usesCharacterSet()) {
            return trim(decode(vr, b, offset, length, cs), true);
        }
        // Latin-1 makes each byte the character of that code: trimmed before decoding, the value is made once
        int end = offset + length;
        while (end > offset && (b[end - 1] == ' ' || b[end - 1] == 0)) {
            end--;
        }
        int start = offset;
        while (start < end && b[start] == ' ') {
            start++;
        }
        return new String(b, start, end - start, StandardCharsets.ISO_8859_1);
    }

    static String trim(String s, boolean leadingToo) {
        int end = s.length();
        while (end > 0 && (s.charAt(end - 1) == ' ' || s.charAt(end - 1) == 0)) {
            end--;
        }
        int start = 0;
        if (leadingToo) {
            while (start < end && s.charAt(start) == ' ') {
                start++;
            }
        }
        return s.substring(start, end);
    }

    /** Number of values: binary by size, strings by backslashes. */
    static int count(VR vr, byte[] b) {
        if (b.length == 0) {
            return 0;
        }
        switch (vr.kind()) {
            case ASCII, TEXT_MULTI -> {
                int n = 1;
                for (byte x : b) {
                    if (x == '\\') {
                        n++;
                    }
                }
                return n;
            }
            case BINARY, TAG -> {
                return b.length / (vr == VR.AT ? 4 : vr.bytesPerValue());
            }
            default -> {
                return 1;
            }
        }
    }

    /**
     * Value {@code index} as a whole number. A value cut short (an OL element holding 2 bytes, say: "other" VRs
     * count as one value whatever their length) is no number at all, like text that does not parse.
     */
    static long integer(VR vr, byte[] b, int index, boolean bigEndian) {
        requireWhole(vr, b, index);
        return switch (vr) {
            case US, OW -> Bytes.uint16(b, 2 * index, bigEndian);
            case SS -> Bytes.int16(b, 2 * index, bigEndian);
            case UL, OL -> Bytes.int32(b, 4 * index, bigEndian) & 0xFFFFFFFFL;
            case SL -> Bytes.int32(b, 4 * index, bigEndian);
            case SV, UV, OV -> Bytes.int64(b, 8 * index, bigEndian);
            case FL, OF -> (long) Float.intBitsToFloat(Bytes.int32(b, 4 * index, bigEndian));
            case FD, OD -> (long) Double.longBitsToDouble(Bytes.int64(b, 8 * index, bigEndian));
            case AT -> ((long) Bytes.uint16(b, 4 * index, bigEndian) << 16) | Bytes.uint16(b, 4 * index + 2, bigEndian);
            default -> throw new NumberFormatException(vr + " is not a binary number");
        };
    }

    static double real(VR vr, byte[] b, int index, boolean bigEndian) {
        requireWhole(vr, b, index);
        return switch (vr) {
            case FL, OF -> Float.intBitsToFloat(Bytes.int32(b, 4 * index, bigEndian));
            case FD, OD -> Double.longBitsToDouble(Bytes.int64(b, 8 * index, bigEndian));
            default -> integer(vr, b, index, bigEndian);
        };
    }

    private static void requireWhole(VR vr, byte[] b, int index) {
        int width = vr == VR.AT ? 4 : vr.bytesPerValue();
        if (width > 0 && (long) (index + 1) * width > b.length) {
            throw new NumberFormatException("value " + (index + 1) + " of " + vr + " needs " + width + " bytes; the"
                    + " element holds " + b.length);
        }
    }

    /**
     * The value of up to 15 decimal digits and nothing else (what IS values mostly are), which a double holds
     * exactly; -1 for anything else. Spares the general parser, costly in a short run that has not compiled it.
     */
    private static long plainDigits(String t) {
        int n = t.length();
        if (n == 0 || n > 15) {
            return -1;
        }
        long v = 0;
        for (int i = 0; i < n; i++) {
            char c = t.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    /** Decimal strings as written by real devices: tolerant of '+', spaces and a comma as decimal mark. */
    static double parseDecimal(String s) {
        String t = s.trim();
        long digits = plainDigits(t);
        if (digits >= 0) {
            return digits;
        }
        if (t.startsWith("+")) {
            t = t.substring(1);
        }
        if (t.indexOf(',') >= 0 && t.indexOf('.') < 0) {
            t = t.replace(',', '.');
        }
        return Double.parseDouble(t);
    }
}
