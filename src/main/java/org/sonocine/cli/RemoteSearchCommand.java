package org.sonocine.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import org.sonocine.dicom.Attributes;
import org.sonocine.dicom.OneLine;
import org.sonocine.dicom.Tag;
import org.sonocine.remote.DicomWebClient;
import org.sonocine.remote.RemoteException;
import org.sonocine.remote.SearchPage;
import org.sonocine.remote.SearchQuery;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.concurrent.Callable;

/** {@code sonocine remote search}: the studies of an archive that match, a line (or a JSON object) each. */
@Command(name = "search", mixinStandardHelpOptions = true,
        description = "Lists the studies in the archive that match (QIDO-RS). Exit status 1 when the archive cannot"
                + " be searched, 2 for a wrong argument.")
final class RemoteSearchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ArchiveMixin archive;

    @Parameters(index = "0", paramLabel = "URL", description = "the archive's DICOMweb base URL")
    String url;

    @Option(names = "--patient", paramLabel = "NAME", description = "patient name; * and ? are wildcards")
    String patient;

    @Option(names = "--patient-id", paramLabel = "ID", description = "patient ID")
    String patientId;

    @Option(names = "--date", paramLabel = "FROM-TO", description = "study date or range, e.g. 20240101-20241231,"
            + " 20240101- or -20241231")
    String date;

    @Option(names = "--modality", paramLabel = "MODALITY", description = "a modality in the study, e.g. US")
    String modality;

    @Option(names = "--accession", paramLabel = "NUMBER", description = "accession number")
    String accession;

    @Option(names = "--limit", paramLabel = "N", description = "at most N studies (default: 100)")
    int limit = SearchQuery.DEFAULT_LIMIT;

    @Option(names = "--offset", paramLabel = "N", description = "skip the first N studies (the next page)")
    int offset;

    @Option(names = "--json", description = "write a JSON array, one object per study")
    boolean json;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        SearchQuery query;
        try {
            query = query();
        } catch (IllegalArgumentException e) {
            err.println("sonocine remote search: " + e.getMessage());
            return 2;
        }
        SearchPage page;
        try {
            page = new DicomWebClient(archive.options.connect(url)).searchStudies(query);
        } catch (RemoteException e) {
            err.println("sonocine remote search: " + e.getMessage());
            return 1;
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            writeJson(out, page);
        } else {
            writeText(out, page);
        }
        out.flush();
        return 0;
    }

    private SearchQuery query() {
        SearchQuery q = SearchQuery.all().withPatientName(patient).withPatientId(patientId).withModality(modality)
                .withAccessionNumber(accession).withPage(limit, offset);
        if (date != null) {
            LocalDate[] range = SearchQuery.parseDateRange(date);
            q = q.withDates(range[0], range[1]);
        }
        return q;
    }

    private static final int[] FIELDS = {Tag.StudyDate, Tag.PatientName, Tag.PatientID, Tag.ModalitiesInStudy,
        Tag.AccessionNumber, Tag.StudyDescription, Tag.NumberOfStudyRelatedSeries,
        Tag.NumberOfStudyRelatedInstances, Tag.StudyInstanceUID};
    private static final String[] NAMES = {"studyDate", "patientName", "patientId", "modalities", "accessionNumber",
        "studyDescription", "series", "instances", "studyInstanceUid"};

    private static void writeText(PrintWriter out, SearchPage page) {
        if (page.matches().isEmpty()) {
            out.println("no studies found");
            return;
        }
        for (Attributes study : page.matches()) {
            out.printf("%-10s  %-28s  %-12s  %-6s  %-10s  %3s series %4s instances  %s  %s%n",
                    value(study, Tag.StudyDate), value(study, Tag.PatientName), value(study, Tag.PatientID),
                    OneLine.of(String.join("\\", study.getStrings(Tag.ModalitiesInStudy))),
                    value(study, Tag.AccessionNumber),
                    value(study, Tag.NumberOfStudyRelatedSeries), value(study, Tag.NumberOfStudyRelatedInstances),
                    value(study, Tag.StudyInstanceUID), value(study, Tag.StudyDescription));
        }
        out.println(page.matches().size() + (page.matches().size() == 1 ? " study" : " studies")
                + (page.mayHaveMore() ? "; there may be more: --offset " + page.nextQuery().offset() : ""));
    }

    private static String value(Attributes a, int tag) {
        String s = tag == Tag.PatientName ? a.getRawString(tag) : a.getString(tag);
        // An archive's answers are text from elsewhere too: no control character of theirs reaches the terminal.
        return s == null ? "" : OneLine.of(s);
    }

    private static void writeJson(PrintWriter out, SearchPage page) throws IOException {
        try (JsonGenerator g = JsonOutput.generator(out)) {
            g.useDefaultPrettyPrinter();
            g.writeStartArray();
            for (Attributes study : page.matches()) {
                g.writeStartObject();
                for (int i = 0; i < FIELDS.length; i++) {
                    if (FIELDS[i] == Tag.ModalitiesInStudy) {
                        g.writeArrayFieldStart(NAMES[i]);
                        for (String m : study.getStrings(FIELDS[i])) {
                            g.writeString(m);
                        }
                        g.writeEndArray();
                    } else {
                        g.writeStringField(NAMES[i], value(study, FIELDS[i]));
                    }
                }
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        out.println();
    }
}
