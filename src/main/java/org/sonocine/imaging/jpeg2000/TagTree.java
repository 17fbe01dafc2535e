package org.sonocine.imaging.jpeg2000;

import org.sonocine.imaging.codec.DecodeException;

import java.util.Arrays;

/**
 * A tag tree (ISO/IEC 15444-1 B.10.2): a quadtree whose nodes hold the minimum of their children, coded from the
 * root down so that each leaf's value is known once it falls below a threshold. Used for code-block inclusion
 * and for the number of zero bit-planes.
 */
final class TagTree {
    private static final int UNKNOWN = Integer.MAX_VALUE;

    private final int width;
    private final int[] value;
    private final int[] low;
    /** The index of each node's parent; -1 for the root. */
    private final int[] parent;
    /** The nodes from a leaf to the root, as {@link #below} walks them. */
    private final int[] path;

    TagTree(int width, int height) {
        this.width = width;
        int nodes = 0;
        int levels = 0;
        int w = width;
        int h = height;
        while (w * h > 0) {
            nodes += w * h;
            levels++;
            if (w * h == 1) {
                break;
            }
            w = (w + 1) >> 1;
            h = (h + 1) >> 1;
        }
        // Sized to the tree: a codestream may hold a million one-block precincts, each with two trees.
        path = new int[levels];
        value = new int[nodes];
        low = new int[nodes];
        parent = new int[nodes];
        Arrays.fill(value, UNKNOWN);
        int levelStart = 0;
        w = width;
        h = height;
        while (w * h > 1) {
            int nextStart = levelStart + w * h;
            int nw = (w + 1) >> 1;
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    parent[levelStart + y * w + x] = nextStart + (y >> 1) * nw + (x >> 1);
                }
            }
            levelStart = nextStart;
            w = nw;
            h = (h + 1) >> 1;
        }
        if (nodes > 0) {
            parent[levelStart] = -1;
        }
    }

    /**
     * Reads bits until it is known whether leaf (x, y)'s value is below {@code threshold}; returns whether it is.
     */
    boolean below(int x, int y, int threshold, HeaderBits bits) throws DecodeException {
        int depth = 0;
        for (int n = y * width + x; n >= 0; n = parent[n]) {
            path[depth++] = n;
        }
        int floor = 0;
        for (int i = depth - 1; i >= 0; i--) {
            int n = path[i];
            if (floor > low[n]) {
                low[n] = floor;
            } else {
                floor = low[n];
            }
            while (floor < threshold && floor < value[n]) {
                if (bits.bit() != 0) {
                    value[n] = floor;
                } else {
                    floor++;
                }
            }
            low[n] = floor;
        }
        return value[path[0]] < threshold;
    }

    /** Reads leaf (x, y)'s whole value, which must be below {@code limit}. */
    int value(int x, int y, int limit, HeaderBits bits) throws DecodeException {
        if (!below(x, y, limit, bits)) {
            throw new DecodeException("a JPEG 2000 packet header codes " + limit + " or more zero bit-planes");
        }
        return value[y * width + x];
    }
}
