package org.sonocine.study;

import java.nio.file.Path;

/**
 * Hears what a scan finds as it finds it; called from the scanning threads, one call at a time, so an
 * implementation needs no locking of its own but should return quickly.
 */
public interface ScanListener {
    default void found(InstanceEntry entry) {
    }

    /** A file that is not DICOM. */
    default void skipped(Path file) {
    }

    /** A file or folder that could not be read, with the reason (which does not repeat its name). */
    default void failed(Path file, String reason) {
    }

    /** Something wrong in a DICOMDIR that was read all the same, such as a Referenced File ID refused. */
    default void warned(Path source, String message) {
    }

    /**
     * {@code done} of {@code total} files examined so far; {@code total} grows while folders are walked, since
     * files are examined as they are met.
     */
    default void progress(int done, int total) {
    }
}
