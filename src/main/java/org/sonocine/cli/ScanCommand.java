package org.sonocine.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import org.sonocine.dicom.OneLine;
import org.sonocine.study.Awaited;
import org.sonocine.study.ExamScanner;
import org.sonocine.study.Counts;
import org.sonocine.study.ExamTree;
import org.sonocine.study.InstanceEntry;
import org.sonocine.study.ScanListener;
import org.sonocine.study.ScanSummary;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;

/**
 * {@code sonocine scan}: the patients, studies, series and instances in folders of exams. Its model is built in code
 * rather than read from annotations: scan is the short command run over and over, and picocli reading annotations
 * (a proxy class made for each annotation type) costs it more than listing the patients of a folder.
 */
final class ScanCommand implements Callable<Integer> {
    private final CommandSpec spec;
    private final OptionSpec json = OptionSpec.builder("--json").type(boolean.class)
            .initialValue(false).description("Write one JSON object.").build();
    private final OptionSpec threads = OptionSpec.builder("--threads").type(int.class).paramLabel("<threads>")
            .initialValue(defaultThreads())
            .description("scanning threads (default: one per processor)").build();
    private final PositionalParamSpec roots = PositionalParamSpec.builder().arity("1..*").required(true)
            .paramLabel("DIR").type(List.class).auxiliaryTypes(Path.class).description("folders, files or DICOMDIRs").build();

    ScanCommand() {
        spec = HelpOptions.addTo(CommandSpec.wrapWithoutInspection(this).name("scan"))
                .addOption(json)
                .addOption(threads)
                .addPositional(roots);
        spec.usageMessage().description("Scans folders (and DICOMDIRs) for DICOM files, reading headers only, and"
                + " prints the patients, studies, series and instances found, the files skipped as not DICOM, the"
                + " files that failed and what is wrong in a DICOMDIR. Exit status 1 when any file failed or a"
                + " DICOMDIR had problems.");
    }

    /** The command's model, to add to the command line. */
    CommandSpec spec() {
        return spec;
    }

    @Override
    public Integer call() throws IOException {
        return run(spec.commandLine().getOut(), spec.commandLine().getErr(), roots.getValue(),
                threads.<Integer>getValue(), json.<Boolean>getValue());
    }

    /** The scan a parsed command line asks for, also run without picocli by {@link DirectCommands}. */
    static int run(PrintWriter out, PrintWriter err, List<Path> roots, int threads, boolean json) throws IOException {
        for (Path root : roots) {
            if (!Files.exists(root)) {
                err.println("sonocine scan: " + root + ": no such file or folder");
                return 2;
            }
        }
        ScanSummary summary = scan(roots, threads);
        if (json) {
            writeJson(out, summary);
        } else {
            writeText(out, summary);
        }
        out.flush();
        return summary.failures().isEmpty() && summary.warnings().isEmpty() ? 0 : 1;
    }

    /** The default number of scanning threads. */
    static int defaultThreads() {
        return Runtime.getRuntime().availableProcessors();
    }

    /**
     * Scans on threads of its own: the walk on one, the examining on {@code threads} others, each slice of examining
     * (see ExamScanner) on a new thread. Not a pool: its idle threads wait on a condition, which sets up the JDK's
     * fork-join pool, and the scan is over after a handful of slices. Classes rather than lambdas: the first lambda a
     * run links sets up the JDK's method-handle machinery, which costs a short command more than a few hundred files
     * do.
     */
    private static ScanSummary scan(List<Path> roots, int threads) {
        Executor newThreads = new Executor() {
            @Override
            public void execute(Runnable task) {
                Thread t = new Thread(task, "scan");
                t.setDaemon(true);
                t.start();
            }
        };
        // Only the machine failing throws here: every file, folder and DICOMDIR fails alone.
        return new ExamScanner(newThreads, Math.max(1, threads)).scanAndWait(roots, new ScanListener() { });
    }

    /**
     * The listing as text. Appended rather than formatted: a scan lists thousands of lines, and a short run pays for
     * each formatting call in full (nothing is compiled yet), for the first with the set-up of locale data. The
     * second half of the patients is listed on a thread of its own while this one lists the first, and both are
     * printed once listed: the scan's threads are done by then, and listing is the most of what is left.
     */
    private static void writeText(PrintWriter out, ScanSummary summary) {
        String newline = System.lineSeparator();
        ExamTree tree = summary.tree();
        List<ExamTree.Patient> patients = tree.patients();
        int half = patients.size() / 2;
        PatientListing second = new PatientListing(patients.subList(half, patients.size()), newline);
        Thread other = new Thread(second, "listing");
        other.setDaemon(true);
        other.start();
        StringBuilder text = new StringBuilder();
        list(patients.subList(0, half), newline, text);
        StringBuilder rest = second.listed.await();
        out.print(text);
        out.print(rest);
        text.setLength(0);
        for (ScanSummary.Warning w : summary.warnings()) {
            // A warning's message is kept to one line where it is made; paths and reasons are not.
            text.append("warning: ").append(OneLine.of(w.source().toString())).append(": ").append(w.message())
                    .append(newline);
        }
        for (ScanSummary.Failure f : summary.failures()) {
            text.append("failed: ").append(OneLine.of(f.file().toString())).append(": ")
                    .append(OneLine.of(f.reason())).append(newline);
        }
        text.append(Counts.of(patients.size(), "patient")).append(", ")
                .append(Counts.of(tree.studyCount(), "study", "studies")).append(", ")
                .append(Counts.of(tree.seriesCount(), "series", "series")).append(", ")
                .append(Counts.of(tree.instanceCount(), "instance")).append("; ")
                .append(Counts.of(summary.skipped(), "file")).append(" skipped (not DICOM), ")
                .append(Counts.grouped(summary.failures().size())).append(" failed, ")
                .append(Counts.of(summary.warnings().size(), "warning")).append("; ")
                .append(Counts.of(summary.files(), "file")).append(" in ").append(Decimals.of(summary.seconds(), 2))
                .append(" s (").append(Decimals.of(summary.filesPerSecond(), 0)).append(" files/s)").append(newline);
        out.print(text);
    }

    /** Lists {@code patients}, their studies, series and instances into {@code text}. */
    private static void list(List<ExamTree.Patient> patients, String newline, StringBuilder text) {
        for (ExamTree.Patient patient : patients) {
            text.append("Patient ").append(blank(OneLine.of(patient.name()))).append(" (ID ")
                    .append(blank(OneLine.of(patient.id()))).append(')').append(newline);
            for (ExamTree.Study study : patient.studyList()) {
                text.append("  Study ").append(blank(OneLine.of(study.date()))).append(' ')
                        .append(OneLine.of(study.description())).append("  [").append(OneLine.of(study.uid()))
                        .append(']').append(newline);
                for (ExamTree.Series series : study.seriesList()) {
                    text.append("    Series ").append(number(series.number())).append(' ')
                            .append(OneLine.of(series.modality())).append(' ').append(OneLine.of(series.description()))
                            .append(" (").append(Counts.of(series.instances().size(), "instance")).append(')')
                            .append(newline);
                    for (InstanceEntry e : series.sortedInstances()) {
                        text.append("      ").append(OneLine.of(e.path().toString())).append("  #")
                                .append(number(e.instanceNumber())).append(", ").append(e.frames())
                                .append(e.frames() == 1 ? " frame" : " frames")
                                .append(e.hasPixelData() ? "" : ", no image").append(newline);
                    }
                }
            }
        }
    }

    /** The listing of some patients, made by the thread that runs it. */
    private static final class PatientListing implements Runnable {
        private final List<ExamTree.Patient> patients;
        private final String newline;
        final Awaited<StringBuilder> listed = new Awaited<>();

        PatientListing(List<ExamTree.Patient> patients, String newline) {
            this.patients = patients;
            this.newline = newline;
        }

        @Override
        public void run() {
            try {
                StringBuilder text = new StringBuilder();
                list(patients, newline, text);
                listed.complete(text);
            } catch (RuntimeException | Error e) {
                listed.fail(e);
            }
        }
    }

    private static String number(int n) {
        return n == InstanceEntry.NO_NUMBER ? "?" : Integer.toString(n);
    }

    private static void writeNumber(JsonGenerator g, String field, int n) throws IOException {
        if (n == InstanceEntry.NO_NUMBER) {
            g.writeNullField(field);
        } else {
            g.writeNumberField(field, n);
        }
    }

    private static String blank(String s) {
        return s.isEmpty() ? "(none)" : s;
    }

    private static void writeJson(PrintWriter out, ScanSummary summary) throws IOException {
        try (JsonGenerator g = JsonOutput.generator(out)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.writeStartObject();
            g.writeArrayFieldStart("patients");
            for (ExamTree.Patient patient : summary.tree().patients()) {
                g.writeStartObject();
                g.writeStringField("name", patient.name());
                g.writeStringField("id", patient.id());
                g.writeArrayFieldStart("studies");
                for (ExamTree.Study study : patient.studyList()) {
                    g.writeStartObject();
                    g.writeStringField("uid", study.uid());
                    g.writeStringField("date", study.date());
                    g.writeStringField("time", study.time());
                    g.writeStringField("description", study.description());
                    g.writeArrayFieldStart("series");
                    for (ExamTree.Series series : study.seriesList()) {
                        g.writeStartObject();
                        g.writeStringField("uid", series.uid());
                        writeNumber(g, "number", series.number());
                        g.writeStringField("modality", series.modality());
                        g.writeStringField("description", series.description());
                        g.writeArrayFieldStart("instances");
                        for (InstanceEntry e : series.sortedInstances()) {
                            g.writeStartObject();
                            g.writeStringField("file", e.path().toString());
                            g.writeStringField("sopInstanceUid", e.sopInstanceUid());
                            g.writeStringField("sopClassUid", e.sopClassUid());
                            writeNumber(g, "instanceNumber", e.instanceNumber());
                            g.writeNumberField("frames", e.frames());
                            g.writeEndObject();
                        }
                        g.writeEndArray();
                        g.writeEndObject();
                    }
                    g.writeEndArray();
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeNumberField("files", summary.files());
            g.writeNumberField("instances", summary.tree().instanceCount());
            g.writeNumberField("skipped", summary.skipped());
            g.writeArrayFieldStart("failed");
            for (ScanSummary.Failure f : summary.failures()) {
                g.writeStartObject();
                g.writeStringField("file", f.file().toString());
                g.writeStringField("error", f.reason());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("warnings");
            for (ScanSummary.Warning w : summary.warnings()) {
                g.writeStartObject();
                g.writeStringField("file", w.source().toString());
                g.writeStringField("warning", w.message());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeNumberField("seconds", Math.round(summary.seconds() * 1000) / 1000.0);
            g.writeNumberField("filesPerSecond", Math.round(summary.filesPerSecond()));
            g.writeEndObject();
        }
        out.println();
    }
}
