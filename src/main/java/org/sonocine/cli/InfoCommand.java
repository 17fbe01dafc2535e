package org.sonocine.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import org.sonocine.dicom.Attributes;
import org.sonocine.dicom.DicomFile;
import org.sonocine.dicom.DictionaryEntry;
import org.sonocine.dicom.ElementDictionary;
import org.sonocine.dicom.OneLine;
import org.sonocine.dicom.Tag;
import org.sonocine.dicom.UidDictionary;
import org.sonocine.study.CineTiming;
import org.sonocine.study.Geometry;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code sonocine info}: the facts a reader of an ultrasound exam wants, per file. Its model is built in code, as
 * {@link ScanCommand}'s is: a short command, timed as such, that should not pay for picocli reading annotations.
 */
final class InfoCommand implements Callable<Integer> {
    /** The attributes reported, in order; File Meta's Transfer Syntax UID comes from group 0002. */
    static final List<Integer> FACTS = List.of(
            Tag.SOPClassUID, Tag.SOPInstanceUID, Tag.TransferSyntaxUID, Tag.Modality, Tag.Manufacturer,
            Tag.ManufacturerModelName, Tag.DeviceSerialNumber, Tag.SoftwareVersions, Tag.PatientName, Tag.PatientID,
            Tag.StudyDate, Tag.StudyDescription, Tag.SeriesDescription, Tag.InstanceNumber, Tag.ImageType,
            Tag.AcquisitionDateTime, Tag.AcquisitionDate, Tag.AcquisitionTime, Tag.OperatorsName, Tag.Rows,
            Tag.Columns, Tag.NumberOfFrames, Tag.SamplesPerPixel, Tag.PhotometricInterpretation,
            Tag.PlanarConfiguration, Tag.BitsAllocated, Tag.BitsStored, Tag.HighBit, Tag.PixelRepresentation,
            Tag.PixelAspectRatio, Tag.PixelSpacing, Tag.FrameIncrementPointer, Tag.FrameTime, Tag.FrameTimeVector,
            Tag.CineRate, Tag.RecommendedDisplayFrameRate, Tag.StartTrim, Tag.StopTrim,
            Tag.PreferredPlaybackSequencing, Tag.LossyImageCompression);

    private final CommandSpec spec;
    private final OptionSpec json = OptionSpec.builder("--json").type(boolean.class).initialValue(false)
            .description("One JSON object per line and file (JSON Lines), keyed by DICOM keyword.").build();
    private final PositionalParamSpec files = PositionalParamSpec.builder().arity("1..*").required(true)
            .paramLabel("FILE").type(List.class).auxiliaryTypes(Path.class).description("DICOM files").build();

    InfoCommand() {
        spec = HelpOptions.addTo(CommandSpec.wrapWithoutInspection(this).name("info"))
                .addOption(json)
                .addPositional(files);
        spec.usageMessage().description("Prints the key facts of each DICOM file: what it is, its image geometry,"
                + " its cine timing and who acquired it. Exit status 1 if any file could not be read.");
    }

    /** The command's model, to add to the command line. */
    CommandSpec spec() {
        return spec;
    }

    @Override
    public Integer call() throws IOException {
        return run(spec.commandLine().getOut(), files.getValue(), json.<Boolean>getValue());
    }

    /** The report a parsed command line asks for, also run without picocli by {@link DirectCommands}. */
    static int run(PrintWriter out, List<Path> files, boolean json) throws IOException {
        boolean failed = false;
        for (Path file : files) {
            FileReport report = FileReport.of(file);
            failed |= report.error() != null;
            if (json) {
                out.println(toJson(report));
            } else {
                printText(out, report);
            }
        }
        out.flush();
        return failed ? 1 : 0;
    }

    /** What is reported of one file: its facts by keyword, and why it could not be read, if so. */
    record FileReport(Path file, Map<String, String> facts, CineTiming cine, Geometry geometry,
                      List<String> warnings, String error) {
        static FileReport of(Path file) {
            try (DicomFile dicom = DicomFile.openLenient(file)) {
                boolean image = dicom.pixelData().isPresent();
                return new FileReport(file, InfoCommand.facts(dicom),
                        image ? CineTiming.of(dicom.dataset(), dicom.numberOfFrames()) : null,
                        image ? Geometry.of(dicom.dataset()) : null, dicom.warnings(),
                        dicom.problem().map(Throwable::getMessage).orElse(null));
            } catch (IOException | RuntimeException e) {
                return new FileReport(file, Map.of(), null, null, List.of(), Errors.describe(file, e));
            }
        }
    }

    static Map<String, String> facts(DicomFile dicom) {
        Map<String, String> facts = new LinkedHashMap<>();
        ElementDictionary dictionary = ElementDictionary.standard();
        Attributes ds = dicom.dataset();
        for (int tag : FACTS) {
            Attributes source = tag == Tag.TransferSyntaxUID ? dicom.fileMeta() : ds;
            String value = source.getRawString(tag);
            if (tag == Tag.NumberOfFrames && (value == null || value.isEmpty()) && dicom.pixelData().isPresent()) {
                value = "1";
            }
            if (value != null && !value.isEmpty()) {
                facts.put(dictionary.keywordOf(tag), value);
            }
        }
        return facts;
    }

    private static String toJson(FileReport report) throws IOException {
        StringWriter text = new StringWriter();
        try (JsonGenerator g = JsonOutput.generator(text)) {
            g.writeStartObject();
            g.writeStringField("file", report.file().toString());
            for (Map.Entry<String, String> e : report.facts().entrySet()) {
                g.writeStringField(e.getKey(), e.getValue());
            }
            if (report.cine() != null) {
                CineTiming cine = report.cine();
                g.writeObjectFieldStart("cine");
                g.writeStringField("source", cine.source());
                g.writeArrayFieldStart("intervalsMs");
                for (double ms : cine.intervalsMs()) {
                    g.writeNumber(ms);
                }
                g.writeEndArray();
                g.writeNumberField("startFrame", cine.startFrame());
                g.writeNumberField("stopFrame", cine.stopFrame());
                g.writeStringField("sequencing", cine.sequencing().json());
                g.writeEndObject();
                g.writeNumberField("displayAspect", report.geometry().displayAspect());
            }
            if (report.error() != null) {
                g.writeStringField("error", report.error());
            }
            g.writeEndObject();
        }
        return text.toString();
    }

    private static void printText(PrintWriter out, FileReport report) {
        out.println(OneLine.of(report.file().toString()));
        ElementDictionary dictionary = ElementDictionary.standard();
        for (int tag : FACTS) {
            // by tag, not keyword: a lookup by keyword would index the whole dictionary for a dozen names
            DictionaryEntry entry = dictionary.lookup(tag).orElseThrow();
            String value = report.facts().get(entry.keyword());
            if (value == null) {
                continue;
            }
            String name = entry.name();
            if (entry.keyword().endsWith("UID") && !entry.keyword().equals("SOPInstanceUID")) {
                String uidName = UidDictionary.nameOf(value);
                value = uidName.equals(value) ? value : uidName + " (" + value + ")";
            }
            out.printf("  %-32s %s%n", name, OneLine.of(value));
        }
        if (report.cine() != null) {
            CineTiming cine = report.cine();
            out.printf(Locale.ROOT, "  %-32s %.2f frames/s from %s, frames %d-%d, %s%n", "Cine", cine.framesPerSecond(),
                    cine.source(), cine.startFrame(), cine.stopFrame(), cine.sequencing().json());
            out.printf(Locale.ROOT, "  %-32s %.4g (from %s)%n", "Display aspect (height/width)",
                    report.geometry().displayAspect(), report.geometry().aspectSource());
        }
        for (String warning : report.warnings()) {
            out.println("  warning: " + warning);
        }
        if (report.error() != null) {
            out.println("  error: " + report.error());
        }
    }
}
