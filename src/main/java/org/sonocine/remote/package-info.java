/**
 * A DICOMweb client (PS3.18): QIDO-RS searches, WADO-RS metadata, frames and whole instances from an archive the
 * user already runs, a source of data sets and frames beside local files. Its own DICOM JSON reader and
 * multipart/related reader; HTTP through the JDK's client.
 *
 * <p>Depends only on {@code org.sonocine.dicom}, the JDK and Jackson's streaming parser: it knows nothing of
 * imaging, studies or user interfaces, and imports no JavaFX type. Images reach the viewer and the command line
 * through {@code org.sonocine.study.ArchiveImage}; searching, connections and credentials are used directly.
 */
package org.sonocine.remote;
