package org.sonocine.study;

import org.sonocine.imaging.FailureWords;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;

/**
 * Why a file could not be read, in plain words and without the file's name: the line that shows a reason names
 * the file once itself ("failed: PATH: REASON"). The file system's exceptions carry little more than the path in
 * their messages (an unreadable file's message is its path), and the reader's messages start with the file's
 * name, so both are reworded here.
 */
public final class FailureReason {
    private FailureReason() {
    }

    /** The reason {@code failure} gives for {@code file}, without the file's name or path. */
    public static String of(Path file, Throwable failure) {
        if (failure instanceof NoSuchFileException) {
            return "no such file";
        }
        if (failure instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (failure instanceof FileSystemLoopException) {
            return "a symbolic link leads back into a folder that contains it";
        }
        if (failure instanceof NotDirectoryException) {
            return "not a folder";
        }
        if (failure instanceof FileSystemException fs) {
            return fs.getReason() != null && !fs.getReason().isBlank() ? fs.getReason() : "could not be read";
        }
        if (failure instanceof OutOfMemoryError) {
            return "too large to read in the memory available";
        }
        if (failure instanceof StackOverflowError) {
            return "nested too deeply to read";
        }
        String message = failure.getMessage();
        String words = FailureWords.of(failure);
        if (message == null || !message.strip().equals(words)) {
            // no message of its own, or one wrapped in class names: what the failure comes to
            return "could not be read: " + words;
        }
        return withoutName(file, message.strip());
    }

    /** "NAME: reason" becomes "reason"; a message that has the file as its subject says "the file" instead. */
    private static String withoutName(Path file, String message) {
        for (String name : names(file)) {
            if (message.startsWith(name + ": ")) {
                return message.substring(name.length() + 2);
            }
            if (message.startsWith(name + " ")) {
                return "the file" + message.substring(name.length());
            }
        }
        return message;
    }

    /** The forms in which a message may name the file, longest first so a path is not cut to its last part. */
    private static String[] names(Path file) {
        Path name = file.getFileName();
        return name == null ? new String[] {file.toString()} : new String[] {file.toString(), name.toString()};
    }
}
