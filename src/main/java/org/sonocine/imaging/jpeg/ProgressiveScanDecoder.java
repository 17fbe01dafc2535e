package org.sonocine.imaging.jpeg;

import java.util.Arrays;
import java.util.List;

import org.sonocine.imaging.codec.DecodeException;
import org.sonocine.imaging.codec.RawImage;

/**
 * Decodes the scans of a progressive DCT frame (SOF2; T.81 annex G, spectral selection and successive
 * approximation) into coefficient buffers for the whole frame, and transforms them once the last scan is in, through
 * the same inverse DCT and upsampling as sequential frames. As in libjpeg 6b (DCMTK): a component's quantization
 * table is the one in force at its first scan, scans that contradict the progression so far are decoded all the same
 * (libjpeg only warns), and an image whose first AC coefficients are not exact at the end gets libjpeg's block
 * smoothing.
 *
 * <p>The work is bounded, since every scan passes over all blocks of its components however little data it has
 * (one end-of-band run covers thousands): a valid progression codes each coefficient at most {@value #MAX_CODINGS}
 * times (once, then once per refined bit), so a stream that codes one more often is refused; and although the
 * standard would allow a component in some 900 scans, more than {@value #MAX_SCANS_PER_COMPONENT} are refused too
 * (libjpeg's default script has 6, encoders write a few dozen at most), which keeps a hostile stream of tiny scans
 * from costing many seconds.
 */
final class ProgressiveScanDecoder implements ScanDecoder {
    /** Largest point transform libjpeg accepts; the first coding with Al 13, then 13 refinements. */
    private static final int MAX_AL = 13;
    private static final int MAX_CODINGS = MAX_AL + 1;
    private static final int MAX_SCANS_PER_COMPONENT = 64;

    private final FrameHeader frame;
    private final ComponentCoefficients[] coefficients;
    private final IslowIdct idct;
    /** Each component's quantization table, latched at its first scan. */
    private final int[][] quantTables;
    /** Per component and zigzag index: the Al of the last scan that coded it, -1 before any (libjpeg's coef_bits). */
    private final int[][] coefficientBits;
    /** Per component and zigzag index: how many scans coded it. */
    private final int[][] codings;
    /** Per component: how many scans it took part in. */
    private final int[] scans;

    ProgressiveScanDecoder(FrameHeader frame) {
        this.frame = frame;
        this.idct = new IslowIdct(frame.precision());
        int n = frame.componentCount();
        this.coefficients = new ComponentCoefficients[n];
        this.quantTables = new int[n][];
        this.coefficientBits = new int[n][64];
        this.codings = new int[n][64];
        this.scans = new int[n];
        int mcusPerLine = FrameHeader.ceilDiv(frame.width(), 8 * frame.maxH());
        int mcuRows = FrameHeader.ceilDiv(frame.height(), 8 * frame.maxV());
        for (int c = 0; c < n; c++) {
            int blocksWide = FrameHeader.ceilDiv(frame.componentWidth(c), 8);
            int blocksHigh = FrameHeader.ceilDiv(frame.componentHeight(c), 8);
            FrameHeader.Component fc = frame.component(c);
            // only interleaved scans, so only frames of several components, code padding blocks
            int stride = n > 1 ? Math.max(blocksWide, mcusPerLine * fc.h()) : blocksWide;
            int rows = n > 1 ? Math.max(blocksHigh, mcuRows * fc.v()) : blocksHigh;
            coefficients[c] = new ComponentCoefficients(blocksWide, blocksHigh, stride, rows);
            Arrays.fill(coefficientBits[c], -1);
        }
    }

    /** A progressive frame is complete only at its EOI: any scan may refine it further. */
    @Override
    public boolean isComplete() {
        return false;
    }

    @Override
    public void decodeScan(ScanHeader scan, DecoderTables tables, BitReader in) throws DecodeException {
        checkParameters(scan);
        List<ScanHeader.Component> components = scan.components();
        int n = components.size();
        boolean dc = scan.ss() == 0;
        HuffmanTable[] dcTables = new HuffmanTable[n];
        HuffmanTable acTable = null;
        ComponentCoefficients[] scanCoefficients = new ComponentCoefficients[n];
        int[] h = new int[n];
        int[] v = new int[n];
        int blocksInMcu = 0;
        for (int i = 0; i < n; i++) {
            ScanHeader.Component sc = components.get(i);
            int c = sc.frameIndex();
            FrameHeader.Component fc = frame.component(c);
            if (quantTables[c] == null) {
                quantTables[c] = tables.quantTable(fc.quantTable());
            }
            if (dc && scan.ah() == 0) {
                dcTables[i] = tables.dcTable(sc.dcTable());
            } else if (!dc) {
                acTable = tables.acTable(sc.acTable());
            }
            recordProgression(c, fc.id(), scan);
            scanCoefficients[i] = coefficients[c];
            h[i] = scan.isInterleaved() ? fc.h() : 1;
            v[i] = scan.isInterleaved() ? fc.v() : 1;
            blocksInMcu += h[i] * v[i];
        }
        if (blocksInMcu > FrameHeader.MAX_UNITS_IN_MCU) {
            throw new DecodeException("scan has " + blocksInMcu + " blocks per MCU, more than "
                    + FrameHeader.MAX_UNITS_IN_MCU);
        }
        int mcusPerLine;
        int mcuRows;
        if (scan.isInterleaved()) {
            mcusPerLine = FrameHeader.ceilDiv(frame.width(), 8 * frame.maxH());
            mcuRows = FrameHeader.ceilDiv(frame.height(), 8 * frame.maxV());
        } else {
            mcusPerLine = scanCoefficients[0].blocksWide;
            mcuRows = scanCoefficients[0].blocksHigh;
        }
        ProgressiveBlockDecoder blocks = new ProgressiveBlockDecoder(scan, dcTables, acTable);
        Kind kind = dc ? (scan.ah() == 0 ? Kind.DC_FIRST : Kind.DC_REFINE)
                : (scan.ah() == 0 ? Kind.AC_FIRST : Kind.AC_REFINE);

        int restartInterval = tables.restartInterval();
        int restartsToGo = restartInterval;
        int nextRestart = 0;
        boolean outOfData = false;
        for (int my = 0; my < mcuRows; my++) {
            for (int mx = 0; mx < mcusPerLine; mx++) {
                if (restartInterval != 0) {
                    if (restartsToGo == 0) {
                        if (in.restart(nextRestart)) {
                            outOfData = false;
                        }
                        nextRestart = (nextRestart + 1) & 7;
                        blocks.restart();
                        restartsToGo = restartInterval;
                    }
                    restartsToGo--;
                }
                if (outOfData) {
                    // libjpeg leaves the rest of the interval as it was
                    continue;
                }
                for (int i = 0; i < n; i++) {
                    ComponentCoefficients target = scanCoefficients[i];
                    short[] values = target.values;
                    for (int by = 0; by < v[i]; by++) {
                        for (int bx = 0; bx < h[i]; bx++) {
                            int offset = target.offset(my * v[i] + by, mx * h[i] + bx);
                            switch (kind) {
                                case DC_FIRST -> blocks.decodeDcFirst(in, values, offset, i);
                                case DC_REFINE -> blocks.decodeDcRefine(in, values, offset);
                                case AC_FIRST -> blocks.decodeAcFirst(in, values, offset);
                                case AC_REFINE -> blocks.decodeAcRefine(in, values, offset);
                            }
                        }
                    }
                }
                if (in.overran()) {
                    if (in.hitEndOfData()) {
                        throw new DecodeException("JPEG data is truncated: a progressive scan ends in MCU "
                                + (my * mcusPerLine + mx + 1) + " of " + mcuRows * mcusPerLine);
                    }
                    // a marker cut the scan short
                    if (restartInterval == 0) {
                        return;
                    }
                    outOfData = true;
                }
            }
        }
    }

    private enum Kind { DC_FIRST, DC_REFINE, AC_FIRST, AC_REFINE }

    /** The checks of libjpeg's start_pass_phuff_decoder, which ends decoding where they fail. */
    private static void checkParameters(ScanHeader scan) throws DecodeException {
        int ss = scan.ss();
        int se = scan.se();
        int ah = scan.ah();
        int al = scan.al();
        String problem = null;
        if (ss == 0 && se != 0) {
            problem = "a DC scan (Ss 0) must end at Se 0";
        } else if (ss > se || se > 63) {
            problem = "an AC band must lie within 1 <= Ss <= Se <= 63";
        } else if (ss != 0 && scan.isInterleaved()) {
            problem = "an AC scan may code one component only";
        } else if (ah != 0 && al != ah - 1) {
            problem = "a refinement scan must code the next bit (Al = Ah - 1)";
        } else if (al > MAX_AL) {
            problem = "Al may be at most " + MAX_AL;
        }
        if (problem != null) {
            throw new DecodeException("progressive JPEG scan Ss=" + ss + " Se=" + se + " Ah=" + ah + " Al=" + al
                    + " is invalid: " + problem);
        }
    }

    /**
     * Keeps libjpeg's record of the bits known per coefficient (a scan at odds with it only draws a warning
     * there), which decides on block smoothing, and counts the scans and the codings of each coefficient.
     */
    private void recordProgression(int component, int id, ScanHeader scan) throws DecodeException {
        if (++scans[component] > MAX_SCANS_PER_COMPONENT) {
            throw new DecodeException("progressive JPEG codes component " + id + " in more than "
                    + MAX_SCANS_PER_COMPONENT + " scans, far more than encoders write");
        }
        for (int k = scan.ss(); k <= scan.se(); k++) {
            coefficientBits[component][k] = scan.al();
            if (++codings[component][k] > MAX_CODINGS) {
                throw new DecodeException("progressive JPEG codes coefficient " + k + " of component " + id
                        + " more than " + MAX_CODINGS + " times, more than any valid progression");
            }
        }
    }

    @Override
    public RawImage finish() throws DecodeException {
        BlockSmoothing smoothing = BlockSmoothing.ifUseful(quantTables, coefficientBits);
        ComponentPlane[] planes = new ComponentPlane[coefficients.length];
        int[] block = new int[64];
        for (int c = 0; c < planes.length; c++) {
            ComponentCoefficients source = coefficients[c];
            ComponentPlane plane = new ComponentPlane(frame.componentWidth(c), frame.componentHeight(c),
                    source.blocksWide * 8, source.blocksHigh * 8);
            planes[c] = plane;
            int[] quant = quantTables[c];
            if (quant == null) {
                // no scan coded the component: libjpeg's all-zero coefficients, flat mid-grey
                Arrays.fill(plane.samples, idct.flatValue());
                continue;
            }
            for (int row = 0; row < source.blocksHigh; row++) {
                for (int col = 0; col < source.blocksWide; col++) {
                    int from = source.offset(row, col);
                    for (int k = 0; k < 64; k++) {
                        block[k] = source.values[from + k];
                    }
                    if (smoothing != null) {
                        smoothing.apply(source, c, row, col, block);
                    }
                    int offset = row * 8 * plane.stride + col * 8;
                    if (hasAc(block)) {
                        idct.transform(block, quant, plane.samples, offset, plane.stride);
                    } else {
                        fill(plane, offset, idct.dcOnly(block[0], quant[0]));
                    }
                }
            }
            // the coefficients are done with: let them go before the output image is allocated
            coefficients[c] = null;
        }
        OutputImage image = new OutputImage(frame);
        image.putPlanes(planes, true);
        return image.toRawImage();
    }

    private static boolean hasAc(int[] block) {
        for (int k = 1; k < 64; k++) {
            if (block[k] != 0) {
                return true;
            }
        }
        return false;
    }

    private static void fill(ComponentPlane plane, int offset, short value) {
        short[] samples = plane.samples;
        for (int y = 0; y < 8; y++, offset += plane.stride) {
            Arrays.fill(samples, offset, offset + 8, value);
        }
    }
}
