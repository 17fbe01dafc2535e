package org.sonocine.imaging.jpeg;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * A minimal Huffman-coded DCT JPEG encoder for tests that writes given quantized coefficients either as one
 * sequential scan (SOF1) or as progressive scans (SOF2) following any scan script: spectral selection, successive
 * approximation with end-of-band runs and correction bits, restart intervals. Written from T.81 annex G
 * independently of the decoder; since both forms carry the same coefficients, a correct decoder turns them into the
 * same image. Each scan gets Huffman tables of its own, one per component (codes of one length, enough for the
 * symbols the scan uses), so a decoder that mixes tables up fails.
 */
final class DctJpegEncoder {
    private static final int[] ZIGZAG = Arrays.copyOf(DecoderTables.NATURAL_ORDER, 64);

    /** One scan of a progressive script: frame component indices, band Ss..Se, approximation bits Ah and Al. */
    record Scan(int[] components, int ss, int se, int ah, int al) {
        static Scan of(int ss, int se, int ah, int al, int... components) {
            return new Scan(components, ss, se, ah, al);
        }
    }

    private final CoefficientImage image;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private DctJpegEncoder(CoefficientImage image) {
        this.image = image;
    }

    /** The coefficients as one interleaved sequential scan (SOF1), the reference a progressive form must match. */
    static byte[] sequential(CoefficientImage image) {
        DctJpegEncoder encoder = new DctJpegEncoder(image);
        encoder.header(0xC1);
        int[] all = new int[image.componentCount()];
        Arrays.setAll(all, c -> c);
        encoder.scan(new Scan(all, 0, 63, 0, 0), true);
        encoder.marker(0xD9);
        return encoder.out.toByteArray();
    }

    /** The coefficients as the progressive scans of {@code script} (SOF2), then EOI. */
    static byte[] progressive(CoefficientImage image, List<Scan> script) {
        DctJpegEncoder encoder = new DctJpegEncoder(image);
        encoder.header(0xC2);
        for (Scan scan : script) {
            encoder.scan(scan, false);
        }
        encoder.marker(0xD9);
        return encoder.out.toByteArray();
    }

    /**
     * A full progression in the style of libjpeg's default: DC of all components with one bit held back, the
     * first AC band and the rest with two bits held back, then the refinements down to the last bit.
     */
    static List<Scan> fullProgression(int componentCount) {
        int[] all = new int[componentCount];
        Arrays.setAll(all, c -> c);
        List<Scan> script = new ArrayList<>();
        script.add(new Scan(all, 0, 0, 0, 1));
        for (int c = 0; c < componentCount; c++) {
            script.add(Scan.of(1, 5, 0, 2, c));
            script.add(Scan.of(6, 63, 0, 2, c));
        }
        for (int c = componentCount - 1; c >= 0; c--) {
            script.add(Scan.of(1, 63, 2, 1, c));
        }
        script.add(new Scan(all, 0, 0, 1, 0));
        for (int c = 0; c < componentCount; c++) {
            script.add(Scan.of(1, 63, 1, 0, c));
        }
        return script;
    }

    /** Spectral selection only (DICOM processes 6/8): every band coded once, exactly. */
    static List<Scan> spectralSelection(int componentCount) {
        List<Scan> script = new ArrayList<>();
        for (int c = 0; c < componentCount; c++) {
            script.add(Scan.of(0, 0, 0, 0, c));
            script.add(Scan.of(1, 2, 0, 0, c));
            script.add(Scan.of(3, 20, 0, 0, c));
            script.add(Scan.of(21, 63, 0, 0, c));
        }
        return script;
    }

    /**
     * Deep successive approximation: DC from 5 bits held back, one refinement per bit, non-interleaved; AC in
     * single-coefficient and wide bands from 6 bits held back.
     */
    static List<Scan> deepApproximation(int componentCount) {
        List<Scan> script = new ArrayList<>();
        for (int c = 0; c < componentCount; c++) {
            script.add(Scan.of(0, 0, 0, 5, c));
            script.add(Scan.of(1, 1, 0, 6, c));
            script.add(Scan.of(2, 63, 0, 6, c));
        }
        for (int bit = 5; bit > 0; bit--) {
            for (int c = 0; c < componentCount; c++) {
                script.add(Scan.of(0, 0, bit, bit - 1, c));
            }
        }
        for (int bit = 6; bit > 0; bit--) {
            for (int c = 0; c < componentCount; c++) {
                script.add(Scan.of(1, 1, bit, bit - 1, c));
                script.add(Scan.of(2, 63, bit, bit - 1, c));
            }
        }
        return script;
    }

    private void header(int sof) {
        marker(0xD8);
        int n = image.componentCount();
        for (int c = 0; c < n; c++) {
            int[] quant = image.quantTable(c);
            boolean wide = Arrays.stream(quant).anyMatch(q -> q > 255);
            marker(0xDB);
            u16(2 + 1 + 64 * (wide ? 2 : 1));
            out.write((wide ? 0x10 : 0) | c);
            for (int k = 0; k < 64; k++) {
                if (wide) {
                    u16(quant[ZIGZAG[k]]);
                } else {
                    out.write(quant[ZIGZAG[k]]);
                }
            }
        }
        marker(sof);
        u16(8 + 3 * n);
        out.write(image.precision());
        u16(image.height());
        u16(image.width());
        out.write(n);
        for (int c = 0; c < n; c++) {
            out.write(componentId(c));
            out.write(image.h(c) << 4 | image.v(c));
            out.write(c);
        }
        if (image.restartInterval() > 0) {
            marker(0xDD);
            u16(4);
            u16(image.restartInterval());
        }
    }

    /** Identifiers that are not the indices, so that a decoder confusing the two fails. */
    private static int componentId(int c) {
        return 'a' + 3 * c;
    }

    private void scan(Scan scan, boolean sequential) {
        int n = scan.components().length;
        // first pass: which symbols each table needs; second: the codes
        SymbolCounter counter = new SymbolCounter();
        new ScanEncoder(scan, sequential, counter).encode();
        HuffmanCodes[] dc = new HuffmanCodes[4];
        HuffmanCodes[] ac = new HuffmanCodes[4];
        for (int i = 0; i < n; i++) {
            int c = scan.components()[i];
            if (counter.any(c)) {
                dc[c] = HuffmanCodes.forSymbols(counter.used[c]);
                writeTable(0x00 | c, dc[c]);
            }
            if (counter.any(4 + c)) {
                ac[c] = HuffmanCodes.forSymbols(counter.used[4 + c]);
                writeTable(0x10 | c, ac[c]);
            }
        }
        marker(0xDA);
        u16(6 + 2 * n);
        out.write(n);
        for (int c : scan.components()) {
            out.write(componentId(c));
            out.write(c << 4 | c);
        }
        out.write(scan.ss());
        out.write(scan.se());
        out.write(scan.ah() << 4 | scan.al());
        BitWriter writer = new BitWriter(dc, ac);
        new ScanEncoder(scan, sequential, writer).encode();
        writer.flush();
    }

    private void writeTable(int classAndIndex, HuffmanCodes codes) {
        marker(0xC4);
        u16(2 + 1 + 16 + codes.symbols.length);
        out.write(classAndIndex);
        for (int length = 1; length <= 16; length++) {
            out.write(length == codes.length ? codes.symbols.length : 0);
        }
        for (int symbol : codes.symbols) {
            out.write(symbol);
        }
    }

    private void marker(int code) {
        out.write(0xFF);
        out.write(code);
    }

    private void u16(int value) {
        out.write(value >> 8);
        out.write(value);
    }

    /** Where the entropy coder's output goes: table 0-3 is a component's DC table, 4-7 its AC table. */
    private interface Sink {
        void symbol(int table, int symbol);

        void bits(int value, int count);

        void restart(int number);
    }

    private static final class SymbolCounter implements Sink {
        final boolean[][] used = new boolean[8][256];

        @Override
        public void symbol(int table, int symbol) {
            used[table][symbol] = true;
        }

        @Override
        public void bits(int value, int count) {
        }

        @Override
        public void restart(int number) {
        }

        boolean any(int table) {
            for (boolean u : used[table]) {
                if (u) {
                    return true;
                }
            }
            return false;
        }
    }

    /** Codes of one length for the used symbols, the all-ones code left out as T.81 requires. */
    private record HuffmanCodes(int length, int[] symbols, int[] codeOf) {
        static HuffmanCodes forSymbols(boolean[] used) {
            int[] symbols = IntStream.range(0, 256).filter(s -> used[s]).toArray();
            int length = 1;
            while ((1 << length) < symbols.length + 1) {
                length++;
            }
            int[] codeOf = new int[256];
            Arrays.fill(codeOf, -1);
            for (int i = 0; i < symbols.length; i++) {
                codeOf[symbols[i]] = i;
            }
            return new HuffmanCodes(length, symbols, codeOf);
        }
    }

    private final class BitWriter implements Sink {
        private final HuffmanCodes[] dc;
        private final HuffmanCodes[] ac;
        private long buffer;
        private int count;

        BitWriter(HuffmanCodes[] dc, HuffmanCodes[] ac) {
            this.dc = dc;
            this.ac = ac;
        }

        @Override
        public void symbol(int table, int symbol) {
            HuffmanCodes codes = table < 4 ? dc[table] : ac[table - 4];
            bits(codes.codeOf()[symbol], codes.length());
        }

        @Override
        public void bits(int value, int bitCount) {
            buffer = buffer << bitCount | (value & ((1L << bitCount) - 1));
            count += bitCount;
            while (count >= 8) {
                int b = (int) (buffer >> (count - 8)) & 0xFF;
                out.write(b);
                if (b == 0xFF) {
                    out.write(0);
                }
                count -= 8;
            }
        }

        @Override
        public void restart(int number) {
            flush();
            marker(0xD0 + number);
        }

        void flush() {
            if (count > 0) {
                bits(0x7F, 8 - count);
            }
            buffer = 0;
        }
    }

    /** Walks the MCUs of one scan and codes each block by the scan's kind (T.81 G.1.2). */
    private final class ScanEncoder {
        private final Scan scan;
        private final boolean sequential;
        private final Sink sink;
        private final int[] predictors;
        private int endOfBandRun;
        /** Correction bits of the blocks in the pending end-of-band run (AC refinement). */
        private final List<Integer> runCorrections = new ArrayList<>();
        private int runTable;

        ScanEncoder(Scan scan, boolean sequential, Sink sink) {
            this.scan = scan;
            this.sequential = sequential;
            this.sink = sink;
            this.predictors = new int[scan.components().length];
        }

        void encode() {
            int[] comps = scan.components();
            boolean interleaved = comps.length > 1;
            int mcusPerLine;
            int mcuRows;
            if (interleaved) {
                mcusPerLine = FrameHeader.ceilDiv(image.width(), 8 * image.maxH());
                mcuRows = FrameHeader.ceilDiv(image.height(), 8 * image.maxV());
            } else {
                mcusPerLine = image.blocksWide(comps[0]);
                mcuRows = image.blocksHigh(comps[0]);
            }
            int restartInterval = image.restartInterval();
            int mcu = 0;
            int restartNumber = 0;
            for (int my = 0; my < mcuRows; my++) {
                for (int mx = 0; mx < mcusPerLine; mx++, mcu++) {
                    if (restartInterval > 0 && mcu > 0 && mcu % restartInterval == 0) {
                        flushEndOfBandRun();
                        sink.restart(restartNumber);
                        restartNumber = (restartNumber + 1) & 7;
                        Arrays.fill(predictors, 0);
                    }
                    for (int i = 0; i < comps.length; i++) {
                        int c = comps[i];
                        int h = interleaved ? image.h(c) : 1;
                        int v = interleaved ? image.v(c) : 1;
                        for (int by = 0; by < v; by++) {
                            for (int bx = 0; bx < h; bx++) {
                                block(i, c, image.block(c, my * v + by, mx * h + bx));
                            }
                        }
                    }
                }
            }
            flushEndOfBandRun();
        }

        private void block(int i, int c, int[] coef) {
            if (sequential) {
                dcDifference(i, c, coef[0]);
                acFirst(c, coef, 1, 63, 0, true);
            } else if (scan.ss() == 0 && scan.ah() == 0) {
                dcDifference(i, c, coef[0] >> scan.al());
            } else if (scan.ss() == 0) {
                sink.bits(coef[0] >> scan.al(), 1);
            } else if (scan.ah() == 0) {
                acFirst(c, coef, scan.ss(), scan.se(), scan.al(), false);
            } else {
                acRefine(c, coef);
            }
        }

        private void dcDifference(int i, int c, int value) {
            int diff = value - predictors[i];
            predictors[i] = value;
            int size = bitLength(Math.abs(diff));
            sink.symbol(c, size);
            if (size > 0) {
                sink.bits(diff < 0 ? diff - 1 : diff, size);
            }
        }

        /** T.81 G.1.2.2 (and F.1.2.2 with an end-of-block per block when {@code eachBlockEnds}). */
        private void acFirst(int c, int[] coef, int ss, int se, int al, boolean eachBlockEnds) {
            int run = 0;
            for (int k = ss; k <= se; k++) {
                int value = coef[ZIGZAG[k]];
                int magnitude = Math.abs(value) >> al;
                if (magnitude == 0) {
                    run++;
                    continue;
                }
                flushEndOfBandRun();
                while (run > 15) {
                    sink.symbol(4 + c, 0xF0);
                    run -= 16;
                }
                int size = bitLength(magnitude);
                sink.symbol(4 + c, run << 4 | size);
                sink.bits(value < 0 ? ~magnitude : magnitude, size);
                run = 0;
            }
            if (run > 0) {
                if (eachBlockEnds) {
                    sink.symbol(4 + c, 0x00);
                } else {
                    extendEndOfBandRun(c);
                }
            }
        }

        /** T.81 G.1.2.3: newly non-zero coefficients with their signs, correction bits for the others. */
        private void acRefine(int c, int[] coef) {
            int ss = scan.ss();
            int se = scan.se();
            int al = scan.al();
            int lastNew = 0;
            for (int k = ss; k <= se; k++) {
                if (Math.abs(coef[ZIGZAG[k]]) >> al == 1) {
                    lastNew = k;
                }
            }
            List<Integer> corrections = new ArrayList<>();
            int run = 0;
            for (int k = ss; k <= se; k++) {
                int value = coef[ZIGZAG[k]];
                int magnitude = Math.abs(value) >> al;
                if (magnitude == 0) {
                    run++;
                    continue;
                }
                while (run > 15 && k <= lastNew) {
                    flushEndOfBandRun();
                    sink.symbol(4 + c, 0xF0);
                    run -= 16;
                    corrections.forEach(bit -> sink.bits(bit, 1));
                    corrections.clear();
                }
                if (magnitude > 1) {
                    corrections.add(magnitude & 1);
                    continue;
                }
                flushEndOfBandRun();
                sink.symbol(4 + c, run << 4 | 1);
                sink.bits(value < 0 ? 0 : 1, 1);
                corrections.forEach(bit -> sink.bits(bit, 1));
                corrections.clear();
                run = 0;
            }
            if (run > 0 || !corrections.isEmpty()) {
                runCorrections.addAll(corrections);
                extendEndOfBandRun(c);
            }
        }

        private void extendEndOfBandRun(int c) {
            endOfBandRun++;
            runTable = 4 + c;
            if (endOfBandRun == 0x7FFF || runCorrections.size() > 900) {
                flushEndOfBandRun();
            }
        }

        private void flushEndOfBandRun() {
            if (endOfBandRun == 0) {
                return;
            }
            int r = bitLength(endOfBandRun) - 1;
            sink.symbol(runTable, r << 4);
            if (r > 0) {
                sink.bits(endOfBandRun, r);
            }
            runCorrections.forEach(bit -> sink.bits(bit, 1));
            runCorrections.clear();
            endOfBandRun = 0;
        }
    }

    private static int bitLength(int magnitude) {
        return 32 - Integer.numberOfLeadingZeros(magnitude);
    }
}
