package org.sonocine.dicom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** A binary value shorter than its VR's width is no number, read like text that does not parse. */
class ShortBinaryValueTest {

    @Test
    void fourByteVrsHoldingTwoBytesGiveTheDefault() {
        for (VR vr : new VR[] {VR.OL, VR.OF, VR.UL, VR.FL}) {
            Attributes ds = new Attributes();
            ds.setBytes(Tag.Rows, vr, new byte[] {4, 0});
            assertEquals(-1, ds.getInt(Tag.Rows, -1), vr.name());
            assertThat(ds.getDouble(Tag.Rows)).as(vr.name()).isNaN();
            assertThat(ds.getInts(Tag.Rows)).as(vr.name()).isEmpty();
        }
    }

    @Test
    void eightByteVrsHoldingFourBytesGiveTheDefault() {
        Attributes ds = new Attributes();
        ds.setBytes(Tag.WindowCenter, VR.OD, new byte[] {0, 0, (byte) 0x80, 0x3F});
        assertThat(ds.getDouble(Tag.WindowCenter)).isNaN();
        assertEquals(7L, ds.getLong(Tag.WindowCenter, 0, 7L));
    }

    @Test
    void wholeValuesAreStillRead() {
        Attributes ds = new Attributes();
        ds.setBytes(Tag.Rows, VR.OL, new byte[] {4, 0, 0, 0});
        assertEquals(4, ds.getInt(Tag.Rows, -1));
    }
}
