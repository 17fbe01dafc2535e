package org.sonocine.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import org.sonocine.dicom.DicomFile;
import org.sonocine.dicom.DicomJsonWriter;
import org.sonocine.dicom.DumpFormatter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code sonocine dump}: every attribute of a file, as text or in the DICOM JSON Model. */
@Command(name = "dump", mixinStandardHelpOptions = true,
        description = "Prints every attribute of a DICOM file, nested sequences indented (like dcmdump), or with"
                + " --json in the DICOM JSON Model (PS3.18 Annex F).")
final class DumpCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "Write the DICOM JSON Model; Pixel Data becomes a BulkDataURI.")
    boolean json;

    @Option(names = "--width", description = "Longest value printed in full, in characters (0: no limit);"
            + " default ${DEFAULT-VALUE}.", defaultValue = "80")
    int width;

    @Parameters(paramLabel = "FILE", description = "a DICOM file")
    Path file;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        DicomFile dicom;
        try {
            dicom = DicomFile.openLenient(file);
        } catch (IOException e) {
            err.println("sonocine dump: " + Errors.describe(file, e));
            return 1;
        }
        try (dicom) {
            if (json) {
                try (JsonGenerator g = JsonOutput.generator(out)) {
                    g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
                    g.useDefaultPrettyPrinter();
                    new DicomJsonWriter(g, file.toAbsolutePath().toUri().toString()).write(dicom.fileMeta(),
                            dicom.dataset());
                }
                out.println();
            } else {
                DumpFormatter formatter = new DumpFormatter(out::println, width);
                if (!dicom.fileMeta().isEmpty()) {
                    out.println("# File Meta Information");
                    formatter.print(dicom.fileMeta());
                }
                out.println("# Data Set (" + dicom.transferSyntax().name() + ")");
                formatter.print(dicom.dataset());
                for (String warning : dicom.warnings()) {
                    out.println("# warning: " + warning);
                }
            }
            out.flush();
            if (dicom.problem().isPresent()) {
                err.println("sonocine dump: " + dicom.problem().get().getMessage());
                return 1;
            }
        }
        return 0;
    }
}
