package org.sonocine.imaging.jpeg;

import org.sonocine.imaging.DecodeException;
import org.sonocine.imaging.RawImage;

/** Decodes the scans of one frame, of one coding process, and delivers the image once they are done. */
sealed interface ScanDecoder permits DctScanDecoder, LosslessScanDecoder {

    /** Decodes the entropy-coded data of {@code scan} from {@code in}. */
    void decodeScan(ScanHeader scan, DecoderTables tables, BitReader in) throws DecodeException;

    /** Whether every component of the frame has been coded by some scan. */
    boolean isComplete();

    /** The image; components that no scan coded are filled as libjpeg fills them. */
    RawImage finish() throws DecodeException;

    /** Whether every component has been coded by some scan. */
    static boolean allCoded(boolean[] coded) {
        for (boolean c : coded) {
            if (!c) {
                return false;
            }
        }
        return true;
    }
}
