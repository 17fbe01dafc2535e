package org.sonocine.imaging.jpeg;

import java.util.ArrayList;
import java.util.List;

/** Where the markers of a test codestream are, found by walking its segments and scans (not by a byte search). */
final class JpegMarkers {
    private JpegMarkers() {
    }

    /** The code of the frame header (C0..CF), or -1 when there is none. */
    static int startOfFrame(byte[] data) {
        for (int position : positions(data)) {
            int code = data[position + 1] & 0xFF;
            if (Marker.isStartOfFrame(code)) {
                return code;
            }
        }
        return -1;
    }

    /** Index of the 0xFF of each SOS marker, in order. */
    static List<Integer> scans(byte[] data) {
        List<Integer> scans = new ArrayList<>();
        for (int position : positions(data)) {
            if ((data[position + 1] & 0xFF) == Marker.SOS) {
                scans.add(position);
            }
        }
        return scans;
    }

    /** Index of the first byte of the entropy-coded data that follows the SOS marker at {@code scan}. */
    static int scanData(byte[] data, int scan) {
        return scan + 2 + ((data[scan + 2] & 0xFF) << 8 | data[scan + 3] & 0xFF);
    }

    /** Index of the 0xFF of every marker after SOI other than restart markers. */
    private static List<Integer> positions(byte[] data) {
        List<Integer> positions = new ArrayList<>();
        int p = 2;
        while (p + 1 < data.length) {
            int code = data[p + 1] & 0xFF;
            positions.add(p);
            if (code == Marker.EOI) {
                break;
            }
            p += 2 + ((data[p + 2] & 0xFF) << 8 | data[p + 3] & 0xFF);
            if (code == Marker.SOS) {
                // entropy-coded data: FF 00 is a data byte, FF D0..D7 a restart marker
                while (p + 1 < data.length && !(data[p] == (byte) 0xFF && data[p + 1] != 0
                        && !Marker.isRestart(data[p + 1] & 0xFF))) {
                    p++;
                }
            }
        }
        return positions;
    }
}
