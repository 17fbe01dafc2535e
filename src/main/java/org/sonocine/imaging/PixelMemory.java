package org.sonocine.imaging;

/**
 * Where a renderer gets the array a rendered frame owns. Playback hands in a pool, so that a cine plays without
 * allocating (and the garbage collector clearing) a frame's worth of memory per frame; one-off callers allocate.
 */
@FunctionalInterface
public interface PixelMemory {
    /** Allocates a new array each time. */
    PixelMemory FRESH = int[]::new;

    /** An array of exactly {@code length} ints, whose old content will be overwritten. */
    int[] argb(int length);
}
