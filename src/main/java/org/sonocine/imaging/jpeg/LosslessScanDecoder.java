package org.sonocine.imaging.jpeg;

import java.util.Arrays;
import java.util.List;

import org.sonocine.imaging.codec.DecodeException;
import org.sonocine.imaging.codec.RawImage;

/**
 * Decodes the scans of a lossless frame (T.81 annex H, process 14). Full-size components go straight into the
 * output image; subsampled ones into planes that are upsampled (by replication, as libjpeg does for lossless)
 * at the end.
 *
 * <p>Works a row of MCUs at a time as DCMTK's lossless libjpeg does, whose output is the reference: first the
 * differences of a whole row of iMCUs are decoded, then each component line is reconstructed. That order matters
 * for the predictor resets: a restart, or a row left blank because a marker cut the data short, makes the first
 * line of the <em>current</em> row of iMCUs use the first-line predictor.
 *
 * <p>Two ways: when a row of iMCUs is a single line of each scan component (no subsampling among them), that line
 * is decoded and reconstructed in one pass by {@link LosslessLineDecoder}; otherwise the differences of the row
 * are decoded first and each component's lines reconstructed after.
 */
final class LosslessScanDecoder implements ScanDecoder {
    private final FrameHeader frame;
    private final OutputImage output;
    /** Planes of the subsampled components; null for full-size ones. */
    private final ComponentPlane[] planes;
    private final boolean[] coded;

    LosslessScanDecoder(FrameHeader frame) {
        this.frame = frame;
        this.output = new OutputImage(frame);
        this.planes = new ComponentPlane[frame.componentCount()];
        this.coded = new boolean[planes.length];
        for (int c = 0; c < planes.length; c++) {
            FrameHeader.Component fc = frame.component(c);
            if (fc.h() != frame.maxH() || fc.v() != frame.maxV()) {
                int width = frame.componentWidth(c);
                int height = frame.componentHeight(c);
                planes[c] = new ComponentPlane(width, height, width, height);
            }
        }
    }

    @Override
    public boolean isComplete() {
        return ScanDecoder.allCoded(coded);
    }

    @Override
    public RawImage finish() throws DecodeException {
        for (int c = 0; c < coded.length; c++) {
            if (!coded[c]) {
                // DCMTK's lossless buffers are not cleared, so there is no defined image to match
                throw new DecodeException("lossless JPEG data ends before component " + frame.component(c).id()
                        + " was coded");
            }
        }
        output.putPlanes(planes, false);
        return output.toRawImage();
    }

    @Override
    public void decodeScan(ScanHeader scan, DecoderTables tables, BitReader in) throws DecodeException {
        new ScanState(scan, tables, in).decode();
    }

    /** What one scan needs while it is decoded. */
    private final class ScanState {
        private final BitReader in;
        private final int predictor;
        private final int pointTransform;
        private final int n;
        private final boolean interleaved;
        private final HuffmanTable[] huffman;
        private final int[] frameIndex;
        private final int[] h;
        private final int[] v;
        /** Each row of iMCUs holds one line of every scan component (no subsampling within the scan). */
        private final boolean oneLinePerRow;
        private final int mcusPerRow;
        private final int restartInterval;
        private final int restartRows;
        private final boolean[] firstLine;
        private final int initial;
        private int nextRestart;
        private boolean outOfData;

        ScanState(ScanHeader scan, DecoderTables tables, BitReader in) throws DecodeException {
            this.in = in;
            predictor = scan.ss();
            pointTransform = scan.al();
            if (predictor < 1 || predictor > 7 || scan.se() != 0 || scan.ah() != 0) {
                throw new DecodeException("invalid lossless scan parameters: Ss (predictor) " + predictor + ", Se "
                        + scan.se() + ", Ah " + scan.ah());
            }
            if (pointTransform >= frame.precision()) {
                throw new DecodeException("lossless point transform " + pointTransform
                        + " is not below the precision " + frame.precision());
            }
            List<ScanHeader.Component> components = scan.components();
            n = components.size();
            interleaved = scan.isInterleaved();
            huffman = new HuffmanTable[n];
            frameIndex = new int[n];
            h = new int[n];
            v = new int[n];
            int unitsInMcu = 0;
            boolean oneByOne = true;
            for (int i = 0; i < n; i++) {
                ScanHeader.Component sc = components.get(i);
                FrameHeader.Component fc = frame.component(sc.frameIndex());
                huffman[i] = tables.dcTable(sc.dcTable());
                frameIndex[i] = sc.frameIndex();
                if (coded[frameIndex[i]]) {
                    throw new DecodeException("component " + fc.id() + " is coded in more than one scan");
                }
                coded[frameIndex[i]] = true;
                h[i] = interleaved ? fc.h() : 1;
                v[i] = fc.v();
                unitsInMcu += interleaved ? fc.h() * fc.v() : 1;
                oneByOne &= fc.h() * fc.v() == 1;
            }
            if (unitsInMcu > FrameHeader.MAX_UNITS_IN_MCU) {
                throw new DecodeException("scan has " + unitsInMcu + " samples per MCU, more than "
                        + FrameHeader.MAX_UNITS_IN_MCU);
            }
            oneLinePerRow = interleaved ? oneByOne : v[0] == 1;
            mcusPerRow = interleaved ? FrameHeader.ceilDiv(frame.width(), frame.maxH())
                    : frame.componentWidth(frameIndex[0]);
            restartInterval = tables.restartInterval();
            if (restartInterval % mcusPerRow != 0) {
                throw new DecodeException("restart interval " + restartInterval + " is not a multiple of the "
                        + mcusPerRow + " MCUs in a row, as lossless JPEG requires");
            }
            restartRows = restartInterval / mcusPerRow;
            firstLine = new boolean[n];
            initial = 1 << (frame.precision() - pointTransform - 1);
        }

        void decode() throws DecodeException {
            Arrays.fill(firstLine, true);
            if (oneLinePerRow) {
                decodeLines();
            } else {
                decodeComponentLines();
            }
        }

        /**
         * The common case, one line per row of iMCUs: each line is decoded and reconstructed in one pass, the
         * pixel-interleaved samples of all the scan's components together (so their first-line states, kept in
         * {@code firstLine[0]}, always agree).
         */
        private void decodeLines() throws DecodeException {
            LosslessLineDecoder lineDecoder = new LosslessLineDecoder(huffman);
            int count = mcusPerRow * n;
            int[] above = new int[count];
            int[] line = new int[count];
            int height = frame.componentHeight(frameIndex[0]);
            boolean wholePixels = storesWholePixels();
            for (int y = 0; y < height; y++) {
                if (startRow(y)) {
                    // zero differences on the first-line predictor: every sample is the initial prediction
                    Arrays.fill(line, initial);
                    firstLine[0] = false;
                } else {
                    lineDecoder.decode(in, above, line, count, firstLine[0] ? 0 : predictor, initial);
                    firstLine[0] = false;
                    checkOverrun(y);
                }
                if (wholePixels) {
                    output.putPixels(y, line, pointTransform);
                } else {
                    for (int i = 0; i < n; i++) {
                        store(i, y, line, i, n);
                    }
                }
                int[] swap = above;
                above = line;
                line = swap;
            }
        }

        /**
         * The general case (subsampled components interleaved, or a single component with several lines per row
         * of iMCUs): the differences of a whole row of iMCUs first, then each component's lines.
         */
        private void decodeComponentLines() throws DecodeException {
            int[][][] diff = new int[n][][];
            int[][][] lines = new int[n][][];
            for (int i = 0; i < n; i++) {
                diff[i] = new int[v[i]][mcusPerRow * h[i]];
                lines[i] = new int[v[i]][frame.componentWidth(frameIndex[i])];
            }
            int imcuRows = FrameHeader.ceilDiv(frame.height(), frame.maxV());
            int mcuRow = 0;
            for (int imcu = 0; imcu < imcuRows; imcu++) {
                int mcuRowsHere = interleaved ? 1 : linesIn(0, imcu);
                for (int m = 0; m < mcuRowsHere; m++, mcuRow++) {
                    if (startRow(mcuRow)) {
                        // a blank row of MCUs: all v lines of each component, or line m of the single one
                        for (int i = 0; i < n; i++) {
                            int last = interleaved ? v[i] - 1 : m;
                            for (int y = interleaved ? 0 : m; y <= last; y++) {
                                Arrays.fill(diff[i][y], 0);
                            }
                        }
                        continue;
                    }
                    if (interleaved) {
                        decodeMcuRow(diff);
                    } else {
                        int[] line = diff[0][m];
                        for (int x = 0; x < line.length; x++) {
                            line[x] = in.difference(huffman[0]);
                        }
                    }
                    checkOverrun(mcuRow);
                }
                reconstructComponentLines(diff, lines, imcu);
            }
        }

        /**
         * Starts a row of MCUs: processes a due restart marker (which resets the predictors) and tells whether the
         * row is blank because a marker cut the data short earlier, which DCMTK treats as a reset too.
         */
        private boolean startRow(int mcuRow) throws DecodeException {
            if (restartInterval != 0 && mcuRow > 0 && mcuRow % restartRows == 0) {
                if (in.restart(nextRestart)) {
                    outOfData = false;
                }
                nextRestart = (nextRestart + 1) & 7;
                Arrays.fill(firstLine, true);
            }
            if (outOfData) {
                Arrays.fill(firstLine, true);
            }
            return outOfData;
        }

        private void checkOverrun(int mcuRow) throws DecodeException {
            if (in.overran()) {
                if (in.hitEndOfData()) {
                    throw new DecodeException("JPEG data is truncated: the lossless scan ends in MCU row "
                            + (mcuRow + 1));
                }
                // a marker cut the scan short: DCMTK blanks the following rows
                outOfData = true;
            }
        }

        /** Component lines of scan component {@code i} that fall in the given row of iMCUs (fewer in the last). */
        private int linesIn(int i, int imcu) {
            return Math.min(v[i], frame.componentHeight(frameIndex[i]) - imcu * v[i]);
        }

        /** Whether the scan's lines are whole output pixels: all components, in frame order, none subsampled. */
        private boolean storesWholePixels() {
            if (n != frame.componentCount()) {
                return false;
            }
            for (int i = 0; i < n; i++) {
                if (frameIndex[i] != i || planes[i] != null) {
                    return false;
                }
            }
            return true;
        }

        private void decodeMcuRow(int[][][] diff) throws DecodeException {
            for (int mx = 0; mx < mcusPerRow; mx++) {
                for (int i = 0; i < n; i++) {
                    for (int y = 0; y < v[i]; y++) {
                        for (int x = 0; x < h[i]; x++) {
                            diff[i][y][mx * h[i] + x] = in.difference(huffman[i]);
                        }
                    }
                }
            }
        }

        private void reconstructComponentLines(int[][][] diff, int[][][] lines, int imcu) {
            for (int i = 0; i < n; i++) {
                int end = frame.componentWidth(frameIndex[i]);
                for (int r = 0; r < linesIn(i, imcu); r++) {
                    int[] line = lines[i][r];
                    if (firstLine[i]) {
                        LosslessPredictor.firstLine(diff[i][r], line, end, initial);
                        firstLine[i] = false;
                    } else {
                        int[] above = lines[i][r == 0 ? v[i] - 1 : r - 1];
                        LosslessPredictor.line(predictor, diff[i][r], above, line, end);
                    }
                    store(i, imcu * v[i] + r, line, 0, 1);
                }
            }
        }

        /** Line {@code y} of scan component {@code i}, scaled back by the point transform. */
        private void store(int i, int y, int[] values, int start, int step) {
            ComponentPlane plane = planes[frameIndex[i]];
            if (plane == null) {
                output.putLine(frameIndex[i], y, values, start, step, pointTransform);
                return;
            }
            short[] samples = plane.samples;
            int o = y * plane.stride;
            for (int k = 0; k < plane.width; k++) {
                samples[o + k] = (short) (values[start + k * step] << pointTransform);
            }
        }
    }
}
