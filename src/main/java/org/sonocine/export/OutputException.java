package org.sonocine.export;

import org.sonocine.imaging.FailureWords;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The export's output could not be written or is not acceptable; the message names the output, not the file
 * being exported, so that a full disk or a read-only folder is not blamed on the input.
 */
public final class OutputException extends IOException {

    OutputException(String message) {
        super(message);
    }

    OutputException(Path out, Throwable cause) {
        super(out + ": " + reason(out, cause), cause);
    }

    private static String reason(Path out, Throwable cause) {
        if (cause instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (cause instanceof FileAlreadyExistsException e) {
            return e.getFile() + " is in the way: it is not a folder";
        }
        if (cause instanceof NoSuchFileException) {
            Path folder = out.toAbsolutePath().getParent();
            return "cannot be created in " + (folder == null ? "its folder" : folder);
        }
        if (cause instanceof FileSystemException e) {
            return e.getReason() != null && !e.getReason().isBlank() ? e.getReason() : "could not be written";
        }
        String words = FailureWords.of(cause);
        return "could not be written: " + words;
    }
}
