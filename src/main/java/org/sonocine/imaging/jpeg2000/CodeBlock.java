package org.sonocine.imaging.jpeg2000;

/**
 * One code-block's coded data, as tier-2 gathered it from the packets of every layer decoded.
 *
 * @param width          samples across (1 to 1024; width × height at most 4096)
 * @param height         samples down
 * @param band           the subband the block lies in, which selects the EBCOT contexts
 * @param magnitudeBits  M_b, the subband's magnitude bit-planes (guard bits + exponent − 1), plus the ROI shift
 * @param zeroBitPlanes  the leading bit-planes known to be zero, so the first (cleanup) pass codes bit-plane
 *                       {@code magnitudeBits − 1 − zeroBitPlanes}. For an HT block, tier-2 has already added
 *                       the bit-planes of any HT sets before the one to decode (placeholder passes), so this is the
 *                       bit-plane of the cleanup pass to decode
 * @param passes         coding passes to decode (for HT: 1 to 3, the cleanup, SigProp and MagRef passes of one set)
 * @param style          the code-block style byte of COD/COC (bypass, reset, restart, causal, predictable
 *                       termination, segmentation symbols, HT)
 * @param data           the codeword segments, one after another, from index 0
 * @param segmentLengths each codeword segment's length in bytes, in order (they add up to the bytes used in data;
 *                       for HT: the cleanup segment, then the SigProp/MagRef segment if any)
 * @param segmentPasses  how many coding passes each segment holds, in order (they add up to passes)
 */
public record CodeBlock(int width, int height, Band band, int magnitudeBits, int zeroBitPlanes, int passes,
                        int style, byte[] data, int[] segmentLengths, int[] segmentPasses) {

    /** The subband orientations; their order is the standard's (b = 0 to 3). */
    public enum Band { LL, HL, LH, HH }

    /** Code-block style bits of COD/COC (ISO/IEC 15444-1 Table A.19; bit 6 from ISO/IEC 15444-15). */
    public static final int BYPASS = 0x01;
    public static final int RESET = 0x02;
    public static final int TERMINATE_EACH_PASS = 0x04;
    public static final int VERTICALLY_CAUSAL = 0x08;
    public static final int PREDICTABLE_TERMINATION = 0x10;
    public static final int SEGMENTATION_SYMBOLS = 0x20;
    public static final int HIGH_THROUGHPUT = 0x40;
}
