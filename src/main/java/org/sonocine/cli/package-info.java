/**
 * The command line ({@code sonocine info|dump|frames|bench|scan}) over the study, imaging and dicom packages.
 * Starts no JavaFX.
 */
package org.sonocine.cli;
