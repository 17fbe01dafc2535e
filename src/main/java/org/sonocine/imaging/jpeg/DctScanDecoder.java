package org.sonocine.imaging.jpeg;

import java.util.Arrays;
import java.util.List;

import org.sonocine.imaging.codec.DecodeException;
import org.sonocine.imaging.codec.RawImage;

/**
 * Decodes the Huffman-coded scans of a sequential DCT frame (T.81 F.2) and transforms each block into its
 * component plane right away. Blocks outside a component's area (the padding of the last MCUs) are decoded but not
 * transformed, as in libjpeg, since nothing shows them.
 */
final class DctScanDecoder implements ScanDecoder {
    private final FrameHeader frame;
    /** One per component, sized for whole blocks: ceil(component size / 8) blocks each way. */
    private final ComponentPlane[] planes;
    private final boolean[] coded;
    private final IslowIdct idct;
    private final int[] coefficients = new int[64];

    DctScanDecoder(FrameHeader frame) {
        this.frame = frame;
        this.idct = new IslowIdct(frame.precision());
        this.planes = new ComponentPlane[frame.componentCount()];
        this.coded = new boolean[planes.length];
        for (int c = 0; c < planes.length; c++) {
            int blocksWide = FrameHeader.ceilDiv(frame.componentWidth(c), 8);
            int blocksHigh = FrameHeader.ceilDiv(frame.componentHeight(c), 8);
            planes[c] = new ComponentPlane(frame.componentWidth(c), frame.componentHeight(c), blocksWide * 8,
                    blocksHigh * 8);
        }
    }

    @Override
    public boolean isComplete() {
        return ScanDecoder.allCoded(coded);
    }

    /** A component that no scan coded has all-zero coefficients in libjpeg: flat mid-grey. */
    @Override
    public RawImage finish() throws DecodeException {
        for (int c = 0; c < planes.length; c++) {
            if (!coded[c]) {
                Arrays.fill(planes[c].samples, idct.flatValue());
            }
        }
        OutputImage image = new OutputImage(frame);
        image.putPlanes(planes, true);
        return image.toRawImage();
    }

    @Override
    public void decodeScan(ScanHeader scan, DecoderTables tables, BitReader in) throws DecodeException {
        List<ScanHeader.Component> components = scan.components();
        int n = components.size();
        HuffmanTable[] dcTables = new HuffmanTable[n];
        HuffmanTable[] acTables = new HuffmanTable[n];
        int[][] quant = new int[n][];
        ComponentPlane[] scanPlanes = new ComponentPlane[n];
        int[] h = new int[n];
        int[] v = new int[n];
        int blocksInMcu = 0;
        for (int i = 0; i < n; i++) {
            ScanHeader.Component sc = components.get(i);
            FrameHeader.Component fc = frame.component(sc.frameIndex());
            dcTables[i] = tables.dcTable(sc.dcTable());
            acTables[i] = tables.acTable(sc.acTable());
            quant[i] = tables.quantTable(fc.quantTable());
            scanPlanes[i] = planes[sc.frameIndex()];
            if (coded[sc.frameIndex()]) {
                throw new DecodeException("component " + fc.id() + " is coded in more than one scan");
            }
            coded[sc.frameIndex()] = true;
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
            mcusPerLine = scanPlanes[0].stride / 8;
            mcuRows = scanPlanes[0].rows / 8;
        }

        int restartInterval = tables.restartInterval();
        int restartsToGo = restartInterval;
        int nextRestart = 0;
        boolean outOfData = false;
        int[] predictors = new int[n];
        int[] coef = coefficients;
        for (int my = 0; my < mcuRows; my++) {
            for (int mx = 0; mx < mcusPerLine; mx++) {
                if (restartInterval != 0) {
                    if (restartsToGo == 0) {
                        if (in.restart(nextRestart)) {
                            outOfData = false;
                        }
                        nextRestart = (nextRestart + 1) & 7;
                        Arrays.fill(predictors, 0);
                        restartsToGo = restartInterval;
                    }
                    restartsToGo--;
                }
                for (int i = 0; i < n; i++) {
                    ComponentPlane plane = scanPlanes[i];
                    for (int by = 0; by < v[i]; by++) {
                        int row = (my * v[i] + by) * 8;
                        for (int bx = 0; bx < h[i]; bx++) {
                            int col = (mx * h[i] + bx) * 8;
                            boolean visible = col < plane.stride && row < plane.rows;
                            int offset = row * plane.stride + col;
                            if (outOfData) {
                                if (visible) {
                                    fill(plane, offset, idct.flatValue());
                                }
                                continue;
                            }
                            boolean hasAc = decodeBlock(in, dcTables[i], acTables[i], predictors, i, coef);
                            if (visible) {
                                if (hasAc) {
                                    idct.transform(coef, quant[i], plane.samples, offset, plane.stride);
                                } else {
                                    fill(plane, offset, idct.dcOnly(coef[0], quant[i][0]));
                                }
                            }
                            if (hasAc) {
                                Arrays.fill(coef, 0);
                            } else {
                                coef[0] = 0;
                            }
                        }
                    }
                }
                if (!outOfData && in.overran()) {
                    if (in.hitEndOfData()) {
                        throw new DecodeException("JPEG data is truncated: the scan ends in MCU "
                                + (my * mcusPerLine + mx + 1) + " of " + mcuRows * mcusPerLine);
                    }
                    // a marker cut the scan short: libjpeg leaves the rest of the interval blank (mid-grey)
                    outOfData = true;
                }
            }
        }
    }

    /** T.81 F.2.2.1 and F.2.2.2: one block's coefficients in natural order; returns whether any AC is non-zero. */
    private static boolean decodeBlock(BitReader in, HuffmanTable dcTable, HuffmanTable acTable, int[] predictors,
            int component, int[] coef) throws DecodeException {
        int dc = predictors[component] + in.dcDifference(dcTable);
        predictors[component] = dc;
        coef[0] = (short) dc;
        return decodeAc(in, acTable, coef);
    }

    /**
     * The AC coefficients, with the bit buffer in locals and most codes resolved together with their magnitude
     * bits by one lookup; symbols that do not fit it take the general path. A run past the 63rd coefficient
     * lands on the last one, through libjpeg's padded zigzag table.
     */
    private static boolean decodeAc(BitReader in, HuffmanTable acTable, int[] coef) {
        int[] lookup = acTable.acLookup();
        int[] naturalOrder = DecoderTables.NATURAL_ORDER;
        boolean hasAc = false;
        long buf = in.buffer;
        int bits = in.bits;
        for (int k = 1; k < 64; k++) {
            if (bits < 32) {
                in.buffer = buf;
                in.bits = bits;
                in.fill();
                buf = in.buffer;
                bits = in.bits;
            }
            int entry = lookup[(int) (buf >>> (64 - HuffmanTable.LOOKUP_BITS))];
            int value;
            int run;
            if (entry != 0) {
                int length = entry & 0xFF;
                buf <<= length;
                bits -= length;
                value = entry >> 16;
                run = (entry >> 8) & 0xFF;
            } else {
                in.buffer = buf;
                in.bits = bits;
                int rs = in.decode(acTable);
                run = rs >> 4;
                int size = rs & 15;
                value = size != 0 ? in.signed(size) : 0;
                if (size == 0 && run != 15) {
                    run = 0;
                }
                buf = in.buffer;
                bits = in.bits;
            }
            if (value != 0) {
                k += run;
                coef[naturalOrder[k]] = value;
                hasAc = true;
            } else if (run == 15) {
                k += 15;
            } else {
                break;
            }
        }
        in.buffer = buf;
        in.bits = bits;
        return hasAc;
    }

    private static void fill(ComponentPlane plane, int offset, short value) {
        short[] samples = plane.samples;
        for (int y = 0; y < 8; y++, offset += plane.stride) {
            Arrays.fill(samples, offset, offset + 8, value);
        }
    }
}
