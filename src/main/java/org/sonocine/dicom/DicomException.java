package org.sonocine.dicom;

import java.io.IOException;

/** A file or stream is not valid DICOM, or is valid but breaks a limit that protects the reader. */
public class DicomException extends IOException {
    private static final long serialVersionUID = 1L;

    public DicomException(String message) {
        super(message);
    }

    public DicomException(String message, Throwable cause) {
        super(message, cause);
    }
}
