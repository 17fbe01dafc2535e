package org.sonocine.ui.measure;

import java.util.List;
import java.util.Locale;

/** The measurements of an instance as text to paste (tab-separated) or to save (CSV, RFC 4180 quoting). */
public final class MeasurementText {
    private static final List<String> HEADER = List.of("Tool", "Frame", "Value", "Calibration", "Points");

    private MeasurementText() {
    }

    public static String tabSeparated(List<Measurement> measurements, MeasurementReader reader) {
        StringBuilder out = new StringBuilder(String.join("\t", HEADER)).append('\n');
        for (Measurement m : measurements) {
            out.append(String.join("\t", row(m, reader).stream().map(v -> v.replace('\t', ' ')).toList()))
                    .append('\n');
        }
        return out.toString();
    }

    public static String csv(List<Measurement> measurements, MeasurementReader reader) {
        StringBuilder out = new StringBuilder(String.join(",", HEADER)).append("\r\n");
        for (Measurement m : measurements) {
            out.append(String.join(",", row(m, reader).stream().map(MeasurementText::quoted).toList()))
                    .append("\r\n");
        }
        return out.toString();
    }

    static List<String> row(Measurement m, MeasurementReader reader) {
        MeasurementReader.Reading reading = reader.read(m);
        StringBuilder points = new StringBuilder();
        for (ImagePoint p : m.points()) {
            if (points.length() > 0) {
                points.append(' ');
            }
            points.append(String.format(Locale.ROOT, "%.1f,%.1f", p.x(), p.y()));
        }
        return List.of(m.tool().title(), m.onAllFrames() ? "all" : Integer.toString(m.frame() + 1), reading.text(),
                reading.source(), points.toString());
    }

    private static String quoted(String value) {
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return '"' + value.replace("\"", "\"\"") + '"';
        }
        return value;
    }
}
