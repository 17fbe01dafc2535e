package org.sonocine.dicom;

import org.junit.jupiter.api.Test;
import org.sonocine.testing.Samples;

import java.io.IOException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Frames are located without reading pixel data: by size, offset tables, counts or codestream markers. */
class FrameTableTest {
    private static final byte[] SOI = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xDB};

    private static Attributes image(int frames) {
        Attributes ds = new Attributes();
        ds.setString(Tag.SOPClassUID, VR.UI, "1.2.840.10008.5.1.4.1.1.3.1");
        ds.setString(Tag.NumberOfFrames, VR.IS, Integer.toString(frames));
        ds.setInt(Tag.Rows, VR.US, 2);
        ds.setInt(Tag.Columns, VR.US, 3);
        ds.setInt(Tag.SamplesPerPixel, VR.US, 1);
        ds.setInt(Tag.BitsAllocated, VR.US, 8);
        return ds;
    }

    /** Frame k consists of fragments of sizes sizes[k]; each frame's first fragment starts with a JPEG SOI. */
    private static DicomFile encapsulated(int[][] sizes, boolean offsetTable) throws IOException {
        return encapsulated(sizes, offsetTable, sizes.length);
    }

    /** As above, with Number of Frames saying {@code declaredFrames}. */
    private static DicomFile encapsulated(int[][] sizes, boolean offsetTable, int declaredFrames) throws IOException {
        Attributes ds = image(declaredFrames);
        Fragments fragments = new Fragments();
        byte[] bot = new byte[offsetTable ? 4 * sizes.length : 0];
        fragments.add(bot);
        int offset = 0;
        for (int frame = 0; frame < sizes.length; frame++) {
            if (offsetTable) {
                Bytes.putInt32(bot, 4 * frame, offset, false);
            }
            for (int k = 0; k < sizes[frame].length; k++) {
                byte[] f = new byte[sizes[frame][k]];
                if (k == 0) {
                    System.arraycopy(SOI, 0, f, 0, 4);
                }
                f[f.length - 1] = (byte) frame;
                fragments.add(f);
                offset += 8 + f.length;
            }
        }
        ds.set(Tag.PixelData, VR.OB, fragments);
        return DicomFile.read(new DicomWriter(TransferSyntax.JPEG_BASELINE).toPart10Bytes(ds));
    }

    private static long[] lengths(FrameLocation location) {
        return location.segments().stream().mapToLong(FrameLocation.Segment::length).toArray();
    }

    @Test
    void emptyOffsetTableAndMoreFragmentsThanFramesFallsBackToStartMarkers() throws IOException {
        DicomFile file = encapsulated(new int[][] {{10, 6, 4}, {8}, {12, 4}}, false);
        FrameTable table = file.frames();
        assertEquals("codestream start markers", table.method());
        assertArrayEquals(new long[] {10, 6, 4}, lengths(table.get(0)));
        assertArrayEquals(new long[] {8}, lengths(table.get(1)));
        assertArrayEquals(new long[] {12, 4}, lengths(table.get(2)));
    }

    @Test
    void basicOffsetTableMapsFramesToTheirFragments() throws IOException {
        DicomFile file = encapsulated(new int[][] {{10, 6}, {8, 8, 8}, {12}}, true);
        FrameTable table = file.frames();
        assertEquals("Basic Offset Table", table.method());
        assertArrayEquals(new long[] {8, 8, 8}, lengths(table.get(1)));
        byte[] last = file.readBytes(table.get(1).segments().get(2).offset(), 8);
        assertEquals(1, last[7]);
    }

    @Test
    void equalCountsMeanOneFragmentPerFrame() throws IOException {
        FrameTable table = encapsulated(new int[][] {{10}, {8}, {12}}, false).frames();
        assertEquals("one fragment per frame", table.method());
        assertArrayEquals(new long[] {12}, lengths(table.get(2)));
    }

    @Test
    void extendedOffsetTableWinsOverEverythingElse() throws IOException {
        Attributes ds = image(2);
        Fragments fragments = new Fragments();
        fragments.add(new byte[0]);
        fragments.add(new byte[6]);
        fragments.add(new byte[10]);
        byte[] eot = new byte[16];
        Bytes.putInt64(eot, 8, 14, false);
        byte[] eotLengths = new byte[16];
        Bytes.putInt64(eotLengths, 0, 6, false);
        Bytes.putInt64(eotLengths, 8, 10, false);
        ds.setBytes(Tag.ExtendedOffsetTable, VR.OV, eot);
        ds.setBytes(Tag.ExtendedOffsetTableLengths, VR.OV, eotLengths);
        ds.set(Tag.PixelData, VR.OB, fragments);
        FrameTable table = DicomFile.read(new DicomWriter(TransferSyntax.JPEG_BASELINE).toPart10Bytes(ds)).frames();
        assertEquals("Extended Offset Table", table.method());
        assertArrayEquals(new long[] {10}, lengths(table.get(1)));
    }

    @Test
    void nativeFramesLieBackToBack() throws IOException {
        Attributes ds = image(4);
        ds.setBytes(Tag.PixelData, VR.OB, new byte[24]);
        DicomFile file = DicomFile.read(new DicomWriter(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN).toPart10Bytes(ds));
        FrameTable table = file.frames();
        assertEquals(4, table.size());
        long first = table.get(0).segments().get(0).offset();
        assertEquals(first + 18, table.get(3).segments().get(0).offset());
        assertEquals(6, table.get(3).totalLength());
        assertThat(assertThrows(DicomException.class, () -> table.get(4)).getMessage())
                .isEqualTo("there is no frame 5 (the file has 4)");
    }

    @Test
    void singleBitFramesNeedNotStartOnAByte() throws IOException {
        Attributes ds = image(3);
        ds.setInt(Tag.BitsAllocated, VR.US, 1);
        ds.setBytes(Tag.PixelData, VR.OB, new byte[4]);
        FrameTable table = DicomFile.read(new DicomWriter(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN)
                .toPart10Bytes(ds)).frames();
        assertEquals(6, table.get(1).bitOffset());
        assertEquals(2, table.get(1).totalLength());
        assertEquals(4, table.get(2).bitOffset());
    }

    @Test
    void samplesWithoutOffsetTablesAreSplitAtTheirJpegMarkers() throws IOException {
        try (DicomFile file = DicomFile.open(Samples.file("IM00001.fragmented_no_bot_jpeg_baseline.50.dcm"))) {
            FrameTable table = file.frames();
            assertEquals(8, table.size());
            assertEquals("codestream start markers", table.method());
            int fragments = 0;
            for (int i = 0; i < 8; i++) {
                fragments += table.get(i).segments().size();
            }
            assertEquals(44, fragments);
        }
        try (DicomFile file = DicomFile.open(Samples.file("CT0012.fragmented_no_bot_jpeg_baseline.51.dcm"))) {
            assertEquals(List.of(2, 2), List.of(file.frames().size(), (int) java.util.stream.IntStream.range(0, 2)
                    .filter(file.frames()::isLocated).count()));
        }
    }

    @Test
    void offsetTableOfACineIsFollowed() throws IOException {
        try (DicomFile file = DicomFile.open(Samples.file("HasFragmentSequence.dcm"))) {
            assertEquals("Basic Offset Table", file.frames().method());
            assertEquals(96, file.frames().size());
            assertEquals(1, file.frames().get(95).segments().size());
        }
    }

    @Test
    void aFrameCountTheNativePixelDataCannotHoldIsReportedOnceAndNotBelieved() throws IOException {
        Attributes ds = image(Integer.MAX_VALUE);
        ds.setBytes(Tag.PixelData, VR.OB, new byte[2 * 6]);
        DicomFile file = DicomFile.read(new DicomWriter(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN).toPart10Bytes(ds));
        assertEquals(2, file.numberOfFrames());
        assertEquals(2, file.frames().size());
        assertThat(file.warnings()).containsOnlyOnce("the header claims 2147483647 frames, the pixel data holds"
                + " at most 2");
    }

    @Test
    void aFrameCountBeyondTheFragmentsIsReportedOnceAndNotBelieved() throws IOException {
        DicomFile file = encapsulated(new int[][] {{10}, {8}, {12}}, false, 1_000_000);
        assertEquals(3, file.numberOfFrames());
        assertThat(file.warnings()).contains("the header claims 1000000 frames, the pixel data holds at most 3");
        assertTrue(file.frames().isLocated(2));
    }

    @Test
    void aCountThePixelDataHoldsIsTakenAsItIs() throws IOException {
        DicomFile file = encapsulated(new int[][] {{10, 6, 4}, {8}, {12, 4}}, false);
        assertEquals(3, file.numberOfFrames());
        assertThat(file.warnings()).noneMatch(w -> w.contains("claims"));
    }

    @Test
    void aPixelDataLengthTheFileDoesNotHoldBoundsNoFrameCount() throws IOException {
        Attributes ds = image(Integer.MAX_VALUE);
        ds.setBytes(Tag.PixelData, VR.OB, new byte[2 * 6]);
        byte[] bytes = new DicomWriter(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN).toPart10Bytes(ds);
        // Pixel Data declares 0xFFFFFFF0 bytes; the file holds 12.
        Bytes.putInt32(bytes, bytes.length - 12 - 4, 0xFFFFFFF0, false);
        DicomFile file = DicomFile.readLenient(bytes, ReadOptions.DEFAULT);
        assertEquals(2, file.numberOfFrames());
        assertThat(file.warnings()).contains("the header claims 2147483647 frames, the pixel data holds at most 2");
    }

    @Test
    void aFrameSplitIntoFragmentsUnderAnInflatedCountIsStillFoundWhole() throws IOException {
        DicomFile file = encapsulated(new int[][] {{10, 6, 4}}, false, 1000);
        assertEquals(3, file.numberOfFrames(), "bounded by the fragments");
        assertArrayEquals(new long[] {10, 6, 4}, lengths(file.frames().get(0)), "frame 1 keeps its three fragments");
        assertThat(file.frames().isLocated(1)).isFalse();
    }
}
