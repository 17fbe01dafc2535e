package org.sonocine.imaging.jpeg2000;

import org.sonocine.imaging.codec.DecodeException;

import java.util.Arrays;

/**
 * Tier-2 of one tile (ISO/IEC 15444-1 B.9, B.10): reads its packets in their progression order, following their
 * headers' inclusion, zero bit-plane, pass count and length codes, and hands each code-block's codeword segments to
 * its {@link BlockState}. Packet headers lie in the tile's data before each packet's body, or all together in PPM
 * or PPT segments. For blocks of the HT coder the passes are grouped in sets of a cleanup, a SigProp and a MagRef
 * pass, with the segment lengths of ISO/IEC 15444-15: the passes up to a set's cleanup pass (placeholders before it
 * carry no bytes) form one segment, its SigProp and MagRef passes the next; only the last set is kept.
 */
final class PacketDecoder {
    private static final int CONTINUE = 0;
    private static final int START = 1;
    private static final int RESTART = 2;
    private static final int UNLIMITED = Integer.MAX_VALUE;

    private final TileCoding coding;
    private final long[] tile;
    private final long[][] subsampling;
    private final TileComponent[] components;
    private final byte[] data;
    private final int dataStart;
    private final int dataEnd;
    private int dataPos;
    private final byte[] headers;
    private final int headersStart;
    private final int headersEnd;
    private int headersPos;
    private final Precinct[][][] precincts;
    private final int[][][] nextLayer;
    private final HeaderBits bits = new HeaderBits();
    private int packets;
    /**
     * Code-block visits of packet headers still allowed. A block already included costs a header bit, but one not
     * yet included can cost none, so a corrupt codestream of many layers over large precincts could make reading
     * its headers take very long for few bytes; real ones stay far below this.
     */
    private long visitsLeft;
    /**
     * Precinct bands, code-block cells and included code-blocks still allowed. Each costs a packet header some
     * bits but the decoder a few hundred bytes, so one-sample precincts each including a one-sample code-block
     * could exhaust the heap with a megabyte. Real codestreams, with code-blocks of 4 x 4 or more, stay below one
     * per four samples: at most three per sixteen, for a 4 x 4 block alone in its precinct.
     */
    private long blocksLeft;
    private final long samples;

    private BlockState[] pendingBlock = new BlockState[64];
    private int[] pendingPasses = new int[64];
    private int[] pendingLength = new int[64];
    private int[] pendingAction = new int[64];
    private int pending;

    PacketDecoder(TileCoding coding, TileComponent[] components, long[] tile, long[][] subsampling, ByteSpan data,
                  ByteSpan packedHeaders) throws DecodeException {
        this.coding = coding;
        this.tile = tile;
        this.subsampling = subsampling;
        this.components = components;
        this.data = data.bytes();
        this.dataPos = data.from();
        this.dataStart = data.from();
        this.dataEnd = data.to();
        if (packedHeaders != null) {
            headers = packedHeaders.bytes();
            headersPos = packedHeaders.from();
            headersStart = headersPos;
            headersEnd = packedHeaders.to();
        } else {
            headers = null;
            headersEnd = 0;
            headersStart = 0;
        }
        long total = 0;
        for (TileComponent tc : components) {
            for (TileComponent.Resolution res : tc.resolutions) {
                total += (long) res.precincts() * coding.layers();
            }
        }
        long available = data.length() + (packedHeaders == null ? 0 : packedHeaders.length());
        if (total > available) {
            // Every packet takes at least one byte, be it empty.
            throw new DecodeException("a JPEG 2000 tile declares " + total + " packets in "
                    + Words.count(available, "byte") + " of coded data");
        }
        visitsLeft = 4_000_000L + 64L * available;
        long tileSamples = 0;
        for (TileComponent tc : components) {
            tileSamples += (long) tc.width() * tc.height();
        }
        samples = tileSamples;
        blocksLeft = 262_144L + tileSamples / 4;
        precincts = new Precinct[components.length][][];
        nextLayer = new int[components.length][][];
        for (int c = 0; c < components.length; c++) {
            TileComponent.Resolution[] rs = components[c].resolutions;
            precincts[c] = new Precinct[rs.length][];
            nextLayer[c] = new int[rs.length][];
            for (int r = 0; r < rs.length; r++) {
                precincts[c][r] = new Precinct[rs[r].precincts()];
                nextLayer[c][r] = new int[rs[r].precincts()];
            }
        }
    }

    /** Where each packet lies in the tile's data, for tools that rearrange codestreams. */
    interface Layout {
        /**
         * @param start       where the packet starts (its SOP marker segment, if any)
         * @param header      where its header starts (equal to {@code body} when headers are packed elsewhere)
         * @param body        where its body starts, after the header and any EPH marker
         * @param end         where it ends
         */
        void packet(int start, int header, int body, int end);
    }

    private Layout layout;

    void reportTo(Layout receiver) {
        layout = receiver;
    }

    /** Reads every packet of the tile, in the order its progression (or POC segments) give. */
    void readAll() throws DecodeException {
        new PacketOrder(coding, components, tile, subsampling, available(), this::packet).run();
    }

    private long available() {
        return dataEnd - dataStart + (headers == null ? 0 : headersEnd - headersStart);
    }

    /** How many packets were read. */
    int packets() {
        return packets;
    }

    /** How many bytes of tile data the packets did not use. */
    int unusedBytes() {
        return dataEnd - dataPos;
    }

    /** The precincts read, per component and resolution; null entries were never in a packet that was not empty. */
    Precinct[][] precincts(int component) {
        return precincts[component];
    }

    /** Reads the packet of layer {@code layer}, if it is the next one of its precinct. */
    private void packet(int layer, int c, int r, int p) throws DecodeException {
        if (nextLayer[c][r][p] != layer) {
            return;
        }
        nextLayer[c][r][p]++;
        packets++;
        int start = dataPos;
        if (coding.startOfPacket() && dataPos + 6 <= dataEnd && data[dataPos] == (byte) 0xFF
                && data[dataPos + 1] == (byte) 0x91) {
            dataPos += 6;
        }
        boolean packed = headers != null;
        int header = dataPos;
        if (packed) {
            bits.start(headers, headersPos, headersEnd);
        } else {
            bits.start(data, dataPos, dataEnd);
        }
        pending = 0;
        if (bits.bit() != 0) {
            // Made only for a packet that is not empty: empty packets, a byte each, must not cost a precinct's
            // tag trees and code-block table apiece.
            Precinct precinct = precincts[c][r][p];
            if (precinct == null) {
                precinct = new Precinct(components[c].resolutions[r], p);
                precincts[c][r][p] = precinct;
                for (Precinct.Part part : precinct.parts) {
                    spendBlocks(1 + part.blocks.length);
                }
            }
            ComponentCoding cc = components[c].coding;
            for (Precinct.Part part : precinct.parts) {
                visitsLeft -= part.blocks.length;
                if (visitsLeft < 0) {
                    throw new DecodeException("a JPEG 2000 tile's packet headers visit more code-blocks than its "
                            + Words.count(available(), "byte") + " could describe");
                }
                for (int k = 0; k < part.blocks.length; k++) {
                    blockHeader(part, k, layer, cc);
                }
            }
        }
        int after = bits.finish();
        byte[] h = packed ? headers : data;
        int hEnd = packed ? headersEnd : dataEnd;
        if (coding.endOfHeader() && after + 2 <= hEnd && h[after] == (byte) 0xFF && h[after + 1] == (byte) 0x92) {
            after += 2;
        }
        if (packed) {
            headersPos = after;
        } else {
            dataPos = after;
        }
        int body = dataPos;
        for (int i = 0; i < pending; i++) {
            int n = pendingLength[i];
            if (n > dataEnd - dataPos) {
                throw new DecodeException("a JPEG 2000 packet's code-block data run "
                        + Words.count(n - (dataEnd - dataPos), "byte") + " past the end of its tile");
            }
            BlockState s = pendingBlock[i];
            if (pendingAction[i] == RESTART) {
                s.dropSegments();
            }
            if (pendingAction[i] != CONTINUE) {
                s.startSegment();
            }
            s.append(pendingPasses[i], data, dataPos, n);
            dataPos += n;
        }
        if (layout != null) {
            layout.packet(start, header, body, dataPos);
        }
    }

    private void blockHeader(Precinct.Part part, int k, int layer, ComponentCoding cc) throws DecodeException {
        int bx = k % part.across;
        int by = k / part.across;
        BlockState s;
        if (part.blocks[k] == null || !part.blocks[k].included) {
            if (!part.inclusion.below(bx, by, layer + 1, bits)) {
                return;
            }
            s = part.block(k);
            spendBlocks(1);
            s.included = true;
            s.zeroBitPlanes = part.zeroBitPlanes.value(bx, by, 75, bits);
        } else {
            s = part.blocks[k];
            if (bits.bit() == 0) {
                return;
            }
        }
        int n = passCount();
        while (bits.bit() != 0) {
            if (++s.lengthBits > 32) {
                throw new DecodeException("a JPEG 2000 packet header codes lengths of more than 32 bits");
            }
        }
        int planes = part.band.magnitudeBits + part.band.roiShift - s.zeroBitPlanes;
        if (cc.highThroughput()) {
            htSegments(s, n);
            if (planes - s.htCleanupPass / 3 <= 0) {
                throw new DecodeException("a JPEG 2000 HT code-block has more coding passes than bit-planes");
            }
        } else {
            segments(s, n, cc.blockStyle());
            if (s.passes > 3 * planes - 2) {
                throw new DecodeException("a JPEG 2000 code-block has " + Words.count(s.passes, "coding pass")
                        + " for " + Words.count(planes, "bit-plane"));
            }
        }
    }

    private void spendBlocks(long n) throws DecodeException {
        blocksLeft -= n;
        if (blocksLeft < 0) {
            throw new DecodeException("a JPEG 2000 tile's packets include more precincts and code-blocks than this"
                    + " decoder allows for its " + Words.count(samples, "sample"));
        }
    }

    /** The number of new coding passes (Table B.4). */
    private int passCount() throws DecodeException {
        if (bits.bit() == 0) {
            return 1;
        }
        if (bits.bit() == 0) {
            return 2;
        }
        int v = bits.bits(2);
        if (v < 3) {
            return 3 + v;
        }
        v = bits.bits(5);
        if (v < 31) {
            return 6 + v;
        }
        return 37 + bits.bits(7);
    }

    /** The lengths of {@code n} new passes of an EBCOT block, one per codeword segment they fall in. */
    private void segments(BlockState s, int n, int style) throws DecodeException {
        int remaining = n;
        while (remaining > 0) {
            int action = CONTINUE;
            if (s.headerSegments == 0 || s.headerPassesInLast >= maxPasses(s.headerSegments - 1, style)) {
                s.headerSegments++;
                s.headerPassesInLast = 0;
                action = START;
            }
            int room = maxPasses(s.headerSegments - 1, style) - s.headerPassesInLast;
            int take = Math.min(remaining, room);
            addPending(s, take, length(s, take), action);
            s.headerPassesInLast += take;
            remaining -= take;
        }
        s.passes += n;
    }

    /** How many passes codeword segment {@code segment} holds at most (D.4, Table D.9). */
    private static int maxPasses(int segment, int style) {
        if ((style & CodeBlock.TERMINATE_EACH_PASS) != 0) {
            return 1;
        }
        if ((style & CodeBlock.BYPASS) != 0) {
            // Ten passes arithmetically coded, then raw SigProp + MagRef and coded cleanup in turn.
            return segment == 0 ? 10 : segment % 2 == 1 ? 2 : 1;
        }
        return UNLIMITED;
    }

    /** The lengths of {@code n} new passes of an HT block (ISO/IEC 15444-15 B.3, placeholder passes). */
    private void htSegments(BlockState s, int n) throws DecodeException {
        int first = s.passes;
        int last = first + n - 1;
        int cleanup = last - last % 3;
        if (cleanup >= first) {
            int upToCleanup = cleanup - first + 1;
            addPending(s, 1, length(s, upToCleanup), RESTART);
            s.htCleanupPass = cleanup;
            int refinement = last - cleanup;
            if (refinement > 0) {
                addPending(s, refinement, length(s, refinement), START);
            }
        } else {
            boolean opened = first - s.htCleanupPass > 1;
            addPending(s, n, length(s, n), opened ? CONTINUE : START);
        }
        s.passes += n;
    }

    private int length(BlockState s, int passes) throws DecodeException {
        int n = s.lengthBits + (31 - Integer.numberOfLeadingZeros(passes));
        if (n > 31) {
            throw new DecodeException("a JPEG 2000 packet header codes a segment length of " + n + " bits");
        }
        return bits.bits(n);
    }

    private void addPending(BlockState s, int passes, int length, int action) {
        if (pending == pendingBlock.length) {
            int size = pending * 2;
            pendingBlock = Arrays.copyOf(pendingBlock, size);
            pendingPasses = Arrays.copyOf(pendingPasses, size);
            pendingLength = Arrays.copyOf(pendingLength, size);
            pendingAction = Arrays.copyOf(pendingAction, size);
        }
        pendingBlock[pending] = s;
        pendingPasses[pending] = passes;
        pendingLength[pending] = length;
        pendingAction[pending] = action;
        pending++;
    }
}
