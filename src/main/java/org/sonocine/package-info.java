/**
 * Sonocine, a viewer for ultrasound DICOM cine loops. {@link org.sonocine.Main} starts the command line
 * ({@code org.sonocine.cli}) or the viewer ({@code org.sonocine.ui}); the layers below are
 * {@code cine -> study -> imaging -> dicom}.
 */
package org.sonocine;
