package org.sonocine.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import org.sonocine.dicom.Attributes;
import org.sonocine.dicom.DicomFile;
import org.sonocine.dicom.Tag;
import org.sonocine.study.measure.Calibration;
import org.sonocine.study.measure.Distance;
import org.sonocine.study.measure.MeasurementException;
import org.sonocine.study.measure.PixelPoint;
import org.sonocine.study.measure.PointReadout;
import org.sonocine.study.measure.PolygonArea;
import org.sonocine.study.measure.Quantity;
import org.sonocine.study.measure.Scale;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code sonocine measure}: one calibrated measurement on one frame, as one JSON object. */
@Command(name = "measure", mixinStandardHelpOptions = true,
        description = "Measures on a frame of a DICOM file with the calibration of the ultrasound region that"
                + " contains the points (else Pixel Spacing, else pixels) and prints one JSON object. Coordinates"
                + " are pixel centres, column then row, 0-based. Exit status 1, with {\"error\": ...}, when the"
                + " measurement is refused.")
final class MeasureCommand implements Callable<Integer> {
    private static final String DISTANCE_FORM = "X1,Y1,X2,Y2";
    private static final String POINT_FORM = "X,Y";
    private static final String AREA_FORM = "X1,Y1,X2,Y2,X3,Y3[,...]";

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "a DICOM file")
    Path file;

    @Option(names = "--frame", paramLabel = "N", defaultValue = "1", description = "frame to measure on, 1-based"
            + " (default ${DEFAULT-VALUE}); regions may differ per frame in enhanced images")
    int frame;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Mode mode;

    /** Exactly one measurement per run. */
    static final class Mode {
        @Option(names = "--distance", paramLabel = DISTANCE_FORM, description = "a caliper pair: signed dx and dy,"
                + " and the length where x and y are the same length unit")
        String distance;

        @Option(names = "--point", paramLabel = POINT_FORM, description = "the physical values at a point")
        String point;

        @Option(names = "--area", paramLabel = AREA_FORM, description = "the area of the closed polygon")
        String area;
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        String json;
        int status = 0;
        try {
            json = measure();
        } catch (MeasurementException | IllegalArgumentException e) {
            json = error(e.getMessage());
            status = 1;
        } catch (IOException | RuntimeException e) {
            json = error(Errors.describe(file, e));
            status = 1;
        }
        out.println(json);
        out.flush();
        return status;
    }

    private String measure() throws IOException {
        List<PixelPoint> points = points();
        try (DicomFile dicom = DicomFile.open(file)) {
            Attributes ds = dicom.dataset();
            int rows = ds.getInt(Tag.Rows, 0) & 0xFFFF;
            int columns = ds.getInt(Tag.Columns, 0) & 0xFFFF;
            if (rows == 0 || columns == 0 || dicom.pixelData().isEmpty()) {
                throw new IllegalArgumentException(file.getFileName() + " holds no image to measure on");
            }
            int frames = Math.max(1, dicom.numberOfFrames());
            if (frame < 1 || frame > frames) {
                throw new IllegalArgumentException("--frame " + frame + " is outside the frames of the file, 1-"
                        + frames);
            }
            PointList.requireInside(points, columns, rows);
            Calibration calibration = Calibration.of(ds, frame - 1);
            if (mode.distance != null) {
                return json(Distance.between(calibration, points.get(0), points.get(1)));
            }
            if (mode.point != null) {
                return json(PointReadout.at(calibration, points.get(0)));
            }
            return json(PolygonArea.of(calibration, points));
        }
    }

    /** The points of the chosen measurement, checked for count before the file is opened. */
    private List<PixelPoint> points() {
        if (mode.distance != null) {
            return exactly("--distance", DISTANCE_FORM, mode.distance, 2);
        }
        if (mode.point != null) {
            return exactly("--point", POINT_FORM, mode.point, 1);
        }
        List<PixelPoint> vertices = PointList.parse("--area", AREA_FORM, mode.area);
        if (vertices.size() < 3) {
            throw new IllegalArgumentException("--area takes " + AREA_FORM + ": at least 3 points, got "
                    + vertices.size());
        }
        return vertices;
    }

    private static List<PixelPoint> exactly(String option, String form, String text, int count) {
        List<PixelPoint> points = PointList.parse(option, form, text);
        if (points.size() != count) {
            throw new IllegalArgumentException(option + " takes " + form + ": " + count + (count == 1 ? " point" :
                    " points") + ", got " + points.size());
        }
        return points;
    }

    private static String json(Distance d) throws IOException {
        return write(g -> {
            g.writeStringField("kind", "distance");
            writeScale(g, d.scale());
            writeQuantity(g, "dx", d.dx());
            writeQuantity(g, "dy", d.dy());
            if (d.length().isPresent()) {
                g.writeNumberField("value", d.length().get().value());
                g.writeStringField("unit", d.length().get().unit());
            }
        });
    }

    private static String json(PointReadout p) throws IOException {
        return write(g -> {
            g.writeStringField("kind", "point");
            writeScale(g, p.scale());
            writeQuantity(g, "x", p.x());
            writeQuantity(g, "y", p.y());
        });
    }

    private static String json(PolygonArea a) throws IOException {
        return write(g -> {
            g.writeStringField("kind", "area");
            writeScale(g, a.scale());
            g.writeNumberField("value", a.area().value());
            g.writeStringField("unit", a.area().unit());
        });
    }

    private static void writeScale(JsonGenerator g, Scale scale) throws IOException {
        g.writeStringField("calibration", scale.source().keyword());
        if (scale.regionNumber().isPresent()) {
            g.writeNumberField("region", scale.region());
        }
        if (!scale.note().isEmpty()) {
            g.writeStringField("note", scale.note());
        }
    }

    private static void writeQuantity(JsonGenerator g, String name, Quantity q) throws IOException {
        g.writeObjectFieldStart(name);
        g.writeNumberField("value", q.value());
        g.writeStringField("unit", q.unit());
        g.writeEndObject();
    }

    private static String error(String message) throws IOException {
        return write(g -> g.writeStringField("error", message));
    }

    private interface Fields {
        void write(JsonGenerator g) throws IOException;
    }

    private static String write(Fields fields) throws IOException {
        StringWriter text = new StringWriter();
        try (JsonGenerator g = JsonOutput.generator(text)) {
            g.writeStartObject();
            fields.write(g);
            g.writeEndObject();
        }
        return text.toString();
    }
}
