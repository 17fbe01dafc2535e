package org.sonocine.ui;

import org.junit.jupiter.api.Test;
import org.sonocine.study.ExamTree;
import org.sonocine.study.ScanSummary;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ScanStatusTest {

    @Test
    void aCancelledScanSaysHowManyOfTheFilesKnownWereExamined() {
        ScanSummary cancelled = new ScanSummary(new ExamTree(), 5925, 20000, 12, List.of(), List.of(), 3.5, true);
        assertEquals("Cancelled: 5,925 of 20,000 files examined", ScanStatus.finished(cancelled));
    }

    @Test
    void aFinishedScanCountsWhatItFound() {
        ScanSummary done = new ScanSummary(new ExamTree(), 1200, 1200, 1200, List.of(), List.of(), 1, false);
        assertEquals("0 instances in 0 studies; 1,200 files skipped (not DICOM), 0 failed", ScanStatus.finished(done));
    }

    @Test
    void aFinishedScanCountsTheProblemsOfItsDicomdirs() {
        ScanSummary done = new ScanSummary(new ExamTree(), 0, 0, 0, List.of(),
                List.of(new ScanSummary.Warning(Path.of("DICOMDIR"), "Referenced File ID 'A' names a missing file")),
                1, false);
        assertEquals("0 instances in 0 studies; 0 files skipped (not DICOM), 0 failed, 1 DICOMDIR problem",
                ScanStatus.finished(done));
    }

    @Test
    void progressCountsHaveThousandsSeparators() {
        assertEquals("Scanning… 5,925 of 20,000 files", ScanStatus.scanning(5925, 20000));
    }
}
