package org.sonocine.dicom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
}
