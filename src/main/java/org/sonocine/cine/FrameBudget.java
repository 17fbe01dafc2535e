package org.sonocine.cine;

/**
 * How many bytes of decoded frames a cine may keep: a quarter of the heap, at most 256 MiB. Enough for several
 * seconds ahead at any display size, and for a whole typical echo loop at its own size, while leaving the heap
 * room for everything else; an explicit size so that memory is bounded whatever heap the JVM was given.
 */
public final class FrameBudget {
    public static final long CEILING_BYTES = 256L << 20;
    public static final long FLOOR_BYTES = 16L << 20;

    private FrameBudget() {
    }

    public static long forHeap(long maxHeapBytes) {
        return Math.max(FLOOR_BYTES, Math.min(CEILING_BYTES, maxHeapBytes / 4));
    }

    /** The budget for this JVM's heap. */
    public static long forThisJvm() {
        return forHeap(Runtime.getRuntime().maxMemory());
    }
}
