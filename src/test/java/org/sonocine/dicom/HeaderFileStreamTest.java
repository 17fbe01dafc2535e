package org.sonocine.dicom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class HeaderFileStreamTest {

    @Test
    void readsTheFileAndSkipsNoFurtherThanItsEnd(@TempDir Path dir) throws IOException {
        Path file = Files.write(dir.resolve("f"), new byte[] {1, 2, 3, 4, 5});
        try (HeaderFileStream in = HeaderFileStream.openOrNull(file)) {
            assertEquals(1, in.read());
            assertEquals(2, in.skip(2));
            assertArrayEquals(new byte[] {4, 5}, in.readAllBytes());
            assertEquals(0, in.skip(10));
            assertEquals(-1, in.read());
        }
    }

    @Test
    void aReadByAnInterruptedThreadFailsAsAChannelReadDoes(@TempDir Path dir) throws IOException {
        Path file = Files.write(dir.resolve("f"), new byte[16]);
        try (HeaderFileStream in = HeaderFileStream.openOrNull(file)) {
            Thread.currentThread().interrupt();
            assertThrows(ClosedByInterruptException.class, () -> in.read(new byte[4], 0, 4));
            assertThrows(ClosedByInterruptException.class, in::read);
            assertThrows(ClosedByInterruptException.class, () -> in.skip(2));
        } finally {
            assertThat(Thread.interrupted()).as("the interrupt is left for the thread's owner").isTrue();
        }
    }

    @Test
    void aFileThatCannotBeOpenedIsLeftToTheChannelToReport(@TempDir Path dir) {
        assertNull(HeaderFileStream.openOrNull(dir.resolve("none")));
    }

    @Test
    void aFileGoneSinceItsAttributesWereReadFailsAsOneNeverThere(@TempDir Path dir) throws IOException {
        Path file = Files.write(dir.resolve("gone.dcm"), new byte[200]);
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        Files.delete(file);

        IOException withAttributes = assertThrows(IOException.class,
                () -> DicomFile.openLenient(file, attributes, ReadOptions.HEADER_ONLY));
        IOException without = assertThrows(IOException.class,
                () -> DicomFile.openLenient(file, ReadOptions.HEADER_ONLY));

        assertEquals(without.getClass(), withAttributes.getClass());
        assertEquals(without.getMessage(), withAttributes.getMessage());
        assertThat(withAttributes.getMessage()).contains("no such file");
    }

    @Test
    void aFileReplacedByANamedPipeSinceItsAttributesWereReadIsRefusedWithoutWaitingForAWriter(@TempDir Path dir)
            throws Exception {
        Path file = Files.write(dir.resolve("pipe.dcm"), new byte[200]);
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        Files.delete(file);
        assumeTrue(new ProcessBuilder("mkfifo", file.toString()).start().waitFor() == 0, "mkfifo is available");

        IOException failure = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> assertThrows(IOException.class,
                () -> DicomFile.openLenient(file, attributes, ReadOptions.HEADER_ONLY)));

        assertEquals(file + " is not a regular file (a named pipe, socket or device)", failure.getMessage());
    }

    @Test
    void aFileReplacedByAFolderSinceItsAttributesWereReadIsReportedAsAFolder(@TempDir Path dir) throws IOException {
        Path file = Files.write(dir.resolve("now-a-folder.dcm"), new byte[200]);
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        Files.delete(file);
        Files.createDirectory(file);

        IOException failure = assertThrows(IOException.class,
                () -> DicomFile.openLenient(file, attributes, ReadOptions.HEADER_ONLY));

        assertEquals(file + " is a folder, not a file", failure.getMessage());
    }

    @Test
    void aFileCutShortSinceItsAttributesWereReadFailsAsOneCutShortBefore(@TempDir Path dir) throws IOException {
        Attributes ds = new Attributes();
        ds.setString(Tag.PatientID, VR.LO, "P1");
        ds.setString(Tag.StudyInstanceUID, VR.UI, "2.25.1");
        ds.setString(Tag.SeriesDescription, VR.LO, "a description long enough to be cut in the middle");
        byte[] bytes = new DicomWriter(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN).toPart10Bytes(ds);
        Path file = Files.write(dir.resolve("cut.dcm"), bytes);
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        Files.write(file, Arrays.copyOf(bytes, bytes.length - 20));

        String withAttributes = outcome(() -> DicomFile.openLenient(file, attributes, ReadOptions.HEADER_ONLY));
        String without = outcome(() -> DicomFile.openLenient(file, ReadOptions.HEADER_ONLY));

        assertEquals(without, withAttributes);
        assertThat(withAttributes).isNotEqualTo("intact");
    }

    private interface Opening {
        DicomFile open() throws IOException;
    }

    /** What opening a file came to: the message of its failure or of the problem kept with it, or "intact". */
    private static String outcome(Opening opening) {
        try (DicomFile file = opening.open()) {
            return file.problem().map(Throwable::getMessage).orElse("intact");
        } catch (IOException e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }
}
