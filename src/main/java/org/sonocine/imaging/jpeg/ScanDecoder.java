package org.sonocine.imaging.jpeg;

import org.sonocine.imaging.codec.DecodeException;
import org.sonocine.imaging.codec.RawImage;

/** Decodes the scans of one frame, of one coding process, and delivers the image once they are done. */
sealed interface ScanDecoder permits DctScanDecoder, ProgressiveScanDecoder, LosslessScanDecoder {

    /** Decodes the entropy-coded data of {@code scan} from {@code in}. */
    void decodeScan(ScanHeader scan, DecoderTables tables, BitReader in) throws DecodeException;

    /**
     * Whether the image is complete: every component has been coded, no further scan may follow, and the data may
     * end without EOI.
     */
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
