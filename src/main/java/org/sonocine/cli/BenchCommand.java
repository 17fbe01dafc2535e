package org.sonocine.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import org.sonocine.dicom.DicomFile;
import org.sonocine.imaging.FrameRenderer;
import org.sonocine.imaging.FrameRenderers;
import org.sonocine.imaging.FrameSource;
import org.sonocine.imaging.ParallelDecoder;
import org.sonocine.imaging.StoredFrame;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code sonocine bench}: decodes every frame once and reports speed and memory. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Decodes every frame of a file once and prints the time to the first frame, frames per second"
                + " and peak heap; the last line is one JSON object.")
final class BenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "a DICOM file")
    Path file;

    @Option(names = "--threads", description = "decoding threads (default: one per processor)")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--display", description = "also render each frame for display (colour conversion, LUTs)")
    boolean display;

    private static final Pattern SIZE = Pattern.compile("(\\d{1,5})x(\\d{1,5})");

    @Option(names = "--playback", description = "play the cine through the viewer's pipeline, without a window,"
            + " and report what was shown")
    boolean playback;

    @Option(names = "--seconds", description = "with --playback: how long to measure (default: ${DEFAULT-VALUE})")
    double seconds = 20;

    @Option(names = "--warmup", description = "with --playback: seconds played before measuring"
            + " (default: ${DEFAULT-VALUE})")
    double warmup = 2;

    @Option(names = "--size", description = "with --playback: display size WxH (default: ${DEFAULT-VALUE})")
    String size = "1024x768";

    @Option(names = "--speed", description = "with --playback: speed factor, 0.25 to 4 (default: ${DEFAULT-VALUE})")
    double speed = 1;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        if (playback) {
            return playback(out);
        }
        BenchProbes.resetPeakHeap();
        long start = System.nanoTime();
        try (DicomFile dicom = DicomFile.openLenient(file); ParallelDecoder decoder = new ParallelDecoder(threads)) {
            FrameSource source = FrameSource.of(dicom);
            FrameRenderer renderer = display ? FrameRenderers.forSource(source) : null;
            StoredFrame first = source.decode(0);
            if (renderer != null) {
                renderer.render(first);
            }
            double firstFrameMs = (System.nanoTime() - start) / 1e6;
            long decodeStart = System.nanoTime();
            int failures = decoder.decodeAll(source, new ParallelDecoder.FrameSink() {
                @Override
                public void accept(int index, StoredFrame frame) throws IOException {
                    if (renderer != null) {
                        renderer.render(frame);
                    }
                }

                @Override
                public void failed(int index, IOException reason) {
                    // counted and reported below
                }
            });
            double seconds = (System.nanoTime() - decodeStart) / 1e9;
            int frames = source.frameCount();
            double fps = frames / seconds;
            long peak = BenchProbes.peakHeapBytes();
            out.printf("%s: %d frames, %s%n", file.getFileName(), frames, dicom.transferSyntax().name());
            out.printf("decoders: %s%n", String.join(", ", source.decoderNames()));
            out.printf("first frame %.1f ms; %d frames in %.2f s on %d threads = %.1f frames/s; peak heap %d MiB%s%n",
                    firstFrameMs, frames, seconds, decoder.threads(), fps, peak >> 20,
                    failures > 0 ? "; " + failures + " frames failed" : "");
            out.println(json(frames, decoder.threads(), firstFrameMs, fps, seconds, peak, failures,
                    dicom.transferSyntax().uid()));
            return failures == 0 ? 0 : 1;
        } catch (IOException e) {
            spec.commandLine().getErr().println("sonocine bench: " + Errors.describe(file, e));
            return 1;
        }
    }

    private int playback(PrintWriter out) {
        Matcher m = SIZE.matcher(size);
        if (!m.matches() || Integer.parseInt(m.group(1)) < 1 || Integer.parseInt(m.group(2)) < 1) {
            spec.commandLine().getErr().println("sonocine bench: --size must be WIDTHxHEIGHT, e.g. 1024x768");
            return 2;
        }
        if (!(seconds > 0) || !(warmup >= 0) || !(speed >= 0.25 && speed <= 4)) {
            spec.commandLine().getErr().println("sonocine bench: --seconds must be positive, --warmup not negative"
                    + " and --speed from 0.25 to 4");
            return 2;
        }
        int decoders = spec.commandLine().getParseResult().hasMatchedOption("--threads") ? threads
                : Math.max(2, Runtime.getRuntime().availableProcessors());
        try {
            return new PlaybackBench(file, new PlaybackBench.Settings(seconds, warmup, Integer.parseInt(m.group(1)),
                    Integer.parseInt(m.group(2)), speed, Math.max(1, decoders))).run(out);
        } catch (IOException e) {
            spec.commandLine().getErr().println("sonocine bench: " + Errors.describe(file, e));
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    private String json(int frames, int threadCount, double firstFrameMs, double fps, double seconds, long peak,
                        int failures, String syntax) throws IOException {
        StringWriter text = new StringWriter();
        try (JsonGenerator g = JsonOutput.generator(text)) {
            g.writeStartObject();
            g.writeStringField("file", file.toString());
            g.writeStringField("transferSyntax", syntax);
            g.writeNumberField("frames", frames);
            g.writeNumberField("threads", threadCount);
            g.writeNumberField("firstFrameMs", Math.round(firstFrameMs * 10) / 10.0);
            g.writeNumberField("framesPerSecond", Math.round(fps * 10) / 10.0);
            g.writeNumberField("seconds", Math.round(seconds * 1000) / 1000.0);
            g.writeNumberField("peakHeapMiB", peak >> 20);
            g.writeNumberField("failedFrames", failures);
            g.writeBooleanField("display", display);
            g.writeEndObject();
        }
        return text.toString();
    }
}
