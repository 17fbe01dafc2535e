package org.sonocine.imaging.jpeg2000;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Random;
import org.sonocine.imaging.codec.DecodeException;

/**
 * Throughput of the code-block decoder and the inverse wavelets on one thread (not a unit test). Code-blocks are
 * 64 × 64, coded by the test-side encoder from Laplacian magnitudes like a lossless 8-bit subband's ("dense") and
 * like a lossy one's, mostly zeros ("sparse"). Times are the best of several rounds in CPU time of this thread,
 * which other load on the machine disturbs less than the clock.
 *
 * <p>Run: {@code java -cp target/classes:target/test-classes org.sonocine.imaging.jpeg2000.Tier1Benchmark}
 */
public final class Tier1Benchmark {
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    private Tier1Benchmark() {
    }

    public static void main(String[] args) throws DecodeException {
        blocks("dense", 4.0, 1.0);
        blocks("sparse", 8.0, 0.15);
        wavelets(1024);
    }

    private static void blocks(String name, double scale, double nonZero) throws DecodeException {
        Random random = new Random(1);
        CodeBlock[] coded = new CodeBlock[96];
        long bytes = 0;
        for (int b = 0; b < coded.length; b++) {
            int bits = 3 + b % 6;
            int[] c = new int[4096];
            for (int i = 0; i < c.length; i++) {
                if (random.nextDouble() >= nonZero) {
                    continue;
                }
                int v = (int) Math.min(4095, -Math.log(1 - random.nextDouble()) * (1 << bits) / scale);
                c[i] = random.nextBoolean() ? -v : v;
            }
            c[b] = 1 << bits;
            coded[b] = EbcotTestEncoder.encode(c, 64, 64, CodeBlock.Band.values()[b & 3], 0, 14).block();
            bytes += coded[b].data().length;
        }
        EbcotBlockDecoder decoder = new EbcotBlockDecoder();
        int[] out = new int[4096];
        double best = Double.MAX_VALUE;
        for (int round = 0; round < 30; round++) {
            long start = CPU.getCurrentThreadCpuTime();
            for (CodeBlock block : coded) {
                decoder.decode(block, out, 0, 64);
            }
            best = Math.min(best, (CPU.getCurrentThreadCpuTime() - start) / 1e9);
        }
        System.out.printf("EBCOT %s: %.0f code-blocks/s, %.1f MB/s of coded data, %.1f Msamples/s%n", name,
                coded.length / best, bytes / best / 1e6, coded.length * 4096 / best / 1e6);
    }

    private static void wavelets(int size) {
        int[][] res = new int[6][];
        for (int r = 0; r <= 5; r++) {
            int s = (size + (1 << (5 - r)) - 1) >> (5 - r);
            res[r] = new int[] {0, 0, s, s};
        }
        int[] ints = new int[size * size];
        float[] floats = new float[size * size];
        double best53 = Double.MAX_VALUE;
        double best97 = Double.MAX_VALUE;
        for (int round = 0; round < 20; round++) {
            long start = CPU.getCurrentThreadCpuTime();
            InverseWavelet.reversible53(ints, 0, size, res);
            long mid = CPU.getCurrentThreadCpuTime();
            InverseWavelet.irreversible97(floats, 0, size, res);
            long end = CPU.getCurrentThreadCpuTime();
            best53 = Math.min(best53, (mid - start) / 1e9);
            best97 = Math.min(best97, (end - mid) / 1e9);
        }
        double samples = (double) size * size / 1e6;
        System.out.printf("inverse wavelet, %dx%d, 5 levels: 5/3 %.0f Msamples/s, 9/7 %.0f Msamples/s%n", size, size,
                samples / best53, samples / best97);
    }
}
