package org.sonocine.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sonocine.dicom.Attributes;
import org.sonocine.dicom.DicomFile;
import org.sonocine.dicom.Tag;
import org.sonocine.testing.OrthancServer;
import org.sonocine.testing.RequiresOrthanc;
import org.sonocine.testing.Samples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.security.MessageDigest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@code sonocine remote search} and {@code get} against a real Orthanc that asks for credentials. */
@RequiresOrthanc(authenticated = true)
class RemoteCommandTest {
    private static final List<String> SAMPLES = List.of("US1_UNCR.dcm", "jpeg-ls-Palette.dcm");
    private static String url;
    private static Path passwordFile;

    @TempDir
    static Path folder;

    @BeforeAll
    static void upload(OrthancServer orthanc) throws Exception {
        for (String sample : SAMPLES) {
            orthanc.upload(Samples.file(sample));
        }
        url = orthanc.dicomWeb().toString();
        passwordFile = Files.writeString(folder.resolve("password"), OrthancServer.PASSWORD + "\n");
    }

    private static Attributes local(String sample) throws IOException {
        try (DicomFile file = DicomFile.open(Samples.file(sample))) {
            return file.dataset();
        }
    }

    private static CliRun remote(String... args) {
        List<String> all = new ArrayList<>(List.of("remote"));
        all.addAll(List.of(args));
        all.addAll(List.of("--user", OrthancServer.USER, "--password-file", passwordFile.toString()));
        return CliRun.of(all.toArray(String[]::new));
    }

    @Test
    void searchListsTheMatchingStudyOnALine() throws IOException {
        Attributes header = local("US1_UNCR.dcm");
        CliRun run = remote("search", url, "--patient", "Compressed*", "--modality", "US");
        assertEquals(0, run.status(), run.err());
        assertThat(run.out().lines().filter(l -> l.contains(header.getString(Tag.StudyInstanceUID))))
                .singleElement().satisfies(line -> assertThat(line).startsWith(header.getString(Tag.StudyDate))
                        .contains(header.getRawString(Tag.PatientName)));
        assertThat(run.out()).endsWith("1 study\n");
    }

    @Test
    void searchWritesJsonWithOneObjectPerStudy() throws IOException {
        CliRun run = remote("search", url, "--json");
        assertEquals(0, run.status(), run.err());
        List<String> uids = new ArrayList<>();
        try (JsonParser p = new JsonFactory().createParser(run.out())) {
            while (p.nextToken() != null) {
                if (p.currentToken() == JsonToken.FIELD_NAME && p.currentName().equals("studyInstanceUid")) {
                    uids.add(p.nextTextValue());
                }
            }
        }
        assertThat(uids).containsExactlyInAnyOrder(local("US1_UNCR.dcm").getString(Tag.StudyInstanceUID),
                local("jpeg-ls-Palette.dcm").getString(Tag.StudyInstanceUID));
    }

    @Test
    void aDateRangeOutsideTheStudiesFindsNone() {
        CliRun run = remote("search", url, "--date", "19000101-19000102");
        assertEquals(0, run.status(), run.err());
        assertThat(run.out()).isEqualTo("no studies found\n");
    }

    @Test
    void aMalformedDateRangeIsAnArgumentError() {
        CliRun run = remote("search", url, "--date", "last week");
        assertEquals(2, run.status());
        assertThat(run.err()).isEqualTo("sonocine remote search: not a date range: 'last week' (expected e.g."
                + " 20240101-20241231)\n");
    }

    @Test
    void searchWithoutCredentialsSaysTheArchiveAsksForThem() {
        CliRun run = CliRun.of("remote", "search", url);
        assertEquals(1, run.status());
        assertThat(run.err()).isEqualTo("sonocine remote search: the archive at " + url + " asks for credentials\n");
    }

    @Test
    void getSavesAStudyAsTheFilesTheArchiveWasGiven(@TempDir Path out) throws Exception {
        Attributes header = local("jpeg-ls-Palette.dcm");
        CliRun run = remote("get", url, header.getString(Tag.StudyInstanceUID), "--out", out.toString());
        assertEquals(0, run.status(), run.err());
        Path saved = out.resolve(header.getString(Tag.SOPInstanceUID) + ".dcm");
        assertThat(run.out()).isEqualTo(saved + "\nsaved 1 instance to " + out + "\n");
        assertThat(sha256(saved)).as("Orthanc returns the file it stored, unchanged")
                .isEqualTo(sha256(Samples.file("jpeg-ls-Palette.dcm")));
    }

    @Test
    void getOfAnUnknownStudySaysSoAndCreatesNothing(@TempDir Path dir) {
        Path out = dir.resolve("not-yet");
        CliRun run = remote("get", url, "1.2.3.999", "--out", out.toString());
        assertEquals(1, run.status());
        assertThat(run.err()).startsWith("sonocine remote get: the archive has nothing at /dicom-web/studies/1.2.3.999");
        assertThat(out).doesNotExist();
    }

    @Test
    void fetchTimesTheFirstFrameAndTheWholeCineAndAKeptCacheMakesTheSecondFromIt(@TempDir Path cache) throws Exception {
        Attributes header = local("jpeg-ls-Palette.dcm");
        String ref = header.getString(Tag.StudyInstanceUID) + "/" + header.getString(Tag.SeriesInstanceUID) + "/"
                + header.getString(Tag.SOPInstanceUID);

        CliRun first = remote("fetch", url, ref, "--cache", cache.toString());
        CliRun second = remote("fetch", url, ref, "--cache", cache.toString());

        assertEquals(0, first.status(), first.err());
        assertThat(first.out()).matches("first frame on screen after \\d+ ms \\(header and frame 1 fetched\\); all 10"
                + " frames after \\d+ ms\n");
        assertThat(second.out()).contains("(from the cache)");
    }

    @Test
    void fetchWantsOneInstance() {
        CliRun run = remote("fetch", url, "1.2.3/4.5");
        assertEquals(2, run.status());
        assertThat(run.err()).isEqualTo("sonocine remote fetch: give STUDY/SERIES/INSTANCE: frames belong to one"
                + " instance\n");
    }

    @Test
    void aUidThatIsNotOneIsAnArgumentError(@TempDir Path out) {
        CliRun run = remote("get", url, "1.2.3/../etc", "--out", out.toString());
        assertEquals(2, run.status());
        assertThat(run.err()).isEqualTo("sonocine remote get: not a series UID: '..'\n");
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
