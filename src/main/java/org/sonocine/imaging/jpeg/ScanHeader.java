package org.sonocine.imaging.jpeg;

import java.util.ArrayList;
import java.util.List;

import org.sonocine.imaging.codec.DecodeException;

/**
 * A start-of-scan segment: the frame components coded in the scan with their Huffman table selectors, and the
 * spectral/approximation parameters, which for lossless JPEG carry the predictor (Ss) and point transform (Al).
 */
record ScanHeader(List<ScanHeader.Component> components, int ss, int se, int ah, int al) {

    /** A component of the scan: its index in the frame and its DC (or lossless) and AC table selectors. */
    record Component(int frameIndex, int dcTable, int acTable) {
    }

    static ScanHeader read(Segment segment, FrameHeader frame) throws DecodeException {
        int count = segment.u8();
        if (count < 1 || count > 4 || segment.remaining() != 2 * count + 3) {
            throw new DecodeException("SOS segment is malformed (" + count + " components, length mismatch)");
        }
        List<Component> components = new ArrayList<>(count);
        boolean[] seen = new boolean[frame.componentCount()];
        for (int i = 0; i < count; i++) {
            int id = segment.u8();
            int tables = segment.u8();
            int index = frame.indexOf(id);
            if (index < 0) {
                throw new DecodeException("scan refers to component " + id + ", which the frame does not have");
            }
            if (seen[index]) {
                throw new DecodeException("scan lists component " + id + " twice");
            }
            seen[index] = true;
            components.add(new Component(index, tables >> 4, tables & 15));
        }
        int ss = segment.u8();
        int se = segment.u8();
        int approximation = segment.u8();
        return new ScanHeader(components, ss, se, approximation >> 4, approximation & 15);
    }

    boolean isInterleaved() {
        return components.size() > 1;
    }
}
