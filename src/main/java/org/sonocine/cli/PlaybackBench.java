package org.sonocine.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import org.sonocine.cine.FrameBudget;
import org.sonocine.cine.Playback;
import org.sonocine.dicom.DicomFile;
import org.sonocine.imaging.DisplayFrame;
import org.sonocine.imaging.FrameRenderer;
import org.sonocine.imaging.FrameRenderers;
import org.sonocine.imaging.FrameSource;
import org.sonocine.study.CineTiming;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.IntBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Plays a cine for a while without a window, through the viewer's own pipeline ({@link Playback}: its clock,
 * frame cache, scheduling and renderer at a display size, on as many decoding threads as the viewer uses),
 * ticking it at the 60 Hz of JavaFX's display pulse and copying each new frame as the window does into its
 * pixel buffer. Reports what a viewer of it would have seen.
 */
final class PlaybackBench {
    private static final long PULSE_NANOS = 1_000_000_000L / 60;

    record Settings(double seconds, double warmupSeconds, int width, int height, double speed, int threads) {
    }

    private final Path file;
    private final Settings settings;

    PlaybackBench(Path file, Settings settings) {
        this.file = file;
        this.settings = settings;
    }

    int run(PrintWriter out) throws IOException, InterruptedException {
        List<Thread> decoderThreads = new CopyOnWriteArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(settings.threads(), r -> {
            Thread t = new Thread(r, "sonocine-decoder-" + (decoderThreads.size() + 1));
            t.setDaemon(true);
            decoderThreads.add(t);
            return t;
        });
        try (DicomFile dicom = DicomFile.openLenient(file)) {
            FrameSource source = FrameSource.of(dicom);
            if (source.unsupportedReason() != null) {
                throw new IOException(source.unsupportedReason());
            }
            CineTiming timing = CineTiming.of(dicom.dataset(), dicom.numberOfFrames());
            FrameRenderer renderer = FrameRenderers.forSource(source);
            Screen screen = new Screen(settings.width() * settings.height());
            try (Playback playback = new Playback(source, timing, renderer, pool, settings.threads(),
                    System::nanoTime, FrameBudget.forThisJvm())) {
                playback.setDisplaySize(settings.width(), settings.height());
                playback.setSpeed(settings.speed());
                playback.showPrepared(renderer.render(source.decode(timing.startFrame() - 1)), screen);
                playback.play();
                long start = System.nanoTime();
                pulse(playback, screen, start + (long) (settings.warmupSeconds() * 1e9));
                playback.resetCounters();
                BenchProbes.resetPeakHeap();
                BenchProbes.resetPeakRss();
                ThreadCpu.Reading gcBefore = ThreadCpu.garbageCollector();
                long decodeBefore = cpu(decoderThreads);
                long measuredFrom = System.nanoTime();
                pulse(playback, screen, measuredFrom + (long) (settings.seconds() * 1e9));
                double seconds = (System.nanoTime() - measuredFrom) / 1e9;
                long gcNanos = ThreadCpu.garbageCollector().nanos() - gcBefore.nanos();
                long decodeNanos = cpu(decoderThreads) - decodeBefore;
                long framesShown = playback.framesShown();
                long framesDropped = playback.framesDropped();
                double longestGapMs = playback.longestGapMs();
                long peakHeap = BenchProbes.peakHeapBytes();
                double share = playback.decodedShare();
                long decoded = playback.cache().decodedCount();
                long late = playback.cache().droppedLateCount();
                double capacity = playback.decodeRate().framesPerSecond();
                double[] release = scrub(playback, screen, source.frameCount());
                Result result = new Result(playback.player().targetFramesPerSecond(),
                        framesShown / seconds, framesShown, framesDropped, longestGapMs, peakHeap >> 20, peakRssMiB(),
                        decodeNanos > 0 ? (double) gcNanos / decodeNanos : 0, gcNanos / 1e6, decodeNanos / 1e6,
                        gcBefore.perThread(), seconds,
                        share, decoded, late, capacity, release[release.length / 2],
                        release[release.length - 1]);
                out.printf(Locale.ROOT, "%s: %d frames at %dx%d, ×%s on %d decoding threads%n", file.getFileName(),
                        source.frameCount(), settings.width(), settings.height(), settings.speed(),
                        settings.threads());
                out.printf(Locale.ROOT, "target %.1f fps, shown %.1f fps (%d frames, %d dropped) over %.1f s;"
                                + " longest gap %.0f ms; decoding %s%n", result.targetFps,
                        result.shownFps, result.framesShown, result.framesDropped, seconds, result.longestGapMs,
                        result.decodedShare >= 1 ? "every frame"
                                : String.format(Locale.ROOT, "%.0f %% of the frames", 100 * result.decodedShare));
                out.printf(Locale.ROOT, "peak heap %d MiB, peak RSS %s; garbage collection %.1f %% of decoding CPU%n",
                        result.peakHeapMiB, result.peakRssMiB < 0 ? "unknown" : result.peakRssMiB + " MiB",
                        100 * result.gcCpuShare);
                out.printf(Locale.ROOT, "scrubbing: after the thumb is let go, its frame is on screen in %.0f ms"
                        + " (median of %d drags; at most %.0f ms)%n", result.scrubReleaseMedianMs, release.length,
                        result.scrubReleaseMaxMs);
                out.println(json(result));
            }
            return 0;
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    /**
     * Drags the scrub bar as a user does: half a second across a stretch of the cine, one position per display
     * pulse, then lets go. Returns, sorted, how long each let-go frame took to be on screen (ms).
     */
    private static double[] scrub(Playback playback, Screen screen, int frames) {
        int drags = 10;
        double[] latencies = new double[drags];
        int step = Math.max(1, frames / 97);
        for (int d = 0; d < drags; d++) {
            int from = (int) ((long) frames * (2 * d + 1) / (2 * drags + 1));
            int at = from;
            for (int p = 0; p < 30; p++, at = Math.min(frames - 1, at + step)) {
                playback.seek(at);
                playback.tick(screen);
                LockSupport.parkNanos(PULSE_NANOS);
            }
            int released = Math.min(frames - 1, at + step);
            long letGo = System.nanoTime();
            playback.seek(released);
            long deadline = letGo + 10_000_000_000L;
            do {
                playback.tick(screen);
                if (playback.shownFrame() == released && !playback.needsTicks()) {
                    break;
                }
                LockSupport.parkNanos(1_000_000L);
            } while (System.nanoTime() < deadline);
            latencies[d] = (System.nanoTime() - letGo) / 1e6;
        }
        java.util.Arrays.sort(latencies);
        return latencies;
    }

    /** Ticks at the display pulse until {@code until}. */
    private static void pulse(Playback playback, Screen screen, long until) {
        long next = System.nanoTime();
        while (next < until) {
            playback.tick(screen);
            next += PULSE_NANOS;
            long wait = next - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            } else {
                next = System.nanoTime();
            }
        }
    }

    private static long cpu(List<Thread> threads) {
        ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        long sum = 0;
        for (Thread t : threads) {
            long n = bean.getThreadCpuTime(t.getId());
            sum += Math.max(0, n);
        }
        return sum;
    }

    /** Peak resident set size of the process (Linux), or -1. */
    private static long peakRssMiB() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) >> 10;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return -1;
    }

    /** The window's share of the work: each new frame is copied into a pixel buffer, as ImageViewport does. */
    private static final class Screen implements Playback.Screen {
        private final IntBuffer pixels;

        Screen(int size) {
            pixels = IntBuffer.allocate(Math.max(1, size));
        }

        @Override
        public void show(int frame, DisplayFrame image) {
            pixels.clear();
            pixels.put(image.argb(), 0, Math.min(image.argb().length, pixels.capacity()));
        }

        @Override
        public void showError(int frame, String reason) {
            // counted by the playback like a shown frame
        }
    }

    private record Result(double targetFps, double shownFps, long framesShown, long framesDropped,
                          double longestGapMs, long peakHeapMiB, long peakRssMiB, double gcCpuShare,
                          double gcCpuMs, double decodeCpuMs,
                          boolean gcMeasuredPerThread, double seconds, double decodedShare, long decodedFrames,
                          long droppedLate, double decodeCapacityFps, double scrubReleaseMedianMs,
                          double scrubReleaseMaxMs) {
    }

    private String json(Result r) throws IOException {
        StringWriter text = new StringWriter();
        try (JsonGenerator g = JsonOutput.generator(text)) {
            g.writeStartObject();
            g.writeStringField("file", file.toString());
            g.writeStringField("mode", "playback");
            g.writeStringField("size", settings.width() + "x" + settings.height());
            g.writeNumberField("speed", settings.speed());
            g.writeNumberField("threads", settings.threads());
            g.writeNumberField("seconds", round(r.seconds, 100));
            g.writeNumberField("targetFps", round(r.targetFps, 10));
            g.writeNumberField("shownFps", round(r.shownFps, 10));
            g.writeNumberField("framesShown", r.framesShown);
            g.writeNumberField("framesDropped", r.framesDropped);
            g.writeNumberField("longestGapMs", round(r.longestGapMs, 10));
            g.writeNumberField("decodedShare", round(r.decodedShare, 1000));
            g.writeNumberField("framesDecoded", r.decodedFrames);
            g.writeNumberField("decodesSkippedLate", r.droppedLate);
            g.writeNumberField("decodeCapacityFps", round(r.decodeCapacityFps, 10));
            g.writeNumberField("peakHeapMiB", r.peakHeapMiB);
            g.writeNumberField("peakRssMiB", r.peakRssMiB);
            g.writeNumberField("gcCpuShare", round(r.gcCpuShare, 10000));
            g.writeNumberField("scrubReleaseMedianMs", round(r.scrubReleaseMedianMs, 10));
            g.writeNumberField("scrubReleaseMaxMs", round(r.scrubReleaseMaxMs, 10));
            g.writeNumberField("gcCpuMs", Math.round(r.gcCpuMs));
            g.writeNumberField("decodeCpuMs", Math.round(r.decodeCpuMs));
            g.writeBooleanField("gcCpuPerThread", r.gcMeasuredPerThread);
            g.writeEndObject();
        }
        return text.toString();
    }

    private static double round(double value, int scale) {
        return Math.round(value * scale) / (double) scale;
    }
}
