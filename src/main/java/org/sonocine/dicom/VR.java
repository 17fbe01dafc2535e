package org.sonocine.dicom;

/**
 * Value Representations of PS3.5 section 6.2, each carrying how it is encoded and how its value is read.
 */
public enum VR {
    AE(Kind.ASCII, 0x20, false, 0),
    AS(Kind.ASCII, 0x20, false, 0),
    AT(Kind.TAG, 0, false, 4),
    CS(Kind.ASCII, 0x20, false, 0),
    DA(Kind.ASCII, 0x20, false, 0),
    DS(Kind.ASCII, 0x20, false, 0),
    DT(Kind.ASCII, 0x20, false, 0),
    FD(Kind.BINARY, 0, false, 8),
    FL(Kind.BINARY, 0, false, 4),
    IS(Kind.ASCII, 0x20, false, 0),
    LO(Kind.TEXT_MULTI, 0x20, false, 0),
    LT(Kind.TEXT_SINGLE, 0x20, false, 0),
    OB(Kind.BULK, 0, true, 1),
    OD(Kind.BULK, 0, true, 8),
    OF(Kind.BULK, 0, true, 4),
    OL(Kind.BULK, 0, true, 4),
    OV(Kind.BULK, 0, true, 8),
    OW(Kind.BULK, 0, true, 2),
    PN(Kind.TEXT_MULTI, 0x20, false, 0),
    SH(Kind.TEXT_MULTI, 0x20, false, 0),
    SL(Kind.BINARY, 0, false, 4),
    SQ(Kind.SEQUENCE, 0, true, 0),
    SS(Kind.BINARY, 0, false, 2),
    ST(Kind.TEXT_SINGLE, 0x20, false, 0),
    SV(Kind.BINARY, 0, true, 8),
    TM(Kind.ASCII, 0x20, false, 0),
    UC(Kind.TEXT_MULTI, 0x20, true, 0),
    UI(Kind.ASCII, 0x00, false, 0),
    UL(Kind.BINARY, 0, false, 4),
    UN(Kind.BULK, 0, true, 1),
    UR(Kind.URI, 0x20, true, 0),
    US(Kind.BINARY, 0, false, 2),
    UT(Kind.TEXT_SINGLE, 0x20, true, 0),
    UV(Kind.BINARY, 0, true, 8);

    /** How a value of this VR is interpreted. */
    public enum Kind {
        /** Backslash-separated values in the default repertoire (no Specific Character Set). */
        ASCII,
        /** Backslash-separated values decoded with the Specific Character Set. */
        TEXT_MULTI,
        /** One value that may contain backslashes, decoded with the Specific Character Set. */
        TEXT_SINGLE,
        /** One URI; no character set, no backslash splitting. */
        URI,
        /** Fixed-size binary numbers. */
        BINARY,
        /** Attribute tags (pairs of 16-bit numbers). */
        TAG,
        /** Opaque or numeric bulk data (OB, OW, OF, ...). */
        BULK,
        /** A sequence of items. */
        SEQUENCE
    }

    private static final VR[] BY_CODE = new VR[0x10000];

    static {
        for (VR vr : values()) {
            BY_CODE[vr.code] = vr;
        }
    }

    private final Kind kind;
    private final int paddingByte;
    private final boolean longHeader;
    private final int bytesPerValue;
    /** The two ASCII characters as a big-endian 16-bit number, the way they appear in a stream. */
    public final int code;

    VR(Kind kind, int paddingByte, boolean longHeader, int bytesPerValue) {
        this.kind = kind;
        this.paddingByte = paddingByte;
        this.longHeader = longHeader;
        this.bytesPerValue = bytesPerValue;
        this.code = (name().charAt(0) << 8) | name().charAt(1);
    }

    /** The VR whose two ASCII characters, read as a big-endian 16-bit number, are {@code code}; null if none. */
    public static VR ofCode(int code) {
        return BY_CODE[code & 0xFFFF];
    }

    public Kind kind() {
        return kind;
    }

    /** The byte that pads a value of odd length to even length. */
    public int paddingByte() {
        return paddingByte;
    }

    /** Whether explicit-VR encoding uses the 12-byte header (2 reserved bytes and a 32-bit length). */
    public boolean hasLongHeader() {
        return longHeader;
    }

    /** Size of one value for binary VRs (and the swap unit for bulk VRs); 0 for string VRs and SQ. */
    public int bytesPerValue() {
        return bytesPerValue;
    }

    public boolean isString() {
        return kind == Kind.ASCII || kind == Kind.TEXT_MULTI || kind == Kind.TEXT_SINGLE || kind == Kind.URI;
    }

    /** Whether the value's bytes are interpreted through the Specific Character Set. */
    public boolean usesCharacterSet() {
        return kind == Kind.TEXT_MULTI || kind == Kind.TEXT_SINGLE;
    }

    /** Number of bytes of one unit whose order depends on the endianness (1 when it does not). */
    public int swapUnit() {
        return switch (this) {
            case AT, OW, SS, US -> 2;
            case OF, OL, FL, SL, UL -> 4;
            case OD, OV, FD, SV, UV -> 8;
            default -> 1;
        };
    }
}
