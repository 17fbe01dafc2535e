/**
 * The command line ({@code sonocine info|dump|frames|bench|scan|measure|export}) over the export, study, imaging
 * and dicom packages.
 * Starts no JavaFX.
 */
package org.sonocine.cli;
