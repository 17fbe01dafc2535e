package org.sonocine.cli;

import org.sonocine.export.DeidentifiedExport;
import org.sonocine.export.OutputException;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code sonocine export --format dicom --deidentify}: one de-identified copy per file, all from one
 * {@link DeidentifiedExport} so that UIDs shared by the files are replaced by the same new ones. A file that
 * cannot be copied is reported and the others are still written.
 */
final class DeidentifiedCopies {
    private final PrintWriter stdout;
    private final PrintWriter err;
    private final List<Path> files;
    private final Path out;
    private final boolean deidentify;
    private final boolean blank;
    private final boolean cineOptions;

    DeidentifiedCopies(CommandSpec spec, List<Path> files, Path out, boolean deidentify, boolean blank,
                       boolean cineOptions) {
        this.stdout = spec.commandLine().getOut();
        this.err = spec.commandLine().getErr();
        this.files = files;
        this.out = out;
        this.deidentify = deidentify;
        this.blank = blank;
        this.cineOptions = cineOptions;
    }

    int run() {
        if (!deidentify) {
            err.println("sonocine export: --format dicom writes de-identified copies only: add --deidentify");
            return 1;
        }
        if (cineOptions) {
            err.println("sonocine export: --frames, --scale and --no-overlay do not apply to --format dicom: every frame is"
                    + " copied as stored");
            return 1;
        }
        if (Files.exists(out) && !Files.isDirectory(out)) {
            err.println("sonocine export: " + out + " is a file: de-identified copies are written into a folder");
            return 1;
        }
        DeidentifiedExport export = new DeidentifiedExport(blank);
        int failures = 0;
        for (Path file : files) {
            try {
                report(export.write(file, out));
            } catch (OutputException e) {
                err.println("sonocine export: " + e.getMessage());
                return 1;
            } catch (IOException e) {
                err.println("sonocine export: " + Errors.describe(file, e));
                failures++;
            }
        }
        return failures == 0 ? 0 : 1;
    }

    private void report(DeidentifiedExport.Result result) {
        String pixels = result.decodedFrom() == null ? ""
                : ", decoded from " + result.decodedFrom() + " and written uncompressed (explicit VR little endian, "
                + result.photometric() + ")";
        stdout.println("wrote de-identified " + result.out() + " (" + result.frames()
                + (result.frames() == 1 ? " frame" : " frames") + pixels
                + (blank ? ", blanked outside the ultrasound regions" : "") + ")");
        if (result.mayHoldBurnedInText()) {
            stdout.println(blank
                    ? "  burned-in text inside the ultrasound regions cannot be removed automatically: check the"
                    + " images before sharing them"
                    : "  the pixels may hold burned-in names and dates (Burned In Annotation is YES or absent):"
                    + " consider --blank-outside-regions, and check the images before sharing them");
        }
    }
}
