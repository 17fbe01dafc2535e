/**
 * Sharing a cine outside the viewer: the frames in play order at the file's own timing ({@link
 * org.sonocine.export.ExportPlan}) and the writers that turn them into an MP4 video (H.264, through jcodec), an
 * animated GIF or PNG frames; de-identified DICOM copies ({@link
 * org.sonocine.export.DeidentifiedExport}).
 *
 * <p>Depends on {@code org.sonocine.study}, {@code org.sonocine.imaging} and {@code org.sonocine.dicom}; used by
 * the command line and the viewer; no JavaFX.
 */
package org.sonocine.export;
