package org.sonocine.imaging.jpeg2000;

import java.util.Arrays;

/** What the packets read so far have said about one code-block, and the codeword segments they carried. */
final class BlockState {
    private static final byte[] NO_BYTES = new byte[0];
    private static final int[] NO_SEGMENTS = new int[0];

    /** The block's rectangle in its band's coordinates. */
    final int x0;
    final int y0;
    final int x1;
    final int y1;
    boolean included;
    int zeroBitPlanes;
    int lengthBits = 3;
    /** Coding passes received, placeholder passes of the HT block coder included. */
    int passes;
    /** Segments and the passes of the last one, as the packet headers read so far have opened them. */
    int headerSegments;
    int headerPassesInLast;
    /** For an HT block: the index among {@link #passes} of the cleanup pass whose set is kept. */
    int htCleanupPass;
    // Shared empty arrays until the first segment: a codestream may include a million blocks of one sample.
    byte[] data = NO_BYTES;
    int length;
    int[] segmentLengths = NO_SEGMENTS;
    int[] segmentPasses = NO_SEGMENTS;
    int segments;

    BlockState(int x0, int y0, int x1, int y1) {
        this.x0 = x0;
        this.y0 = y0;
        this.x1 = x1;
        this.y1 = y1;
    }

    /** Passes the last segment holds. */
    int passesInLastSegment() {
        return segments == 0 ? 0 : segmentPasses[segments - 1];
    }

    void startSegment() {
        if (segments == segmentLengths.length) {
            segmentLengths = Arrays.copyOf(segmentLengths, Math.max(1, segments * 2));
            segmentPasses = Arrays.copyOf(segmentPasses, Math.max(1, segments * 2));
        }
        segmentLengths[segments] = 0;
        segmentPasses[segments] = 0;
        segments++;
    }

    /** Forgets the segments received so far: an HT block keeps only its last set's. */
    void dropSegments() {
        segments = 0;
        length = 0;
    }

    /** Adds {@code passes} passes and {@code n} bytes from {@code src} to the last segment. */
    void append(int passes, byte[] src, int from, int n) {
        if (length + n > data.length) {
            data = Arrays.copyOf(data, Math.max(length + n, data.length * 2));
        }
        System.arraycopy(src, from, data, length, n);
        length += n;
        segmentLengths[segments - 1] += n;
        segmentPasses[segments - 1] += passes;
    }
}
