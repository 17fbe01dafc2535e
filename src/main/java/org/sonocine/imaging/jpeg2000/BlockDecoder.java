package org.sonocine.imaging.jpeg2000;

import org.sonocine.imaging.codec.DecodeException;

/**
 * Decodes one code-block's coding passes into coefficients: EBCOT (ISO/IEC 15444-1 Annex D) or the
 * High-Throughput block coder (ISO/IEC 15444-15). One instance per thread; it may keep scratch state between blocks.
 */
public interface BlockDecoder {
    /**
     * Writes the block's width × height coefficients into {@code out}, row-major from {@code offset} with
     * {@code stride} between rows. Each is held with one extra fractional bit, so that a reconstruction midway
     * inside the lowest decoded bit-plane can be represented: a coefficient whose decoded magnitude bits are
     * {@code m} (bit 0 = bit-plane 0) and whose lowest decoded bit-plane is {@code b} is written as
     * {@code ±((m << 1) | (1 << b))} when significant, and 0 otherwise. (A fully decoded lossless block thus
     * gives 2·value + sign·1; dequantisation divides by two, rounding toward zero.)
     *
     * @throws DecodeException when the coded data contradict themselves or end too early to be decoded
     */
    void decode(CodeBlock block, int[] out, int offset, int stride) throws DecodeException;
}
