package org.sonocine.cli;

import org.sonocine.dicom.DicomFile;
import org.sonocine.export.DisplayImages;
import org.sonocine.imaging.DisplayFrame;
import org.sonocine.imaging.FrameFailure;
import org.sonocine.imaging.FrameRenderer;
import org.sonocine.imaging.FrameRenderers;
import org.sonocine.imaging.FrameSource;
import org.sonocine.imaging.ParallelDecoder;
import org.sonocine.imaging.Photometric;
import org.sonocine.imaging.PixelDescription;
import org.sonocine.imaging.StoredFrame;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import javax.imageio.ImageIO;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code sonocine frames}: exports frames as PNG images, raw stored values, or one NumPy array. */
@Command(name = "frames", mixinStandardHelpOptions = true,
        description = "Exports frames of a DICOM file: png (as displayed), raw (stored values, one file per frame,"
                + " little endian, samples interleaved) or npy (one NumPy array shaped (frames, rows, columns"
                + "[, samples])).")
final class FramesCommand implements Callable<Integer> {
    enum Format { PNG, RAW, NPY }

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "a DICOM file")
    Path file;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "folder to write into")
    Path out;

    @Option(names = "--format", defaultValue = "png", description = "png, raw or npy (default ${DEFAULT-VALUE})")
    Format format;

    @Option(names = "--frames", paramLabel = "LIST", description = "frames to export, e.g. 1, 1-10, 1,5,9 (default:"
            + " all)")
    String frames;

    @Option(names = "--threads", description = "decoding threads (default: one per processor)")
    int threads = Runtime.getRuntime().availableProcessors();

    @Override
    public Integer call() throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (DicomFile dicom = DicomFile.openLenient(file); ParallelDecoder decoder = new ParallelDecoder(threads)) {
            FrameSource source = FrameSource.of(dicom);
            List<Integer> indices;
            try {
                indices = FrameSelection.parse(frames, source.frameCount());
            } catch (IllegalArgumentException e) {
                err.println("sonocine frames: " + e.getMessage());
                return 2;
            }
            Files.createDirectories(out);
            int failed = switch (format) {
                case RAW -> writeEach(decoder, source, indices, err, (i, f) ->
                        Files.write(out.resolve(name(i, "raw")), f.data()));
                case PNG -> {
                    FrameRenderer renderer = FrameRenderers.forSource(source);
                    yield writeEach(decoder, source, indices, err, (i, f) ->
                            writePng(renderer.render(f), source.header().photometric(), out.resolve(name(i, "png"))));
                }
                case NPY -> writeNpy(decoder, source, indices, out.resolve("frames.npy"));
            };
            stdout.println("wrote " + (indices.size() - failed) + " of " + indices.size() + " frames to " + out);
            return failed == 0 ? 0 : 1;
        } catch (IOException e) {
            err.println("sonocine frames: " + Errors.describe(file, e));
            return 1;
        }
    }

    private interface FrameWriter {
        void write(int index, StoredFrame frame) throws IOException;
    }

    private static String name(int index, String extension) {
        return String.format(Locale.ROOT, "frame-%04d.%s", index + 1, extension);
    }

    private static int writeEach(ParallelDecoder decoder, FrameSource source, List<Integer> indices, PrintWriter err,
                                 FrameWriter writer) throws IOException {
        int[] failed = {0};
        decoder.decodeInOrder(source, indices, new ParallelDecoder.FrameSink() {
            @Override
            public void accept(int index, StoredFrame frame) throws IOException {
                try {
                    writer.write(index, frame);
                } catch (RuntimeException e) {
                    failed(index, FrameFailure.of(index, e));
                }
            }

            @Override
            public void failed(int index, IOException reason) {
                failed[0]++;
                err.println("sonocine frames: " + reason.getMessage());
            }
        });
        return failed[0];
    }

    private static void writePng(DisplayFrame frame, Photometric photometric, Path path) throws IOException {
        if (!ImageIO.write(DisplayImages.of(frame, photometric.isMonochrome()), "png", path.toFile())) {
            throw new IOException("no PNG writer available");
        }
    }

    /** All selected frames into one array; a frame that fails to decode stops the export (the array would lie). */
    private static int writeNpy(ParallelDecoder decoder, FrameSource source, List<Integer> indices, Path path)
            throws IOException {
        Path partial = path.resolveSibling(path.getFileName() + ".partial");
        try (OutputStream stream = new BufferedOutputStream(Files.newOutputStream(partial), 1 << 20)) {
            boolean[] headerWritten = {false};
            decoder.decodeInOrder(source, indices, (index, frame) -> {
                StoredFrame f = NpyLayout.expandChroma(frame);
                PixelDescription d = f.layout();
                if (!headerWritten[0]) {
                    long[] shape = d.samplesPerPixel() == 1
                            ? new long[] {indices.size(), d.rows(), d.columns()}
                            : new long[] {indices.size(), d.rows(), d.columns(), d.samplesPerPixel()};
                    NpyWriter.writeHeader(stream, NpyWriter.dtype(d.bytesPerSample(), d.signed()), shape);
                    headerWritten[0] = true;
                }
                stream.write(NpyLayout.samples(f));
            });
        } catch (IOException e) {
            Files.deleteIfExists(partial);
            throw e;
        }
        Files.move(partial, path, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return 0;
    }
}
