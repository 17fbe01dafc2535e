package org.sonocine.imaging;

import org.junit.jupiter.api.Test;
import org.sonocine.dicom.Attributes;
import org.sonocine.dicom.Tag;
import org.sonocine.dicom.VR;
import org.sonocine.imaging.codec.DecodeException;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class PaletteLutTest {

    @Test
    void segmentedTablesExpandDiscreteLinearAndIndirectSegments() throws DecodeException {
        // discrete 0, 10; linear 4 steps to 50; indirect: replay the first (discrete) segment
        int[] segments = {0, 2, 0, 10, 1, 4, 50, 2, 1, 0, 0};
        assertArrayEquals(new int[] {0, 10, 20, 30, 40, 50, 0, 10}, SegmentedLut.expand(segments, 8));
    }

    @Test
    void linearSegmentsEndExactlyOnTheirValue() throws DecodeException {
        assertArrayEquals(new int[] {100, 133, 167, 200}, SegmentedLut.expand(new int[] {0, 1, 100, 1, 3, 200}, 4));
    }

    @Test
    void sixteenBitEntriesKeepTheirHighByteAndValuesOutsideTheTableClamp() throws DecodeException {
        Attributes ds = new Attributes();
        for (int[] t : new int[][] {
            {Tag.RedPaletteColorLookupTableDescriptor, Tag.RedPaletteColorLookupTableData},
            {Tag.GreenPaletteColorLookupTableDescriptor, Tag.GreenPaletteColorLookupTableData},
            {Tag.BluePaletteColorLookupTableDescriptor, Tag.BluePaletteColorLookupTableData}}) {
            ds.setInt(t[0], VR.US, 3, 10, 16);
            ds.setInt(t[1], VR.OW, 0x0000, 0x8000, 0xFFFF);
        }
        PaletteLut lut = PaletteLut.of(ds);
        assertEquals(0xFF000000, lut.argb(0));
        assertEquals(0xFF000000, lut.argb(10));
        assertEquals(0xFF808080, lut.argb(11));
        assertEquals(0xFFFFFFFF, lut.argb(12));
        assertEquals(0xFFFFFFFF, lut.argb(300));
    }

    @Test
    void eightBitEntriesPackedTwoToAWordAreRecognised() throws DecodeException {
        Attributes ds = new Attributes();
        for (int[] t : new int[][] {
            {Tag.RedPaletteColorLookupTableDescriptor, Tag.RedPaletteColorLookupTableData},
            {Tag.GreenPaletteColorLookupTableDescriptor, Tag.GreenPaletteColorLookupTableData},
            {Tag.BluePaletteColorLookupTableDescriptor, Tag.BluePaletteColorLookupTableData}}) {
            ds.setInt(t[0], VR.US, 4, 0, 8);
            ds.setBytes(t[1], VR.OW, new byte[] {1, 2, 3, 4});
        }
        assertEquals(0xFF030303, PaletteLut.of(ds).argb(2));
    }
}
