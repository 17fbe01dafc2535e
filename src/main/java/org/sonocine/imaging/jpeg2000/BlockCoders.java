package org.sonocine.imaging.jpeg2000;

import org.sonocine.imaging.codec.DecodeException;

/** Makes the block decoders, one of each kind per thread. */
final class BlockCoders {
    private static final ThreadLocal<BlockDecoder> EBCOT = ThreadLocal.withInitial(() -> missing("EBCOT"));
    private static final ThreadLocal<BlockDecoder> HIGH_THROUGHPUT = ThreadLocal.withInitial(() -> missing("HT"));

    private BlockCoders() {
    }

    /** This thread's decoder for code-blocks of {@code style}. */
    static BlockDecoder forStyle(int style) {
        return (style & CodeBlock.HIGH_THROUGHPUT) != 0 ? HIGH_THROUGHPUT.get() : EBCOT.get();
    }

    private static BlockDecoder missing(String kind) {
        return (block, out, offset, stride) -> {
            throw new DecodeException("this build has no " + kind + " block decoder");
        };
    }
}
