package org.sonocine.study.measure;

/**
 * A measurement the image's calibration cannot support, e.g. points in two regions of different scale, or an area
 * across seconds and cm/s. The message is written for the user and is shown as it is.
 */
public class MeasurementException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public MeasurementException(String message) {
        super(message);
    }
}
