package org.sonocine.dicom;

/** The input is not DICOM at all (neither a Part 10 file nor a bare data set), as opposed to broken DICOM. */
public final class NotDicomException extends DicomException {
    private static final long serialVersionUID = 1L;

    public NotDicomException(String message) {
        super(message);
    }
}
