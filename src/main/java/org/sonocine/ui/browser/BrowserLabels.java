package org.sonocine.ui.browser;

import org.sonocine.study.Counts;
import org.sonocine.study.ExamTree;
import org.sonocine.study.InstanceEntry;

/** The words the browser shows for patients, studies, series and instances, missing values included. */
final class BrowserLabels {
    private static final String SEPARATOR = " · ";

    private BrowserLabels() {
    }

    /** "Jane Doe · 12345", or "(no name)" when the header names nobody. */
    static String patient(ExamTree.Patient patient) {
        String name = patient.name().isBlank() ? "(no name)" : patient.name();
        return patient.id().isBlank() ? name : name + SEPARATOR + patient.id();
    }

    /** "2024-03-01 14:30 · Echo", or "Undated study" (with its description, if any). */
    static String study(ExamTree.Study study) {
        String when = study.isDated() ? date(study.date()) + time(study.time()) : "Undated study";
        return study.description().isBlank() ? when : when + SEPARATOR + study.description();
    }

    /** "Series 3 · US · Apical four chamber · 12 instances"; "Series ?" when unnumbered. */
    static String series(ExamTree.Series series) {
        StringBuilder label = new StringBuilder("Series ").append(series.isNumbered() ? series.number() : "?");
        if (!series.modality().isBlank()) {
            label.append(SEPARATOR).append(series.modality());
        }
        if (!series.description().isBlank()) {
            label.append(SEPARATOR).append(series.description());
        }
        return label.append(SEPARATOR).append(count(series.instances().size(), "instance", "instances")).toString();
    }

    /** The caption under a thumbnail, short to fit it: "#4 · 60 fr", "#?", with a warning sign when damaged. */
    static String instance(InstanceEntry e) {
        String number = e.hasInstanceNumber() ? "#" + e.instanceNumber() : "#?";
        String frames = !e.hasPixelData() ? SEPARATOR + "no image" : e.frames() > 1 ? SEPARATOR + e.frames() + " fr" : "";
        return number + frames + (e.isIntact() ? "" : "  ⚠");
    }

    /** "1 file", "2,000 files": as the status line counts. */
    static String count(int n, String one, String many) {
        return Counts.of(n, one, many);
    }

    private static String date(String da) {
        String digits = da.replaceAll("[^0-9]", "");
        return digits.substring(0, 4) + "-" + digits.substring(4, 6) + "-" + digits.substring(6, 8);
    }

    /** " 14:30", or nothing when the time is missing or unreadable. */
    private static String time(String tm) {
        String whole = (tm.contains(".") ? tm.substring(0, tm.indexOf('.')) : tm).replaceAll("[^0-9]", "");
        if (whole.length() < 2) {
            return "";
        }
        String minutes = whole.length() >= 4 ? whole.substring(2, 4) : "00";
        return " " + whole.substring(0, 2) + ":" + minutes;
    }
}
