package org.sonocine.dicom;

/**
 * One item of encapsulated pixel data: its value is {@code length} bytes at {@code offset} of the data stream
 * (as declared: a truncated file may hold fewer).
 * {@code itemOffset} is the position of its item header counted, as offset tables count, from the first byte of
 * the first fragment item; {@code head} holds its first four bytes (big-endian, -1 if shorter), which tell where
 * a JPEG or JPEG 2000 codestream starts.
 */
public record Fragment(long offset, long length, long itemOffset, int head) {

    /** Starts with a JPEG SOI marker followed by another marker (JPEG, JPEG-LS). */
    public boolean startsJpeg() {
        return head != -1 && (head >>> 16) == 0xFFD8 && ((head >>> 8) & 0xFF) == 0xFF;
    }

    /** Starts a JPEG 2000 codestream (SOC SIZ) or a JP2 file (signature box). */
    public boolean startsJpeg2000() {
        return head == 0xFF4FFF51 || head == 0x0000000C;
    }
}
