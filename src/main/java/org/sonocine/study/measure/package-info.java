/**
 * Calibrated measurement: which ultrasound region (or Pixel Spacing, or nothing) gives the physical scale of a set
 * of points on one frame, the physical value of a point (PS3.3 C.8.5.5.1), and the measurements built on it
 * (distance, point readout, area, time interval and heart rate, velocity and pressure gradient, slope,
 * velocity–time integral). The command line's {@code measure} and the viewer's measuring tools both use it, so
 * a value is computed in one place.
 *
 * <p>A measurement the data cannot support is refused with a {@link org.sonocine.study.measure.MeasurementException}
 * whose message a user can read; nothing falls back silently to another region's scale.
 *
 * <p>Depends on {@code org.sonocine.study} and {@code org.sonocine.dicom}; no JavaFX.
 */
package org.sonocine.study.measure;
