package org.sonocine.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sonocine.dicom.Attributes;
import org.sonocine.dicom.DicomWriter;
import org.sonocine.dicom.Tag;
import org.sonocine.dicom.TransferSyntax;
import org.sonocine.dicom.VR;
import org.sonocine.testing.ImageHeaders;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * The plain forms run without picocli print and return exactly what picocli's run of the same arguments does, and
 * every other form is left to picocli. Arguments name the test's files as {@code DIR}, {@code CINE} (an image with
 * cine timing), {@code STILL} (one without), {@code TEXT} (not DICOM) and {@code CUT} (a header cut short).
 */
class DirectCommandsTest {
    @TempDir
    static Path dir;

    @BeforeAll
    static void writeFiles() throws IOException {
        DicomWriter writer = new DicomWriter(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        Attributes cine = ImageHeaders.of(4, 4, 1, 8, "MONOCHROME2", 3);
        cine.setString(Tag.PatientID, VR.LO, "P1");
        cine.setString(Tag.PatientName, VR.PN, "Doe^Jane");
        cine.setString(Tag.StudyInstanceUID, VR.UI, "2.25.1");
        cine.setString(Tag.SeriesInstanceUID, VR.UI, "2.25.2");
        cine.setString(Tag.FrameTime, VR.DS, "33.3");
        cine.setBytes(Tag.PixelData, VR.OB, new byte[48]);
        Files.write(dir.resolve("cine.dcm"), writer.toPart10Bytes(cine));
        Attributes still = ImageHeaders.of(2, 2, 1, 8, "MONOCHROME2", 1);
        still.setString(Tag.SOPInstanceUID, VR.UI, "2.25.98");
        still.setBytes(Tag.PixelData, VR.OB, new byte[4]);
        byte[] stillBytes = writer.toPart10Bytes(still);
        Files.write(dir.resolve("still.dcm"), stillBytes);
        Files.write(dir.resolve("cut.dcm"), Arrays.copyOf(stillBytes, stillBytes.length - 20));
        Files.writeString(dir.resolve("notes.txt"), "not an image\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "scan DIR", "scan --json DIR", "scan DIR DIR", "scan CINE STILL", "scan DIR/no-such-folder",
        "scan CINE DIR/none", "scan help", "scan scan", "scan CUT", "scan --json TEXT",
        "info CINE", "info --json CINE", "info CINE STILL TEXT CUT", "info --json STILL CUT TEXT",
        "info DIR/none.dcm", "info --json DIR/none.dcm", "info help", "info info", "info DIR"
    })
    void aPlainFormRunsAsPicocliWouldRunIt(String line) {
        String[] args = args(line);
        Run direct = Run.direct(args);
        Run parsed = Run.parsed(args);

        assertNotEquals(DirectCommands.NOT_PLAIN, direct.status(), line);
        assertEquals(parsed.status(), direct.status(), line);
        assertEquals(parsed.err(), direct.err(), line);
        assertEquals(withoutTimes(parsed.out()), withoutTimes(direct.out()), line);
        assertThat(direct.out() + direct.err()).as(line).isNotBlank();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "scan", "info", "scan --json", "info --json", "scan -h", "scan --threads 1 DIR", "scan DIR --json",
        "scan -- DIR", "scan @DIR/args.txt", "info --json --json CINE", "info CINE -V", "scan --json=true DIR",
        "dump CINE", "help scan", "--help"
    })
    void anyOtherFormIsLeftToPicocli(String line) {
        Run direct = Run.direct(args(line));

        assertEquals(DirectCommands.NOT_PLAIN, direct.status(), line);
        assertEquals("", direct.out() + direct.err(), line);
    }

    @ParameterizedTest
    @ValueSource(strings = {"scan", "info"})
    void anEmptyOperandIsLeftToPicocli(String command) {
        assertEquals(DirectCommands.NOT_PLAIN, Run.direct(command, "").status());
    }

        /** Names a command line splits or reads specially elsewhere: spaces, letters beyond ASCII, '=' and '@' inside. */
    @ParameterizedTest
    @ValueSource(strings = {"with space.dcm", "ünïcødé 検査.dcm", "key=value.dcm", "a@b.dcm", "help", " lead.dcm"})
    void oddlyNamedOperandsRunAsPicocliWouldRunThem(String name) throws IOException {
        Path folder = Files.createDirectories(dir.resolve("odd " + name.hashCode()));
        Path file = Files.copy(dir.resolve("cine.dcm"), folder.resolve(name));
        for (String[] args : List.of(new String[] {"scan", folder.toString()},
                new String[] {"scan", "--json", file.toString(), folder.toString()},
                new String[] {"info", file.toString()}, new String[] {"info", "--json", file.toString()})) {
            Run direct = Run.direct(args);
            Run parsed = Run.parsed(args);
            String line = String.join(" ", args);

            assertNotEquals(DirectCommands.NOT_PLAIN, direct.status(), line);
            assertEquals(parsed.status(), direct.status(), line);
            assertEquals(parsed.err(), direct.err(), line);
            assertEquals(withoutTimes(parsed.out()), withoutTimes(direct.out()), line);
            assertThat(direct.out()).as(line).contains(name.trim());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"scan DIR --threads 2", "scan DIR -", "info CINE --", "info CINE --json", "scan -- -DIR"})
    void optionsOrMarkersAfterOperandsAreLeftToPicocli(String line) {
        assertEquals(DirectCommands.NOT_PLAIN, Run.direct(args(line)).status(), line);
    }

    private static String[] args(String line) {
        return Arrays.stream(line.split(" "))
                .map(a -> a.replace("DIR", dir.toString()).replace("CINE", dir.resolve("cine.dcm").toString())
                        .replace("STILL", dir.resolve("still.dcm").toString())
                        .replace("TEXT", dir.resolve("notes.txt").toString())
                        .replace("CUT", dir.resolve("cut.dcm").toString()))
                .toArray(String[]::new);
    }

    /** A scan's output with the time it took, which differs from one run to the next, left out. */
    private static String withoutTimes(String out) {
        return out.replaceAll(" in [0-9.]+ s \\([0-9,]+ files/s\\)", " in T")
                .replaceAll("\"seconds\":[0-9.E-]+,\"filesPerSecond\":[0-9]+", "\"seconds\":T");
    }

    private record Run(int status, String out, String err) {
        static Run direct(String... args) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int status = DirectCommands.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
            return new Run(status, out.toString(), err.toString());
        }

        static Run parsed(String... args) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int status = SonocineCli.runParsed(new PrintWriter(out, true), new PrintWriter(err, true), args);
            return new Run(status, out.toString(), err.toString());
        }
    }
}
