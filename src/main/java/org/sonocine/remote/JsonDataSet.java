package org.sonocine.remote;

import org.sonocine.dicom.Attributes;

import java.util.List;
import java.util.Map;

/**
 * A data set read from the DICOM JSON model, with what the model only points at: the BulkDataURI of each value
 * left on the server (keyed by tag path, e.g. "7FE00010" or "00082112[0].00081155"), and what was skipped.
 */
public record JsonDataSet(Attributes attributes, Map<String, String> bulkDataUris, List<String> warnings) {
}
