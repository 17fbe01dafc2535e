package org.sonocine.dicom;

import java.io.IOException;

/**
 * A file or stream is not valid DICOM, or is valid but breaks a limit that protects the reader. The message is kept
 * to one line whatever text of the file it quotes (see {@link OneLine}).
 */
public class DicomException extends IOException {
    private static final long serialVersionUID = 1L;

    public DicomException(String message) {
        super(OneLine.of(message));
    }

    public DicomException(String message, Throwable cause) {
        super(OneLine.of(message), cause);
    }
}
