package org.sonocine.dicom;

/** Operations on tags held as ints ({@code group << 16 | element}). */
public final class Tags {
    public static final int ITEM = 0xFFFEE000;
    public static final int ITEM_DELIMITATION = 0xFFFEE00D;
    public static final int SEQUENCE_DELIMITATION = 0xFFFEE0DD;

    private Tags() {
    }

    public static int of(int group, int element) {
        return (group << 16) | (element & 0xFFFF);
    }

    public static int group(int tag) {
        return tag >>> 16;
    }

    public static int element(int tag) {
        return tag & 0xFFFF;
    }

    /** "(gggg,eeee)" in upper-case hex, as the standard writes tags. */
    public static String toString(int tag) {
        char[] c = {'(', 0, 0, 0, 0, ',', 0, 0, 0, 0, ')'};
        for (int i = 0; i < 4; i++) {
            c[1 + i] = hex(tag >>> (28 - 4 * i));
            c[6 + i] = hex(tag >>> (12 - 4 * i));
        }
        return new String(c);
    }

    /** "ggggeeee" in upper-case hex, as the DICOM JSON model keys attributes. */
    public static String toHex(int tag) {
        char[] c = new char[8];
        for (int i = 0; i < 8; i++) {
            c[i] = hex(tag >>> (28 - 4 * i));
        }
        return new String(c);
    }

    private static char hex(int nibble) {
        return "0123456789ABCDEF".charAt(nibble & 0xF);
    }

    public static boolean isPrivate(int tag) {
        return (group(tag) & 1) != 0 && group(tag) > 8 && group(tag) != 0xFFFF;
    }

    /** Private Creator Data Elements (gggg,0010-00FF) reserve a block of private elements. */
    public static boolean isPrivateCreator(int tag) {
        return isPrivate(tag) && element(tag) >= 0x10 && element(tag) <= 0xFF;
    }

    /** The Private Creator element that reserves the block {@code tag} lies in, e.g. (0029,1010) -> (0029,0010). */
    public static int privateCreatorOf(int tag) {
        return (tag & 0xFFFF0000) | ((tag >>> 8) & 0xFF);
    }

    public static boolean isGroupLength(int tag) {
        return element(tag) == 0;
    }
}
