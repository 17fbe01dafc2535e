package org.sonocine.study;

import java.nio.file.Path;
import java.util.List;

/**
 * What a scan found: the exam tree, files skipped as not DICOM, files that failed with their reasons, and warnings
 * about DICOMDIRs (references refused or missing, broken record links). {@code files} of {@code total} files were
 * examined: all of them, unless the scan was {@code cancelled}, in which case {@code total} is the number known
 * when it stopped.
 */
public record ScanSummary(ExamTree tree, int files, int total, int skipped, List<Failure> failures,
                          List<Warning> warnings, double seconds, boolean cancelled) {

    /** A file or folder that could not be read in full; {@code reason} does not repeat its name. */
    public record Failure(Path file, String reason) {
    }

    /** Something wrong in {@code source} (a DICOMDIR) that did not stop it being read. */
    public record Warning(Path source, String message) {
    }

    public double filesPerSecond() {
        return seconds > 0 ? files / seconds : 0;
    }
}
