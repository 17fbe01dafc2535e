package org.sonocine.cli;

import org.sonocine.study.FailureReason;

import java.nio.file.FileSystemException;
import java.nio.file.Path;

/** One-line, user-facing reasons for failures that name the file once, without stack traces. */
final class Errors {
    private Errors() {
    }

    static String describe(Path file, Throwable e) {
        String message = e.getMessage();
        Path name = file.getFileName();
        // The reader's own messages already name the file; the file system's name it by a bare path.
        if (!(e instanceof FileSystemException) && message != null && name != null
                && message.contains(name.toString())) {
            return message;
        }
        return file + ": " + FailureReason.of(file, e);
    }
}
