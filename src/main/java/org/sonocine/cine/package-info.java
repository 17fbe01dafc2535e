/**
 * Playback: the cine clock (rates, trim, loop or sweep, speed, dropping frames to stay in real time) and the
 * frame cache that decodes ahead of the playhead within a memory budget.
 *
 * <p>No JavaFX types in its API, so it is testable without a toolkit; time comes from an injectable clock and
 * work runs on an injectable executor. Depends on study, imaging and dicom.
 */
package org.sonocine.cine;
