package org.sonocine.study;

import java.nio.file.Path;
import java.util.List;

/** What a scan found: the exam tree, files skipped as not DICOM, and files that failed with their reasons. */
public record ScanSummary(ExamTree tree, int files, int skipped, List<Failure> failures, double seconds,
                          boolean cancelled) {

    /** A DICOM file that could not be read in full. */
    public record Failure(Path file, String reason) {
    }

    public double filesPerSecond() {
        return seconds > 0 ? files / seconds : 0;
    }
}
