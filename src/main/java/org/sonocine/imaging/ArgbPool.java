package org.sonocine.imaging;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Display-frame arrays handed back for reuse. It keeps a bounded number of them, all of one length (the display
 * size of the moment): arrays of another length are left to the garbage collector, so a resize drains the pool
 * rather than pinning arrays nobody asks for. Thread-safe.
 */
public final class ArgbPool implements PixelMemory {
    private final int maxKept;
    private final Deque<int[]> free = new ArrayDeque<>();
    private int length = -1;
    private long allocated;

    public ArgbPool(int maxKept) {
        this.maxKept = Math.max(0, maxKept);
    }

    @Override
    public synchronized int[] argb(int size) {
        if (size == length && !free.isEmpty()) {
            return free.pop();
        }
        allocated++;
        return new int[size];
    }

    /** Gives {@code array} back; the caller must hold no other reference to it that it still reads. */
    public synchronized void give(int[] array) {
        if (array.length != length) {
            free.clear();
            length = array.length;
        }
        if (free.size() < maxKept) {
            free.push(array);
        }
    }

    /** How many requests needed a new array (rather than one given back). */
    public synchronized long allocated() {
        return allocated;
    }
}
