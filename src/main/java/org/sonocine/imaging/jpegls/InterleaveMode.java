package org.sonocine.imaging.jpegls;

/** How the components of a scan are ordered in its data (the ILV field of SOS, T.87 C.2.3). */
enum InterleaveMode {
    /** One component per scan. */
    NONE,
    /** A line of each component in turn. */
    LINE,
    /** All components of a pixel in turn. */
    SAMPLE;

    static InterleaveMode of(int ilv) {
        return ilv >= 0 && ilv < values().length ? values()[ilv] : null;
    }
}
