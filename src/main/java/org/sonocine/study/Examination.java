package org.sonocine.study;

import org.sonocine.dicom.DicomDirectory;
import org.sonocine.dicom.DicomFile;
import org.sonocine.dicom.NotDicomException;
import org.sonocine.dicom.ReadOptions;
import org.sonocine.dicom.Tag;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * What reading one file's header found: an instance, a file to skip (not DICOM), a readable DICOMDIR (an index of
 * other files, DICOM but not an image: neither listed nor counted as skipped), a failure with its reason, or
 * nothing because the read was interrupted. A file that is, or is
 * named, a DICOMDIR is read as one, so a damaged DICOMDIR met in a folder fails with the same reason it gives when
 * scanned by name.
 */
record Examination(Kind kind, InstanceEntry entry, String reason) {
    private static final String MEDIA_STORAGE_DIRECTORY = "1.2.840.10008.1.3.10";
    /** The header up to Pixel Data, holding on to what an {@link InstanceEntry} is made of. */
    private static final ReadOptions HEADER = ReadOptions.HEADER_ONLY.withKept(InstanceEntry.READ);

    enum Kind { INSTANCE, SKIPPED, DIRECTORY, FAILED, INTERRUPTED }

    /**
     * Reads {@code file}'s header, given its {@code attributes} as the walk read them (null if it could not);
     * whatever goes wrong with it is this file's failure and the scan goes on.
     */
    static Examination of(Path file, BasicFileAttributes attributes) {
        return of(file, attributes, HEADER);
    }

    /** As {@link #of(Path, BasicFileAttributes)}, reading the header with {@code options}. */
    static Examination of(Path file, BasicFileAttributes attributes, ReadOptions options) {
        if (ExamFiles.isNamedDicomdir(file)) {
            return ofDirectory(file);
        }
        boolean directory;
        try (DicomFile dicom = DicomFile.openLenient(file, attributes, options)) {
            directory = MEDIA_STORAGE_DIRECTORY.equals(dicom.fileMeta().getString(Tag.MediaStorageSOPClassUID));
            if (!directory) {
                if (dicom.problem().isPresent() && Interruption.caused(dicom.problem().get())) {
                    return interrupted();
                }
                return new Examination(Kind.INSTANCE, InstanceEntry.of(file, dicom), null);
            }
        } catch (NotDicomException e) {
            return new Examination(Kind.SKIPPED, null, null);
        } catch (IOException | RuntimeException | Error e) {
            return failed(file, e);
        }
        return ofDirectory(file);
    }

    private static Examination ofDirectory(Path dicomdir) {
        try {
            DicomDirectory.read(dicomdir);
            return new Examination(Kind.DIRECTORY, null, null);
        } catch (IOException | RuntimeException | Error e) {
            return failed(dicomdir, e);
        }
    }

    private static Examination failed(Path file, Throwable failure) {
        ExamScanner.rethrowIfFatal(failure);
        if (Interruption.caused(failure)) {
            return interrupted();
        }
        return new Examination(Kind.FAILED, null, FailureReason.of(file, failure));
    }

    private static Examination interrupted() {
        return new Examination(Kind.INTERRUPTED, null, null);
    }
}
