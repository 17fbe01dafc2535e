package org.sonocine.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sonocine.dicom.Attributes;
import org.sonocine.dicom.DicomWriter;
import org.sonocine.dicom.Tag;
import org.sonocine.dicom.TransferSyntax;
import org.sonocine.dicom.VR;
import org.sonocine.testing.ImageHeaders;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Text from a file printed by the commands: a control character in it (a line break, a terminal's escape sequence)
 * is written as an escape, so that a hostile file can neither forge lines of the listing nor move the cursor or
 * rewrite what the terminal shows.
 */
class ControlCharactersInOutputTest {
    private static final String ESCAPE = "\u001b[2J";

    @Test
    void infoEscapesControlCharactersOfValues(@TempDir Path dir) throws IOException {
        CliRun run = CliRun.of("info", hostile(dir.resolve("a.dcm")).toString());

        assertEquals(0, run.status(), run.err());
        assertThat(run.out()).doesNotContain("\u001b").doesNotContain("\u009b").doesNotContain("\nforged")
                .contains("Evil^\\u001b[2J\\nforged line").contains("\\u009b31mred").contains("Echo\\rreport\\u0007");
    }

    @Test
    void dumpEscapesControlCharactersOfValues(@TempDir Path dir) throws IOException {
        CliRun run = CliRun.of("dump", hostile(dir.resolve("a.dcm")).toString());

        assertEquals(0, run.status(), run.err());
        assertThat(run.out()).doesNotContain("\u001b").doesNotContain("\u009b").doesNotContain("\nforged")
                .contains("[Evil^\\u001b[2J forged line]").contains("[\\u009b31mred]").contains("[Echo report\\u0007]");
    }

    @Test
    void scanEscapesControlCharactersOfValuesAndFileNames(@TempDir Path dir) throws IOException {
        hostile(dir.resolve("a\nforged file.dcm"));

        CliRun run = CliRun.of("scan", dir.toString());

        assertEquals(0, run.status(), run.err());
        assertThat(run.out()).doesNotContain("\u001b").doesNotContain("\u009b").doesNotContain("\nforged")
                .containsPattern("Patient (\\\\u001b)?\\[2J\\\\nforged line Evil \\(ID \\\\u009b31mred\\)")
                .contains(" Echo\\rreport\\u0007  [").contains("a\\nforged file.dcm  #1");
    }

    @Test
    void jsonEscapesDeleteAndC1ControlsToo(@TempDir Path dir) throws IOException {
        Path file = hostile(dir.resolve("a.dcm"));

        for (String command : List.of("info", "dump", "scan")) {
            CliRun run = CliRun.of(command, "--json", command.equals("scan") ? dir.toString() : file.toString());

            assertEquals(0, run.status(), command + ": " + run.err());
            assertThat(run.out()).as(command).doesNotContain("\u009b").doesNotContain("\u007f")
                    .contains("\\u009B31mred").contains("Series\\u007Fone");
        }
    }

    @Test
    void unreadableFilesAreNamedEscaped(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("x\nforged\u001b[2J.dcm"), "not DICOM at all");

        CliRun info = CliRun.of("info", file.toString());
        CliRun dump = CliRun.of("dump", file.toString());

        assertEquals(1, info.status());
        assertEquals(1, dump.status());
        for (String said : List.of(info.out(), info.err(), dump.out(), dump.err())) {
            assertThat(said).doesNotContain("\u001b").doesNotContain("\nforged");
        }
        assertThat(info.out()).contains("error: ").contains("x\\nforged\\u001b[2J.dcm");
        assertThat(dump.err()).contains("sonocine dump: ").contains("x\\nforged\\u001b[2J.dcm");
    }

    private static Path hostile(Path file) throws IOException {
        Attributes ds = ImageHeaders.of(2, 2, 1, 8, "MONOCHROME2", 1);
        ds.setString(Tag.Modality, VR.CS, "US");
        // Latin-1 passes ESC through as it is (the default repertoire would not), and 0x9B is a terminal's CSI.
        ds.setString(Tag.SpecificCharacterSet, VR.CS, "ISO_IR 100");
        ds.setString(Tag.PatientName, VR.PN, "Evil^" + ESCAPE + "\nforged line");
        ds.setString(Tag.PatientID, VR.LO, "\u009b31mred");
        ds.setString(Tag.StudyDescription, VR.LO, "Echo\rreport\u0007");
        ds.setString(Tag.SeriesDescription, VR.LO, "Series\u007fone");
        ds.setString(Tag.StudyInstanceUID, VR.UI, "2.25.1");
        ds.setString(Tag.SeriesInstanceUID, VR.UI, "2.25.2");
        ds.setString(Tag.SOPInstanceUID, VR.UI, "2.25.3");
        ds.setString(Tag.InstanceNumber, VR.IS, "1");
        ds.set(Tag.PixelData, VR.OB, new byte[4]);
        new DicomWriter(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN).writeFile(file, ds);
        return file;
    }
}
