package org.sonocine.imaging.jpeg2000;

/** Makes the block decoders, one of each kind per thread. */
final class BlockCoders {
    private static final ThreadLocal<BlockDecoder> EBCOT = ThreadLocal.withInitial(EbcotBlockDecoder::new);
    private static final ThreadLocal<BlockDecoder> HIGH_THROUGHPUT = ThreadLocal.withInitial(HtBlockDecoder::new);

    private BlockCoders() {
    }

    /** This thread's decoder for code-blocks of {@code style}. */
    static BlockDecoder forStyle(int style) {
        return (style & CodeBlock.HIGH_THROUGHPUT) != 0 ? HIGH_THROUGHPUT.get() : EBCOT.get();
    }
}
