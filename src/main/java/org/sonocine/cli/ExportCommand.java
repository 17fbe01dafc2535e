package org.sonocine.cli;

import org.sonocine.dicom.DicomFile;
import org.sonocine.export.BurnIn;
import org.sonocine.export.CineExport;
import org.sonocine.export.ExportPlan;
import org.sonocine.export.ExportRenderer;
import org.sonocine.export.OutputException;
import org.sonocine.imaging.FrameSource;
import org.sonocine.imaging.ParallelDecoder;
import org.sonocine.study.CineTiming;
import org.sonocine.study.Geometry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code sonocine export}: the cine as the viewer plays it, as an MP4 video, an animated GIF or PNG frames. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Exports a cine as it is displayed (pixel aspect applied) at the file's own timing: an"
                + " MP4 video (H.264, each frame with its own time stamp), an animated GIF, or a folder of PNG frames (frame-0001.png, ... in play order). Without --frames,"
                + " the trimmed range, a sweep played forward then back. The overlay (frame number, time and"
                + " rate) is drawn in the top-left corner unless --no-overlay is given.",
                "With --format dicom --deidentify, writes de-identified copies of one or more files into the"
                        + " folder --out (Basic Application Level Confidentiality Profile, UIDs replaced"
                        + " consistently across the files), uncompressed."})
final class ExportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    /** What --format accepts: the cine formats, and DICOM for de-identified copies. */
    enum Format {
        GIF, PNG, MP4, DICOM
    }

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "a DICOM file (several with --format dicom)")
    List<Path> files;

    @Option(names = "--out", required = true, paramLabel = "PATH",
            description = "the GIF or MP4 file, or the folder for PNG frames")
    Path out;

    @Option(names = "--format", description = "gif, png, mp4 or dicom (default: from the extension of --out; a"
            + " name without one is a PNG folder)")
    Format format;

    @Option(names = "--deidentify", description = "with --format dicom: remove the patient's identity (required)")
    boolean deidentify;

    @Option(names = "--blank-outside-regions", description = "with --format dicom: black out every pixel outside"
            + " the ultrasound regions, where devices burn in names and dates")
    boolean blankOutsideRegions;

    @Option(names = "--frames", paramLabel = "LIST", description = "frames to export in this order, e.g. 1-10,"
            + " 1,5,9 (default: the played range)")
    String frames;

    @Option(names = "--scale", paramLabel = "F", defaultValue = "1",
            description = "size factor after the pixel aspect is applied (default ${DEFAULT-VALUE})")
    double scale;

    @Option(names = "--no-overlay", description = "frames exactly as rendered, without the overlay text")
    boolean noOverlay;

    @Option(names = "--threads", description = "decoding threads (default: one per processor)")
    int threads = Runtime.getRuntime().availableProcessors();

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (out.toString().isBlank()) {
            // An empty path is the current folder, where frames or copies would land unasked.
            err.println("sonocine export: --out is empty: give the file or folder to write");
            return 1;
        }
        if (format == Format.DICOM) {
            return new DeidentifiedCopies(spec, files, out, deidentify, blankOutsideRegions, frames != null
                    || noOverlay || spec.commandLine().getParseResult().hasMatchedOption("--scale")).run();
        }
        if (deidentify || blankOutsideRegions) {
            err.println("sonocine export: --deidentify and --blank-outside-regions apply to --format dicom only");
            return 1;
        }
        if (files.size() != 1) {
            err.println("sonocine export: a cine export takes one file; several only with --format dicom");
            return 1;
        }
        Path file = files.get(0);
        CineExport.Format chosen = format != null ? CineExport.Format.valueOf(format.name()) : inferred(out);
        if (chosen == null) {
            err.println("sonocine export: cannot tell the format from " + out.getFileName()
                    + ": give --format gif, png or mp4");
            return 1;
        }
        try (DicomFile dicom = DicomFile.openLenient(file); ParallelDecoder decoder = new ParallelDecoder(threads)) {
            FrameSource source = FrameSource.of(dicom);
            CineTiming timing = CineTiming.of(dicom.dataset(), source.frameCount());
            ExportPlan plan;
            ExportRenderer renderer;
            try {
                plan = frames == null ? ExportPlan.of(timing)
                        : ExportPlan.ofFrames(timing, FrameSelection.parse(frames, source.frameCount()));
                renderer = ExportRenderer.of(source, Geometry.of(dicom.dataset()), scale, chosen.needsEvenSize())
                        .withBurnIn(noOverlay ? BurnIn.NONE : BurnIn.OVERLAY_TEXT, timing);
            } catch (IllegalArgumentException e) {
                err.println("sonocine export: " + e.getMessage());
                return 1;
            }
            CineExport.Result result = new CineExport(source, renderer, decoder).write(plan, chosen, file, out,
                    CineExport.Progress.NONE);
            stdout.println(String.format(Locale.ROOT, "wrote %d frames of %d x %d, %.0f ms, to %s", result.frames(),
                    result.width(), result.height(), plan.totalMs(), out));
            return 0;
        } catch (OutputException e) {
            err.println("sonocine export: " + e.getMessage());
            return 1;
        } catch (IOException e) {
            err.println("sonocine export: " + Errors.describe(file, e));
            return 1;
        }
    }

    private static CineExport.Format inferred(Path out) {
        if (Files.isDirectory(out)) {
            return CineExport.Format.PNG;
        }
        String name = String.valueOf(out.getFileName()).toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        if (dot <= 0) {
            return CineExport.Format.PNG;
        }
        return switch (name.substring(dot + 1)) {
            case "gif" -> CineExport.Format.GIF;
            case "mp4" -> CineExport.Format.MP4;
            default -> null;
        };
    }
}
