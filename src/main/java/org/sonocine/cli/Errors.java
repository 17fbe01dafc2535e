package org.sonocine.cli;

import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** One-line, user-facing reasons for failures, without stack traces. */
final class Errors {
    private Errors() {
    }

    static String describe(Path file, Exception e) {
        if (e instanceof NoSuchFileException) {
            return file + ": no such file";
        }
        if (e instanceof AccessDeniedException) {
            return file + ": permission denied";
        }
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            return file + ": " + e.getClass().getSimpleName();
        }
        return message.contains(file.getFileName().toString()) ? message : file + ": " + message;
    }
}
