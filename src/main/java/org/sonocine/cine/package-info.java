/**
 * Playback: the cine clock (rates, trim, loop or sweep, speed, dropping frames to stay in real time), the
 * frame cache that decodes ahead of the playhead within a memory budget, in the order frames are due, and
 * {@link org.sonocine.cine.Playback}, which joins them with the decisions of what to decode and show: the one
 * pipeline the window and {@code bench --playback} both run.
 *
 * <p>No JavaFX types in its API, so it is testable without a toolkit; time comes from an injectable clock and
 * work runs on an injectable executor. Depends on study, imaging and dicom.
 */
package org.sonocine.cine;
