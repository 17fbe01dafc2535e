package org.sonocine.imaging.jpeg2000;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * A plain EBCOT encoder (ISO/IEC 15444-1 Annex D) for round trips, written apart from the decoder: contexts are
 * worked out from 2-D significance arrays by counting neighbours and reading Tables D.1 to D.4 literally.
 * Segments are terminated where the code-block style says (every pass; around the raw passes of bypass; at the end).
 */
final class EbcotTestEncoder {
    /** The coded block and, per coefficient, the pass in which it turned significant (or −1). */
    record Encoded(CodeBlock block, int[] significantInPass, int topPlane) {
        /** What the decoder must give after decoding the first {@code passes} passes (BlockDecoder's rule). */
        int[] expected(int[] coefficients, int passes) {
            int[] out = new int[coefficients.length];
            for (int i = 0; i < out.length; i++) {
                int v = Math.abs(coefficients[i]);
                if (significantInPass[i] < 0 || significantInPass[i] >= passes) {
                    continue;
                }
                int sigPlane = 31 - Integer.numberOfLeadingZeros(v);
                int lowest = sigPlane;
                for (int q = sigPlane - 1; q >= 0; q--) {
                    int refinementPass = 3 * (topPlane - q) - 1;
                    if (refinementPass < passes) {
                        lowest = q;
                    }
                }
                int value = ((v >> lowest) << (lowest + 1)) | (1 << lowest);
                out[i] = coefficients[i] < 0 ? -value : value;
            }
            return out;
        }
    }

    private static final int[][] SIGN_CONTEXT = {{13, 12, 11}, {10, 9, 10}, {11, 12, 13}}; // [1 - H][1 - V]
    private static final int[][] SIGN_XOR = {{0, 0, 0}, {0, 0, 1}, {1, 1, 1}};

    private final int w;
    private final int h;
    private final int[] coefficients;
    private final CodeBlock.Band band;
    private final int style;
    private final boolean[][] sig;
    private final boolean[][] refined;
    private final boolean[][] visited;
    private final int[] significantInPass;
    private final MqEncoder mq = new MqEncoder(19);
    private RawBitWriter raw;
    private int pass;

    private EbcotTestEncoder(int[] coefficients, int w, int h, CodeBlock.Band band, int style) {
        this.w = w;
        this.h = h;
        this.coefficients = coefficients;
        this.band = band;
        this.style = style;
        sig = new boolean[h][w];
        refined = new boolean[h][w];
        visited = new boolean[h][w];
        significantInPass = new int[w * h];
        java.util.Arrays.fill(significantInPass, -1);
    }

    static Encoded encode(int[] coefficients, int w, int h, CodeBlock.Band band, int style, int magnitudeBits) {
        return new EbcotTestEncoder(coefficients, w, h, band, style).run(magnitudeBits);
    }

    private Encoded run(int magnitudeBits) {
        int max = 0;
        for (int v : coefficients) {
            max = Math.max(max, Math.abs(v));
        }
        int top = 31 - Integer.numberOfLeadingZeros(max);
        int passes = 1 + 3 * top;
        boolean bypass = (style & CodeBlock.BYPASS) != 0;
        boolean termAll = (style & CodeBlock.TERMINATE_EACH_PASS) != 0;
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        List<Integer> lengths = new ArrayList<>();
        List<Integer> segmentPasses = new ArrayList<>();
        resetContexts();
        int plane = top;
        int kind = 2;
        int segmentStart = 0;
        int passesInSegment = 0;
        for (pass = 0; pass < passes; pass++) {
            boolean rawPass = bypass && pass >= 10 && kind != 2;
            if (passesInSegment == 0) {
                if (rawPass) {
                    raw = new RawBitWriter();
                } else {
                    mq.start();
                }
            }
            passesInSegment++;
            if (kind == 0) {
                significance(plane, rawPass);
            } else if (kind == 1) {
                refinement(plane, rawPass);
            } else {
                cleanup(plane);
                if ((style & CodeBlock.SEGMENTATION_SYMBOLS) != 0) {
                    mq.encode(1, 18);
                    mq.encode(0, 18);
                    mq.encode(1, 18);
                    mq.encode(0, 18);
                }
            }
            if ((style & CodeBlock.RESET) != 0) {
                resetContexts();
            }
            boolean terminate = termAll || pass == passes - 1
                    || (bypass && pass >= 9 && (kind == 2 || kind == 1));
            if (terminate) {
                if (rawPass) {
                    raw.finish(data);
                } else {
                    mq.finish(data);
                }
                lengths.add(data.size() - segmentStart);
                segmentPasses.add(passesInSegment);
                segmentStart = data.size();
                passesInSegment = 0;
            }
            if (kind == 2) {
                kind = 0;
                plane--;
            } else {
                kind++;
            }
        }
        CodeBlock block = new CodeBlock(w, h, band, magnitudeBits, magnitudeBits - 1 - top, passes, style,
                data.toByteArray(), lengths.stream().mapToInt(Integer::intValue).toArray(),
                segmentPasses.stream().mapToInt(Integer::intValue).toArray());
        return new Encoded(block, significantInPass, top);
    }

    private void resetContexts() {
        java.util.Arrays.fill(mq.states, MqDecoder.packed(0));
        mq.states[0] = MqDecoder.packed(4);
        mq.states[17] = MqDecoder.packed(3);
        mq.states[18] = MqDecoder.packed(46);
    }

    private boolean neighbour(int y, int x, int dy, int dx) {
        int ny = y + dy;
        int nx = x + dx;
        if (ny < 0 || nx < 0 || ny >= h || nx >= w) {
            return false;
        }
        if ((style & CodeBlock.VERTICALLY_CAUSAL) != 0 && ny / 4 > y / 4) {
            return false;
        }
        return sig[ny][nx];
    }

    private int contribution(int y, int x, int dy, int dx) {
        if (!neighbour(y, x, dy, dx)) {
            return 0;
        }
        return coefficients[(y + dy) * w + x + dx] < 0 ? -1 : 1;
    }

    private int count(int y, int x, int[][] offsets) {
        int n = 0;
        for (int[] o : offsets) {
            n += neighbour(y, x, o[0], o[1]) ? 1 : 0;
        }
        return n;
    }

    private static final int[][] HORIZONTAL = {{0, -1}, {0, 1}};
    private static final int[][] VERTICAL = {{-1, 0}, {1, 0}};
    private static final int[][] DIAGONAL = {{-1, -1}, {-1, 1}, {1, -1}, {1, 1}};

    private int zeroContext(int y, int x) {
        int hs = count(y, x, HORIZONTAL);
        int vs = count(y, x, VERTICAL);
        int ds = count(y, x, DIAGONAL);
        if (band == CodeBlock.Band.HH) {
            int hv = hs + vs;
            if (ds >= 3) {
                return 8;
            }
            if (ds == 2) {
                return hv == 0 ? 6 : 7;
            }
            if (ds == 1) {
                return hv == 0 ? 3 : hv == 1 ? 4 : 5;
            }
            return hv == 0 ? 0 : hv == 1 ? 1 : 2;
        }
        if (band == CodeBlock.Band.HL) {
            int t = hs;
            hs = vs;
            vs = t;
        }
        if (hs == 2) {
            return 8;
        }
        if (hs == 1) {
            if (vs >= 1) {
                return 7;
            }
            return ds >= 1 ? 6 : 5;
        }
        if (vs == 2) {
            return 4;
        }
        if (vs == 1) {
            return 3;
        }
        return ds >= 2 ? 2 : ds;
    }

    private boolean anyNeighbour(int y, int x) {
        return count(y, x, HORIZONTAL) + count(y, x, VERTICAL) + count(y, x, DIAGONAL) > 0;
    }

    private void codeSign(int y, int x, boolean rawPass) {
        int negative = coefficients[y * w + x] < 0 ? 1 : 0;
        if (rawPass) {
            raw.write(negative);
            return;
        }
        int hc = Integer.signum(contribution(y, x, 0, -1) + contribution(y, x, 0, 1));
        int vc = Integer.signum(contribution(y, x, -1, 0) + contribution(y, x, 1, 0));
        mq.encode(negative ^ SIGN_XOR[1 - hc][1 - vc], SIGN_CONTEXT[1 - hc][1 - vc]);
    }

    private int bit(int y, int x, int plane) {
        return (Math.abs(coefficients[y * w + x]) >> plane) & 1;
    }

    private void turnSignificant(int y, int x) {
        sig[y][x] = true;
        significantInPass[y * w + x] = pass;
    }

    private void significance(int plane, boolean rawPass) {
        for (int y0 = 0; y0 < h; y0 += 4) {
            for (int x = 0; x < w; x++) {
                for (int y = y0; y < Math.min(y0 + 4, h); y++) {
                    if (sig[y][x] || !anyNeighbour(y, x)) {
                        continue;
                    }
                    int b = bit(y, x, plane);
                    if (rawPass) {
                        raw.write(b);
                    } else {
                        mq.encode(b, zeroContext(y, x));
                    }
                    if (b == 1) {
                        codeSign(y, x, rawPass);
                        turnSignificant(y, x);
                    }
                    visited[y][x] = true;
                }
            }
        }
    }

    private void refinement(int plane, boolean rawPass) {
        for (int y0 = 0; y0 < h; y0 += 4) {
            for (int x = 0; x < w; x++) {
                for (int y = y0; y < Math.min(y0 + 4, h); y++) {
                    if (!sig[y][x] || visited[y][x]) {
                        continue;
                    }
                    int b = bit(y, x, plane);
                    if (rawPass) {
                        raw.write(b);
                    } else {
                        mq.encode(b, refined[y][x] ? 16 : anyNeighbour(y, x) ? 15 : 14);
                    }
                    refined[y][x] = true;
                }
            }
        }
    }

    private void cleanup(int plane) {
        for (int y0 = 0; y0 < h; y0 += 4) {
            for (int x = 0; x < w; x++) {
                int y = y0;
                int end = Math.min(y0 + 4, h);
                boolean run = end - y0 == 4;
                for (int k = y0; k < end && run; k++) {
                    run = !sig[k][x] && !visited[k][x] && !anyNeighbour(k, x);
                }
                if (run) {
                    int first = -1;
                    for (int k = y0; k < end && first < 0; k++) {
                        if (bit(k, x, plane) == 1) {
                            first = k;
                        }
                    }
                    if (first < 0) {
                        mq.encode(0, 17);
                        continue;
                    }
                    mq.encode(1, 17);
                    mq.encode((first - y0) >> 1, 18);
                    mq.encode((first - y0) & 1, 18);
                    codeSign(first, x, false);
                    turnSignificant(first, x);
                    y = first + 1;
                }
                for (; y < end; y++) {
                    if (!sig[y][x] && !visited[y][x]) {
                        int b = bit(y, x, plane);
                        mq.encode(b, zeroContext(y, x));
                        if (b == 1) {
                            codeSign(y, x, false);
                            turnSignificant(y, x);
                        }
                    }
                }
                for (int k = y0; k < end; k++) {
                    visited[k][x] = false;
                }
            }
        }
    }
}
