/**
 * The domain a user sees: exam folders and DICOMDIRs scanned into patients, studies, series and instances, and
 * the typed views of a header a reader of an ultrasound exam wants: {@link org.sonocine.study.ImageInfo},
 * {@link org.sonocine.study.CineTiming}, {@link org.sonocine.study.Geometry}. Calibrated measurement, shared by the
 * command line and the viewer, is in {@code org.sonocine.study.measure}.
 *
 * Images held by an archive ({@link org.sonocine.study.ArchiveImage}, kept on disk by
 * {@link org.sonocine.study.RemoteCache}) join the same pipeline as local files.
 *
 * <p>Depends on {@code org.sonocine.imaging}, {@code org.sonocine.remote} and {@code org.sonocine.dicom}; no JavaFX.
 */
package org.sonocine.study;
