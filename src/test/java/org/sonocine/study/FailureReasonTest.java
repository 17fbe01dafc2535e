package org.sonocine.study;

import org.junit.jupiter.api.Test;
import org.sonocine.dicom.DicomException;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FailureReasonTest {
    private static final Path FILE = Path.of("exams", "cut.dcm");

    @Test
    void anUnreadableFileIsPermissionDeniedNotItsPathAgain() {
        assertEquals("permission denied", FailureReason.of(FILE, new AccessDeniedException(FILE.toString())));
    }

    @Test
    void aMissingFileIsNoSuchFile() {
        assertEquals("no such file", FailureReason.of(FILE, new NoSuchFileException(FILE.toString())));
    }

    @Test
    void otherFileSystemFailuresGiveTheSystemsReasonWithoutThePath() {
        assertEquals("Input/output error",
                FailureReason.of(FILE, new FileSystemException(FILE.toString(), null, "Input/output error")));
    }

    @Test
    void theReadersMessageLosesTheFileNameItStartsWith() {
        assertEquals("the file is truncated (unexpected end of data at byte 12)", FailureReason.of(FILE,
                new DicomException("cut.dcm: the file is truncated (unexpected end of data at byte 12)")));
        assertEquals("not a DICOMDIR, it has no Directory Record Sequence (0004,1220)", FailureReason.of(FILE,
                new DicomException(FILE + ": not a DICOMDIR, it has no Directory Record Sequence (0004,1220)")));
    }

    @Test
    void aMessageWithTheFileAsItsSubjectSaysTheFile() {
        assertEquals("the file was closed", FailureReason.of(FILE, new DicomException(FILE + " was closed")));
    }

    @Test
    void runningOutOfMemoryOnOneFileSaysItIsTooLarge() {
        assertEquals("too large to read in the memory available",
                FailureReason.of(FILE, new OutOfMemoryError("Java heap space")));
    }

    @Test
    void aFailureWithoutMessageIsNamedByItsKind() {
        assertEquals("could not be read: it met a value missing from the data",
                FailureReason.of(FILE, new NullPointerException()));
        assertEquals("could not be read: the compressed data ends early",
                FailureReason.of(FILE, new java.io.IOException(new java.io.EOFException())));
    }
}
