package org.sonocine.imaging.jpeg2000;

import org.sonocine.imaging.codec.DecodeException;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Decodes one tile: tier-2, the code-blocks (in parallel when asked), dequantisation and ROI de-scaling
 * (ISO/IEC 15444-1 E.1, H.1), the inverse wavelet of each tile-component, the inverse component transform (G.2,
 * G.3), the DC level shift and clamping to each component's range, into the image's samples.
 */
final class TileDecoder {
    /** Code-blocks decoded per task when decoding in parallel: enough to outweigh the hand-over. */
    private static final int BLOCKS_PER_TASK = 8;
    private static final ThreadLocal<int[]> SCRATCH = ThreadLocal.withInitial(() -> new int[4096]);

    private final ImageSize size;
    private final Codestream.Tile tile;
    private final boolean parallel;
    private final TileComponent[] components;
    private final long[] rect;

    /** One code-block to decode, and where its coefficients go. */
    private record Job(int component, TileComponent.SubBand band, BlockState block) {
    }

    TileDecoder(ImageSize size, Codestream.Tile tile, boolean parallel) throws DecodeException {
        this.size = size;
        this.tile = tile;
        this.parallel = parallel;
        this.rect = size.tile(tile.index());
        TileCoding coding = tile.coding();
        int n = size.components().length;
        components = new TileComponent[n];
        for (int c = 0; c < n; c++) {
            components[c] = new TileComponent(c, size, rect, coding.components()[c], coding.quantisation()[c],
                    coding.roiShift()[c]);
        }
    }

    /** Tier-2 alone: the packets read, for checks. */
    PacketDecoder readPackets() throws DecodeException {
        return readPackets(null);
    }

    /** Tier-2 alone, telling {@code layout} where each packet lies. */
    PacketDecoder readPackets(PacketDecoder.Layout layout) throws DecodeException {
        long[][] subsampling = new long[components.length][];
        for (int c = 0; c < components.length; c++) {
            subsampling[c] = new long[] {size.components()[c].dx(), size.components()[c].dy()};
        }
        PacketDecoder packets = new PacketDecoder(tile.coding(), components, rect, subsampling, tile.data(),
                tile.packedHeaders());
        packets.reportTo(layout);
        packets.readAll();
        return packets;
    }

    /** Decodes the tile into {@code image}. */
    void decodeInto(ImageSamples image) throws DecodeException {
        PacketDecoder packets = readPackets();
        List<Job> jobs = new ArrayList<>();
        for (int c = 0; c < components.length; c++) {
            for (Precinct[] ofResolution : packets.precincts(c)) {
                for (Precinct p : ofResolution) {
                    if (p == null) {
                        continue;
                    }
                    for (Precinct.Part part : p.parts) {
                        for (BlockState b : part.blocks) {
                            if (b != null && b.included && b.segments > 0) {
                                jobs.add(new Job(c, part.band, b));
                            }
                        }
                    }
                }
            }
        }
        Object[] planes = new Object[components.length];
        for (int c = 0; c < components.length; c++) {
            int samples = components[c].width() * components[c].height();
            planes[c] = components[c].coding.reversible() ? new int[samples] : new float[samples];
        }
        run(jobs.size(), BLOCKS_PER_TASK, i -> decodeBlockOrSayWhich(jobs.get(i), planes[jobs.get(i).component]));
        run(components.length, 1, c -> inverseWavelet(components[c], planes[c]));
        if (tile.coding().componentTransform()) {
            ComponentTransform.inverse(planes, components[0].width() * components[0].height());
        }
        run(components.length, 1, c -> image.put(c, components[c], planes[c]));
    }

    private interface Task {
        void run(int index) throws DecodeException;
    }

    /** Runs tasks 0 to n − 1, in parallel in groups of {@code group} when asked. */
    private void run(int n, int group, Task task) throws DecodeException {
        if (!parallel || n <= group) {
            for (int i = 0; i < n; i++) {
                task.run(i);
            }
            return;
        }
        try {
            IntStream.range(0, (n + group - 1) / group).parallel().forEach(g -> {
                try {
                    for (int i = g * group; i < Math.min(n, (g + 1) * group); i++) {
                        task.run(i);
                    }
                } catch (DecodeException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw (DecodeException) e.getCause();
        }
    }

    /** Decodes one code-block; a failure names the code-block, as the block decoders cannot. */
    private void decodeBlockOrSayWhich(Job job, Object plane) throws DecodeException {
        try {
            decodeBlock(job, plane);
        } catch (DecodeException e) {
            TileComponent.SubBand band = job.band;
            String where = band.orientation == CodeBlock.Band.LL ? "the LL subband"
                    : "the " + band.orientation + " subband of resolution " + (band.index + 2) / 3;
            String why = e.getMessage();
            if (why.length() > 1 && Character.isUpperCase(why.charAt(0)) && Character.isLowerCase(why.charAt(1))) {
                why = Character.toLowerCase(why.charAt(0)) + why.substring(1);
            }
            throw new DecodeException("JPEG 2000 component " + (job.component + 1) + ", tile " + tile.index() + ", "
                    + where + ", code-block at " + job.block.x0 + ", " + job.block.y0 + ": " + why, e);
        }
    }

    private void decodeBlock(Job job, Object plane) throws DecodeException {
        TileComponent tc = components[job.component];
        TileComponent.SubBand band = job.band;
        BlockState s = job.block;
        int w = s.x1 - s.x0;
        int h = s.y1 - s.y0;
        int style = tc.coding.blockStyle();
        CodeBlock block = codeBlock(s, band, style, w, h);
        int stride = tc.width();
        int x = band.planeX + s.x0 - band.x0;
        int y = band.planeY + s.y0 - band.y0;
        BlockDecoder decoder = BlockCoders.forStyle(style);
        int roi = band.roiShift;
        if (plane instanceof int[] ints) {
            int offset = y * stride + x;
            decoder.decode(block, ints, offset, stride);
            for (int j = 0; j < h; j++) {
                int row = offset + j * stride;
                for (int i = row; i < row + w; i++) {
                    ints[i] = reversible(ints[i], roi);
                }
            }
        } else {
            float[] floats = (float[]) plane;
            int[] scratch = SCRATCH.get();
            decoder.decode(block, scratch, 0, w);
            float step = 0.5f * band.stepSize;
            for (int j = 0; j < h; j++) {
                int row = (y + j) * stride + x;
                for (int i = 0; i < w; i++) {
                    floats[row + i] = descaled(scratch[j * w + i], roi) * step;
                }
            }
        }
    }

    /** A decoded value (with its extra fractional bit) of a reversible band: the quantisation index, ROI undone. */
    private static int reversible(int v, int roi) {
        return descaled(v, roi) / 2;
    }

    /** The value with the ROI max-shift undone (H.1): magnitudes beyond the background's scaled down. */
    private static int descaled(int v, int roi) {
        if (roi == 0) {
            return v;
        }
        int magnitude = Math.abs(v);
        // In long: shifts reach 37, and from 30 up an int threshold would wrap and descale the background.
        if (magnitude >= (2L << roi)) {
            magnitude >>= roi;
        }
        return v < 0 ? -magnitude : magnitude;
    }

    private static CodeBlock codeBlock(BlockState s, TileComponent.SubBand band, int style, int w, int h) {
        int zero = s.zeroBitPlanes;
        if ((style & CodeBlock.HIGH_THROUGHPUT) != 0) {
            zero += s.htCleanupPass / 3;
        }
        int passes = 0;
        for (int i = 0; i < s.segments; i++) {
            passes += s.segmentPasses[i];
        }
        return new CodeBlock(w, h, band.orientation, band.magnitudeBits + band.roiShift, zero, passes, style, s.data,
                java.util.Arrays.copyOf(s.segmentLengths, s.segments),
                java.util.Arrays.copyOf(s.segmentPasses, s.segments));
    }

    private static void inverseWavelet(TileComponent tc, Object plane) {
        if (tc.width() == 0 || tc.height() == 0) {
            return;
        }
        int[][] rects = tc.resolutionRectangles();
        if (plane instanceof int[] ints) {
            InverseWavelet.reversible53(ints, 0, tc.width(), rects);
        } else {
            InverseWavelet.irreversible97((float[]) plane, 0, tc.width(), rects);
        }
    }
}
