/**
 * DICOM Part 10 reading and writing: tags, VRs, the data dictionary, transfer syntaxes, character sets,
 * sequences, encapsulated pixel data locations, DICOMDIR, the JSON model.
 *
 * <p>Knows nothing of imaging, studies or user interfaces: depends on no other Sonocine package and on no
 * JavaFX type.
 */
package org.sonocine.dicom;
