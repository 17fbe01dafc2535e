package org.sonocine.export;

import org.sonocine.imaging.DisplayFrame;
import org.sonocine.imaging.FrameSource;
import org.sonocine.imaging.ParallelDecoder;
import org.sonocine.study.Geometry;

import javax.imageio.ImageIO;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Writes a cine's frames, as the viewer shows them and in the order and timing of an {@link ExportPlan}, as an
 * animated GIF, an MP4 video (H.264, each frame with its own time stamp) or a folder of PNG images. Nothing appears at the output path until the export is complete; the
 * input file is never written over. A frame that cannot be decoded stops the export, since an animation with a
 * frame missing would misstate the timing. Interrupting the calling thread cancels it.
 */
public final class CineExport {

    /** What can be written. */
    public enum Format {
        GIF, PNG, MP4;

        /** Whether frames must have even sides (4:2:0 video). */
        public boolean needsEvenSize() {
            return this == MP4;
        }
    }

    /** Told after each frame is written. */
    public interface Progress {
        Progress NONE = (done, total) -> { };

        void framesWritten(int done, int total);
    }

    /** What was written: how many frames, at what size. */
    public record Result(Path out, int frames, int width, int height) {
    }

    private final FrameSource source;
    private final ExportRenderer renderer;
    private final ParallelDecoder decoder;

    public CineExport(FrameSource source, ExportRenderer renderer, ParallelDecoder decoder) {
        this.source = source;
        this.renderer = renderer;
        this.decoder = decoder;
    }

    /** The name of entry {@code i} (0-based, in play order) of a PNG export. */
    public static String pngName(int i) {
        return String.format(Locale.ROOT, "frame-%04d.png", i + 1);
    }

    /**
     * Writes {@code plan} to {@code out} (a file for GIF and MP4, a folder for PNG) from the file at {@code input}.
     *
     * @throws OutputException when {@code out} is not acceptable (the input, a folder for a file) or cannot be
     *                         written
     * @throws InterruptedIOException when the calling thread is interrupted
     * @throws IOException when a frame cannot be read or decoded
     */
    public Result write(ExportPlan plan, Format format, Path input, Path out, Progress progress) throws IOException {
        refuseInput(input, out, format, plan.size());
        if (format != Format.PNG && Files.isDirectory(out)) {
            throw new OutputException(out + " is a folder: give a file name ending in ."
                    + format.name().toLowerCase(Locale.ROOT));
        }
        if (format == Format.PNG && Files.exists(out) && !Files.isDirectory(out)) {
            throw new OutputException(out + " is a file: PNG frames are written into a folder");
        }
        List<Integer> frames = plan.frames();
        try (PendingOutput pending = written(out, () -> format == Format.PNG ? PendingOutput.folder(out)
                : PendingOutput.file(out))) {
            switch (format) {
                case GIF -> {
                    int[] delays = plan.gifDelaysCentiseconds();
                    try (GifWriter gif = written(out, () -> new GifWriter(pending.path()))) {
                        decodeInOrder(frames, progress, out, (i, frame) -> gif.add(image(frame), delays[i]));
                        written(out, () -> {
                            gif.finish();
                            return gif;
                        });
                    }
                }
                case PNG -> decodeInOrder(frames, progress, out,
                        (i, frame) -> writePng(image(frame), pending.path().resolve(pngName(i))));
                case MP4 -> {
                    long[] ticks = plan.ticks(Mp4Writer.TIMESCALE);
                    try (Mp4Writer mp4 = written(out, () -> new Mp4Writer(pending.path(), renderer.width(),
                            renderer.height()))) {
                        decodeInOrder(frames, progress, out,
                                (i, frame) -> mp4.add(frame, ticks[i], ticks[i + 1] - ticks[i]));
                        written(out, () -> {
                            mp4.finish();
                            return mp4;
                        });
                    }
                }
                default -> throw new IllegalStateException(format.name());
            }
            written(out, () -> {
                pending.commit();
                return pending;
            });
        }
        return new Result(out, frames.size(), renderer.width(), renderer.height());
    }

    /**
     * Through a stream of our own: given a file, ImageIO prints the stack trace of a failure to open it (as when the
     * folder is removed at Ctrl-C) before reporting it.
     */
    private static void writePng(BufferedImage image, Path file) throws IOException {
        try (OutputStream stream = Files.newOutputStream(file);
             ImageOutputStream png = new MemoryCacheImageOutputStream(stream)) {
            if (!ImageIO.write(image, "png", png)) {
                throw new IOException("no PNG writer available");
            }
        }
    }

    private interface Writing<T> {
        T run() throws IOException;
    }

    /** {@code step}'s failures as failures to write {@code out}. */
    private static <T> T written(Path out, Writing<T> step) throws OutputException {
        try {
            return step.run();
        } catch (OutputException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new OutputException(out, e);
        }
    }

    private interface DisplaySink {
        void accept(int entry, DisplayFrame frame) throws IOException;
    }

    private BufferedImage image(DisplayFrame frame) {
        return DisplayImages.of(frame, renderer.monochrome());
    }

    /** Frames decoded on the pool, rendered and handed to {@code sink} here, in play order. */
    private void decodeInOrder(List<Integer> frames, Progress progress, Path out, DisplaySink sink)
            throws IOException {
        int[] entry = {0};
        decoder.decodeInOrder(source, frames, (index, frame) -> {
            stopIfCancelled();
            DisplayFrame shown = renderer.render(frame);
            written(out, () -> {
                sink.accept(entry[0], shown);
                return shown;
            });
            entry[0]++;
            progress.framesWritten(entry[0], frames.size());
            stopIfCancelled();
        });
    }

    private static void stopIfCancelled() throws InterruptedIOException {
        if (Thread.currentThread().isInterrupted()) {
            throw new InterruptedIOException("export cancelled");
        }
    }

    /** Refuses an output that is the input file itself, or, for PNG, a frame name the input file has. */
    static void refuseInput(Path input, Path out, Format format, int entries) throws IOException {
        if (same(input, out)) {
            throw new OutputException(out + " is the file being exported: choose another output");
        }
        if (format == Format.PNG) {
            Path parent = input.toAbsolutePath().normalize().getParent();
            String name = String.valueOf(input.getFileName());
            for (int i = 0; i < entries && parent != null; i++) {
                if (name.equals(pngName(i)) && same(parent, out)) {
                    throw new OutputException(out + " holds the file being exported as " + name
                            + ": choose another folder");
                }
            }
        }
    }

    private static boolean same(Path a, Path b) throws IOException {
        if (Files.exists(a) && Files.exists(b)) {
            return Files.isSameFile(a, b);
        }
        return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
    }
}
