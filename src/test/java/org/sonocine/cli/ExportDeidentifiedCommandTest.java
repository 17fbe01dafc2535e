package org.sonocine.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sonocine.dicom.DicomFile;
import org.sonocine.dicom.Tag;
import org.sonocine.testing.IdentifiedUltrasound;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

class ExportDeidentifiedCommandTest {
    private static final String SOP_A = "1.2.826.0.1.3680043.9.7777.1.1.1";
    private static final String SOP_B = "1.2.826.0.1.3680043.9.7777.1.1.2";

    @TempDir
    Path dir;

    @Test
    void writesOneLinkedCopyPerFileAndWarnsAboutBurnedInText() throws IOException {
        Path a = IdentifiedUltrasound.write(dir.resolve("a.dcm"), SOP_A, null);
        Path b = IdentifiedUltrasound.write(dir.resolve("b.dcm"), SOP_B, SOP_A);
        Path out = dir.resolve("shared");
        CliRun run = CliRun.of("export", a.toString(), b.toString(), "--out", out.toString(), "--format", "dicom",
                "--deidentify", "--blank-outside-regions");
        assertEquals(0, run.status(), run.err());
        assertThat(run.out()).contains("wrote de-identified", "2 frames", "blanked outside the ultrasound regions",
                "burned-in text inside the ultrasound regions cannot be removed automatically");
        List<Path> written;
        try (Stream<Path> files = Files.list(out)) {
            written = files.sorted().toList();
        }
        assertEquals(2, written.size());
        try (DicomFile first = DicomFile.open(written.get(0)); DicomFile second = DicomFile.open(written.get(1))) {
            assertEquals(first.dataset().getString(Tag.StudyInstanceUID),
                    second.dataset().getString(Tag.StudyInstanceUID));
            assertThat(first.dataset().getString(Tag.PatientName, "")).isEmpty();
            for (Path p : written) {
                assertThat(run.out()).contains(p.getFileName().toString());
            }
        }
    }

    @Test
    void withoutBlankingSuggestsIt() throws IOException {
        Path a = IdentifiedUltrasound.write(dir.resolve("a.dcm"), SOP_A, null);
        CliRun run = CliRun.of("export", a.toString(), "--out", dir.resolve("out").toString(), "--format", "DICOM",
                "--deidentify");
        assertEquals(0, run.status(), run.err());
        assertThat(run.out()).contains("may hold burned-in names and dates", "--blank-outside-regions")
                .doesNotContain("decoded from");
    }

    @Test
    void refusesMisusedOptions() throws IOException {
        Path a = IdentifiedUltrasound.write(dir.resolve("a.dcm"), SOP_A, null);
        Path out = dir.resolve("out");
        CliRun plain = CliRun.of("export", a.toString(), "--out", out.toString(), "--format", "dicom");
        assertEquals(1, plain.status());
        assertThat(plain.err()).contains("writes de-identified copies only: add --deidentify");
        CliRun gif = CliRun.of("export", a.toString(), "--out", dir.resolve("x.gif").toString(), "--deidentify");
        assertEquals(1, gif.status());
        assertThat(gif.err()).contains("apply to --format dicom only");
        CliRun two = CliRun.of("export", a.toString(), a.toString(), "--out", dir.resolve("x.gif").toString());
        assertEquals(1, two.status());
        assertThat(two.err()).contains("a cine export takes one file");
        CliRun frames = CliRun.of("export", a.toString(), "--out", out.toString(), "--format", "dicom",
                "--deidentify", "--frames", "1");
        assertEquals(1, frames.status());
        assertThat(frames.err()).contains("--frames, --scale and --no-overlay do not apply to --format dicom");
        CliRun intoFile = CliRun.of("export", a.toString(), "--out", a.toString(), "--format", "dicom",
                "--deidentify");
        assertEquals(1, intoFile.status());
        assertThat(intoFile.err()).contains("is a file: de-identified copies are written into a folder");
        assertThat(out).doesNotExist();
    }

    @Test
    void reportsAnUnreadableFileAndStillCopiesTheOthers() throws IOException {
        Path a = IdentifiedUltrasound.write(dir.resolve("a.dcm"), SOP_A, null);
        Path junk = Files.writeString(dir.resolve("junk.dcm"), "not a DICOM file");
        Path out = dir.resolve("out");
        CliRun run = CliRun.of("export", junk.toString(), a.toString(), "--out", out.toString(), "--format",
                "dicom", "--deidentify");
        assertEquals(1, run.status());
        assertThat(run.err()).contains("junk.dcm").doesNotContain("Exception");
        assertThat(run.out()).contains("wrote de-identified");
        try (Stream<Path> files = Files.list(out)) {
            assertEquals(1, files.count());
        }
    }
}
