package org.sonocine.cli;

import org.sonocine.dicom.OneLine;
import org.sonocine.study.FailureReason;

import java.nio.file.FileSystemException;
import java.nio.file.Path;

/**
 * One-line, user-facing reasons for failures that name the file once, without stack traces; a control character in
 * a file's name is written as an escape (see {@link OneLine}).
 */
final class Errors {
    private Errors() {
    }

    static String describe(Path file, Throwable e) {
        String message = e.getMessage();
        Path name = file.getFileName();
        // The reader's own messages already name the file, escaped; the file system's name it by a bare path.
        if (!(e instanceof FileSystemException) && message != null && name != null
                && message.contains(OneLine.of(name.toString()))) {
            return OneLine.of(message);
        }
        return OneLine.of(file + ": " + FailureReason.of(file, e));
    }
}
