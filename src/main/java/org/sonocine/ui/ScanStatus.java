package org.sonocine.ui;

import org.sonocine.study.Counts;
import org.sonocine.study.ScanSummary;

import java.util.Locale;

/** The status line of a folder scan: counts with thousands separators, the same on every system. */
final class ScanStatus {
    private ScanStatus() {
    }

    static String scanning(int done, int total) {
        return String.format(Locale.ROOT, "Scanning… %,d of %,d files", done, total);
    }

    static String finished(ScanSummary summary) {
        if (summary.cancelled()) {
            return String.format(Locale.ROOT, "Cancelled: %,d of %,d files examined", summary.files(),
                    summary.total());
        }
        String counts = String.format(Locale.ROOT, "%s in %s; %s skipped (not DICOM), %,d failed",
                Counts.of(summary.tree().instanceCount(), "instance"),
                Counts.of(summary.tree().studyCount(), "study", "studies"), Counts.of(summary.skipped(), "file"),
                summary.failures().size());
        // A DICOMDIR whose every reference was refused finds nothing: without this the status would not say why.
        return summary.warnings().isEmpty() ? counts
                : counts + ", " + Counts.of(summary.warnings().size(), "DICOMDIR problem");
    }
}
