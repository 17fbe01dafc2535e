package org.sonocine.imaging.jpegls;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.sonocine.dicom.DicomFile;
import org.sonocine.dicom.FrameLocation;
import org.sonocine.imaging.codec.RawImage;

/**
 * Decode throughput of {@link JpegLsDecoder} on a JPEG-LS DICOM file (not a unit test): all frames are read into
 * memory first, then decoded in passes on 1 and 2 threads. Reports wall-clock frames/s and, less disturbed by
 * other load on the machine, frames per CPU-second of the decoding threads. If a raw twin of the file (same name
 * with "jpegls" replaced by "rgb-raw") lies beside it, frame 1 is first checked against it.
 *
 * <p>Run: {@code java -cp target/classes:target/test-classes:$(deps) org.sonocine.imaging.jpegls.JpegLsBenchmark
 * BENCH_DIR/us-jpegls.dcm [passes]}, with the benchmark data made by make-bench-data.sh.
 */
public final class JpegLsBenchmark {
    private JpegLsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: JpegLsBenchmark FILE.dcm [passes]");
            return;
        }
        Path path = Path.of(args[0]);
        int passes = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        byte[][] frames = readFrames(path);
        long compressed = Arrays.stream(frames).mapToLong(f -> f.length).sum();
        System.out.printf("%s: %d frames, %.1f MB of codestreams%n", path.getFileName(), frames.length,
                compressed / 1e6);
        checkAgainstRaw(path, frames[0]);
        for (int threads : new int[] {1, 2}) {
            run(frames, threads); // warm-up
            double[] best = {0, 0};
            for (int p = 0; p < passes; p++) {
                double[] result = run(frames, threads);
                best[0] = Math.max(best[0], result[0]);
                best[1] = Math.max(best[1], result[1]);
            }
            System.out.printf("threads=%d: %.1f frames/s wall, %.1f frames per CPU-second (best of %d passes over"
                    + " %d frames)%n", threads, best[0], best[1], passes, frames.length);
        }
    }

    /** Decodes every frame once on {@code threads} threads: {frames per second, frames per CPU-second}. */
    private static double[] run(byte[][] frames, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            AtomicInteger next = new AtomicInteger();
            ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
            long start = System.nanoTime();
            List<Future<Long>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                results.add(pool.submit(() -> {
                    long cpuStart = cpu.getCurrentThreadCpuTime();
                    for (int i; (i = next.getAndIncrement()) < frames.length; ) {
                        JpegLsDecoder.decode(frames[i], 0, frames[i].length);
                    }
                    return cpu.getCurrentThreadCpuTime() - cpuStart;
                }));
            }
            long cpuNanos = 0;
            for (Future<Long> result : results) {
                cpuNanos += result.get();
            }
            return new double[] {frames.length / ((System.nanoTime() - start) / 1e9), frames.length / (cpuNanos / 1e9)};
        } finally {
            pool.shutdown();
        }
    }

    private static byte[][] readFrames(Path path) throws IOException {
        try (DicomFile file = DicomFile.open(path)) {
            int count = file.frames().size();
            byte[][] frames = new byte[count][];
            for (int i = 0; i < count; i++) {
                FrameLocation location = file.frames().get(i);
                long length = location.totalLength();
                byte[] frame = new byte[Math.toIntExact(length)];
                int at = 0;
                for (FrameLocation.Segment s : location.segments()) {
                    file.readBytes(s.offset(), frame, at, Math.toIntExact(s.length()));
                    at += (int) s.length();
                }
                frames[i] = frame;
            }
            return frames;
        }
    }

    private static void checkAgainstRaw(Path path, byte[] firstFrame) throws IOException {
        Path raw = path.resolveSibling(path.getFileName().toString().replace("jpegls", "rgb-raw"));
        if (raw.equals(path) || !Files.exists(raw)) {
            return;
        }
        RawImage image = JpegLsDecoder.decode(firstFrame, 0, firstFrame.length);
        try (DicomFile file = DicomFile.open(raw)) {
            FrameLocation.Segment s = file.frames().get(0).segments().get(0);
            byte[] expected = file.readBytes(s.offset(), Math.toIntExact(s.length()));
            boolean same = Arrays.equals(expected, image.bytes());
            System.out.println("frame 1 " + (same ? "equals" : "DIFFERS FROM") + " " + raw.getFileName());
            if (!same) {
                throw new AssertionError("decoded frame 1 differs from " + raw);
            }
        }
    }
}
