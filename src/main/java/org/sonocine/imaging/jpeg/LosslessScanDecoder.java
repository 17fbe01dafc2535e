package org.sonocine.imaging.jpeg;

import java.util.Arrays;
import java.util.List;

import org.sonocine.imaging.DecodeException;

/**
 * Decodes the scans of a lossless frame (T.81 annex H, process 14) into component planes.
 *
 * <p>Works a row of MCUs at a time as DCMTK's lossless libjpeg does, whose output is the reference: first the
 * differences of the whole row are decoded, then each component line is reconstructed. That order matters for the
 * predictor resets: a restart, or a row left blank because a marker cut the data short, makes the first line of
 * the <em>current</em> row of MCUs use the first-line predictor.
 */
final class LosslessScanDecoder {
    private final FrameHeader frame;
    private final ComponentPlane[] planes;

    LosslessScanDecoder(FrameHeader frame, ComponentPlane[] planes) {
        this.frame = frame;
        this.planes = planes;
    }

    static ComponentPlane[] allocatePlanes(FrameHeader frame) {
        ComponentPlane[] planes = new ComponentPlane[frame.componentCount()];
        for (int c = 0; c < planes.length; c++) {
            int width = frame.componentWidth(c);
            int height = frame.componentHeight(c);
            planes[c] = new ComponentPlane(width, height, width, height);
        }
        return planes;
    }

    void decode(ScanHeader scan, DecoderTables tables, BitReader in) throws DecodeException {
        int predictor = scan.ss();
        int pointTransform = scan.al();
        if (predictor < 1 || predictor > 7 || scan.se() != 0 || scan.ah() != 0) {
            throw new DecodeException("invalid lossless scan parameters: Ss (predictor) " + predictor + ", Se "
                    + scan.se() + ", Ah " + scan.ah());
        }
        if (pointTransform >= frame.precision()) {
            throw new DecodeException("lossless point transform " + pointTransform + " is not below the precision "
                    + frame.precision());
        }
        List<ScanHeader.Component> components = scan.components();
        int n = components.size();
        boolean interleaved = scan.isInterleaved();
        HuffmanTable[] huffman = new HuffmanTable[n];
        ComponentPlane[] scanPlanes = new ComponentPlane[n];
        int[] h = new int[n];
        int[] v = new int[n];
        int unitsInMcu = 0;
        boolean allFullSize = true;
        for (int i = 0; i < n; i++) {
            ScanHeader.Component sc = components.get(i);
            FrameHeader.Component fc = frame.component(sc.frameIndex());
            huffman[i] = tables.dcTable(sc.dcTable());
            scanPlanes[i] = planes[sc.frameIndex()];
            if (scanPlanes[i].coded) {
                throw new DecodeException("component " + fc.id() + " is coded in more than one scan");
            }
            scanPlanes[i].coded = true;
            h[i] = interleaved ? fc.h() : 1;
            v[i] = fc.v();
            unitsInMcu += interleaved ? fc.h() * fc.v() : 1;
            allFullSize &= h[i] == 1 && (v[i] == 1 || !interleaved);
        }
        if (unitsInMcu > FrameHeader.MAX_UNITS_IN_MCU) {
            throw new DecodeException("scan has " + unitsInMcu + " samples per MCU, more than "
                    + FrameHeader.MAX_UNITS_IN_MCU);
        }
        int mcusPerRow = interleaved ? FrameHeader.ceilDiv(frame.width(), frame.maxH()) : scanPlanes[0].width;
        int restartInterval = tables.restartInterval();
        if (restartInterval % mcusPerRow != 0) {
            throw new DecodeException("restart interval " + restartInterval + " is not a multiple of the "
                    + mcusPerRow + " MCUs in a row, as lossless JPEG requires");
        }
        int restartRows = restartInterval / mcusPerRow;

        int[][][] diff = new int[n][][];
        int[][][] lines = new int[n][][];
        for (int i = 0; i < n; i++) {
            diff[i] = new int[v[i]][mcusPerRow * h[i]];
            lines[i] = new int[v[i]][scanPlanes[i].width];
        }
        boolean[] firstLine = new boolean[n];
        Arrays.fill(firstLine, true);
        int initial = 1 << (frame.precision() - pointTransform - 1);

        int imcuRows = FrameHeader.ceilDiv(frame.height(), frame.maxV());
        int restartRowsToGo = restartRows;
        int nextRestart = 0;
        boolean outOfData = false;
        int mcuRow = 0;
        for (int imcu = 0; imcu < imcuRows; imcu++) {
            int mcuRowsHere = interleaved ? 1 : linesIn(scanPlanes[0], v[0], imcu);
            for (int m = 0; m < mcuRowsHere; m++, mcuRow++) {
                if (restartInterval != 0) {
                    if (restartRowsToGo == 0) {
                        if (in.restart(nextRestart)) {
                            outOfData = false;
                        }
                        nextRestart = (nextRestart + 1) & 7;
                        Arrays.fill(firstLine, true);
                        restartRowsToGo = restartRows;
                    }
                    restartRowsToGo--;
                }
                if (outOfData) {
                    for (int i = 0; i < n; i++) {
                        for (int[] line : interleaved ? diff[i] : new int[][] {diff[i][m]}) {
                            Arrays.fill(line, 0);
                        }
                    }
                    Arrays.fill(firstLine, true);
                    continue;
                }
                if (!interleaved) {
                    decodeLine(in, huffman[0], diff[0][m], mcusPerRow);
                } else if (allFullSize) {
                    decodeInterleavedLine(in, huffman, diff, mcusPerRow);
                } else {
                    decodeMcuRow(in, huffman, diff, h, v, mcusPerRow);
                }
                if (in.overran()) {
                    if (in.hitEndOfData()) {
                        throw new DecodeException("JPEG data is truncated: the lossless scan ends in MCU row "
                                + (mcuRow + 1));
                    }
                    // a marker cut the scan short: DCMTK blanks the following rows
                    outOfData = true;
                }
            }
            for (int i = 0; i < n; i++) {
                ComponentPlane plane = scanPlanes[i];
                int count = interleaved ? linesIn(plane, v[i], imcu) : mcuRowsHere;
                for (int r = 0; r < count; r++) {
                    int[] out = lines[i][r];
                    if (firstLine[i]) {
                        LosslessPredictor.firstLine(diff[i][r], out, plane.width, initial);
                        firstLine[i] = false;
                    } else {
                        int[] above = lines[i][r == 0 ? v[i] - 1 : r - 1];
                        LosslessPredictor.line(predictor, diff[i][r], above, out, plane.width);
                    }
                    store(out, plane, imcu * v[i] + r, pointTransform);
                }
            }
        }
    }

    /** Component lines that fall in the given row of iMCUs (fewer in the last one). */
    private static int linesIn(ComponentPlane plane, int v, int imcu) {
        return Math.min(v, plane.height - imcu * v);
    }

    private static void decodeLine(BitReader in, HuffmanTable table, int[] diff, int count)
            throws DecodeException {
        for (int x = 0; x < count; x++) {
            diff[x] = difference(in, table);
        }
    }

    private static void decodeInterleavedLine(BitReader in, HuffmanTable[] tables, int[][][] diff, int count)
            throws DecodeException {
        int n = tables.length;
        for (int x = 0; x < count; x++) {
            for (int i = 0; i < n; i++) {
                diff[i][0][x] = difference(in, tables[i]);
            }
        }
    }

    private static void decodeMcuRow(BitReader in, HuffmanTable[] tables, int[][][] diff, int[] h, int[] v,
            int mcusPerRow) throws DecodeException {
        for (int mx = 0; mx < mcusPerRow; mx++) {
            for (int i = 0; i < tables.length; i++) {
                for (int y = 0; y < v[i]; y++) {
                    for (int x = 0; x < h[i]; x++) {
                        diff[i][y][mx * h[i] + x] = difference(in, tables[i]);
                    }
                }
            }
        }
    }

    /** T.81 H.2.2: a difference magnitude category, then that many bits; category 16 means 32768, no bits. */
    private static int difference(BitReader in, HuffmanTable table) throws DecodeException {
        int s = in.decode(table);
        if (s == 0) {
            return 0;
        }
        if (s < 16) {
            return in.signed(s);
        }
        if (s == 16) {
            return 32768;
        }
        throw new DecodeException("invalid lossless difference category " + s + " in the scan data");
    }

    private static void store(int[] line, ComponentPlane plane, int row, int pointTransform) {
        short[] samples = plane.samples;
        int base = row * plane.stride;
        for (int x = 0; x < plane.width; x++) {
            samples[base + x] = (short) (line[x] << pointTransform);
        }
    }
}
