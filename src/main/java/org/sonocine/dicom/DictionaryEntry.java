package org.sonocine.dicom;

import java.util.List;

/**
 * One PS3.6 data element: {@code vrs} lists the VRs the standard allows (e.g. "US or SS"), the first being the
 * default where the encoding does not say.
 */
public record DictionaryEntry(int tag, List<VR> vrs, String vm, String keyword, String name, boolean retired) {

    public VR vr() {
        return vrs.isEmpty() ? VR.UN : vrs.get(0);
    }
}
