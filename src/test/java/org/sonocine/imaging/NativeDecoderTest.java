package org.sonocine.imaging;

import org.sonocine.testing.ImageHeaders;
import org.junit.jupiter.api.Test;
import org.sonocine.dicom.Attributes;
import org.sonocine.dicom.DicomFile;
import org.sonocine.dicom.Tag;
import org.sonocine.dicom.TransferSyntax;
import org.sonocine.dicom.VR;
import org.sonocine.imaging.codec.DecodeException;

import java.io.IOException;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class NativeDecoderTest {

    @Test
    void colourByPlaneIsInterleaved() throws IOException {
        Attributes ds = ImageHeaders.of(1, 2, 3, 8, "RGB", 1);
        ds.setInt(Tag.PlanarConfiguration, VR.US, 1);
        DicomFile file = TestImages.nativeFile(ds, VR.OB, new byte[] {1, 2, 10, 20, 100, (byte) 200},
                TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        StoredFrame frame = FrameSource.of(file).decode(0);
        assertArrayEquals(new byte[] {1, 10, 100, 2, 20, (byte) 200}, frame.data());
        assertEquals(0, frame.layout().planarConfiguration());
    }

    @Test
    void bigEndianWordsBecomeLittleEndian() throws IOException {
        Attributes ds = TestImages.withBigEndian(ImageHeaders.of(1, 2, 1, 16, "MONOCHROME2", 1));
        ds.setInt(Tag.PixelData, VR.OW, 0x1234, 0xABCD);
        DicomFile file = DicomFile.read(new org.sonocine.dicom.DicomWriter(TransferSyntax.EXPLICIT_VR_BIG_ENDIAN)
                .toPart10Bytes(ds));
        StoredFrame frame = FrameSource.of(file).decode(0);
        assertArrayEquals(new byte[] {0x34, 0x12, (byte) 0xCD, (byte) 0xAB}, frame.data());
        assertEquals(0xABCD, frame.sample(1, 0));
    }

    @Test
    void eightBitSamplesInBigEndianOwAreSwappedInPairs() throws IOException {
        Attributes ds = TestImages.withBigEndian(ImageHeaders.of(1, 4, 1, 8, "MONOCHROME2", 1));
        ds.setInt(Tag.PixelData, VR.OW, 0x0102, 0x0304);
        DicomFile file = DicomFile.read(new org.sonocine.dicom.DicomWriter(TransferSyntax.EXPLICIT_VR_BIG_ENDIAN)
                .toPart10Bytes(ds));
        assertArrayEquals(new byte[] {2, 1, 4, 3}, FrameSource.of(file).decode(0).data());
    }

    @Test
    void oddSizedFramesInBigEndianOwAreSwappedFromTheStartOfPixelData() throws IOException {
        // Three frames of 1x3 samples 1..9 and a pad byte: little-endian pairs (1,2) ... (9,pad) as big-endian words.
        Attributes ds = TestImages.withBigEndian(ImageHeaders.of(1, 3, 1, 8, "MONOCHROME2", 3));
        ds.setInt(Tag.PixelData, VR.OW, 0x0201, 0x0403, 0x0605, 0x0807, 0x0009);
        FrameSource source = FrameSource.of(DicomFile.read(new org.sonocine.dicom.DicomWriter(
                TransferSyntax.EXPLICIT_VR_BIG_ENDIAN).toPart10Bytes(ds)));
        assertArrayEquals(new byte[] {1, 2, 3}, source.decode(0).data());
        assertArrayEquals(new byte[] {4, 5, 6}, source.decode(1).data());
        assertArrayEquals(new byte[] {7, 8, 9}, source.decode(2).data());
    }

    @Test
    void aFileCutInsideTheLastPairOfSamplesSaysSo() throws IOException {
        Attributes ds = TestImages.withBigEndian(ImageHeaders.of(1, 3, 1, 8, "MONOCHROME2", 1));
        ds.setInt(Tag.PixelData, VR.OW, 0x0201, 0x0003);
        byte[] bytes = new org.sonocine.dicom.DicomWriter(TransferSyntax.EXPLICIT_VR_BIG_ENDIAN).toPart10Bytes(ds);
        FrameSource source = FrameSource.of(DicomFile.readLenient(java.util.Arrays.copyOf(bytes, bytes.length - 1),
                org.sonocine.dicom.ReadOptions.DEFAULT));
        DecodeException e = assertThrows(DecodeException.class, () -> source.decode(0));
        assertEquals("frame 1 is cut short: the file ends inside its last pair of samples", e.getMessage());
    }

    @Test
    void thirtyTwoBitSamplesInEitherByteOrder() throws IOException {
        Attributes le = ImageHeaders.of(1, 2, 1, 32, "MONOCHROME2", 1);
        le.setInt(Tag.PixelRepresentation, VR.US, 1);
        le.setInt(Tag.PixelData, VR.OL, 70000, -5);
        StoredFrame little = FrameSource.of(DicomFile.read(new org.sonocine.dicom.DicomWriter(
                TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN).toPart10Bytes(le))).decode(0);
        assertEquals(70000, little.sample(0, 0));
        assertEquals(-5, little.sample(1, 0));
        Attributes be = TestImages.withBigEndian(ImageHeaders.of(1, 2, 1, 32, "MONOCHROME2", 1));
        byte[] words = new byte[8];
        org.sonocine.dicom.Bytes.putInt32(words, 0, 70000, true);
        org.sonocine.dicom.Bytes.putInt32(words, 4, 123456789, true);
        be.setBytes(Tag.PixelData, VR.OW, words);
        StoredFrame big = FrameSource.of(DicomFile.read(new org.sonocine.dicom.DicomWriter(
                TransferSyntax.EXPLICIT_VR_BIG_ENDIAN).toPart10Bytes(be))).decode(0);
        assertEquals(70000, big.sample(0, 0));
        assertEquals(123456789, big.sample(1, 0));
    }

    @Test
    void bitsStoredAndHighBitMaskAndSignExtend() throws IOException {
        Attributes ds = ImageHeaders.of(1, 3, 1, 16, "MONOCHROME2", 1);
        ds.setInt(Tag.BitsStored, VR.US, 12);
        ds.setInt(Tag.HighBit, VR.US, 11);
        ds.setInt(Tag.PixelRepresentation, VR.US, 1);
        byte[] pixels = new byte[6];
        org.sonocine.dicom.Bytes.putInt16(pixels, 0, 0xF800, false); // overlay bits above bit 11, value -2048
        org.sonocine.dicom.Bytes.putInt16(pixels, 2, 0x07FF, false);
        org.sonocine.dicom.Bytes.putInt16(pixels, 4, 0xFFFF, false);
        StoredFrame frame = FrameSource.of(TestImages.nativeFile(ds, VR.OW, pixels,
                TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN)).decode(0);
        assertEquals(-2048, frame.sample(0, 0));
        assertEquals(2047, frame.sample(1, 0));
        assertEquals(-1, frame.sample(2, 0));
        assertArrayEquals(pixels, frame.data(), "stored values keep the words as written");
    }

    @Test
    void singleBitFramesAreRealignedToTheirFirstPixel() throws IOException {
        Attributes ds = ImageHeaders.of(1, 3, 1, 1, "MONOCHROME2", 3);
        // frames 101, 011, 110 packed LSB first: bits 1 0 1 | 0 1 1 | 1 1 0
        DicomFile file = TestImages.nativeFile(ds, VR.OB, new byte[] {(byte) 0b1111_0101, 0, 0, 0},
                TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        FrameSource source = FrameSource.of(file);
        StoredFrame second = source.decode(1);
        assertEquals(0, second.sample(0, 0));
        assertEquals(1, second.sample(1, 0));
        assertEquals(1, second.sample(2, 0));
        StoredFrame third = source.decode(2);
        assertEquals(1, third.sample(0, 0));
        assertEquals(1, third.sample(1, 0));
        assertEquals(0, third.sample(2, 0));
    }

    @Test
    void framesBeforeATruncationDecodeAndTheCutOneSaysSo() throws IOException {
        Attributes ds = ImageHeaders.of(2, 2, 1, 8, "MONOCHROME2", 3);
        ds.setBytes(Tag.PixelData, VR.OB, new byte[12]);
        byte[] whole = new org.sonocine.dicom.DicomWriter(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN).toPart10Bytes(ds);
        DicomFile cut = DicomFile.readLenient(Arrays.copyOf(whole, whole.length - 3),
                org.sonocine.dicom.ReadOptions.DEFAULT);
        FrameSource source = FrameSource.of(cut);
        assertEquals(4, source.decode(0).data().length);
        assertEquals(4, source.decode(1).data().length);
        DecodeException e = assertThrows(DecodeException.class, () -> source.decode(2));
        assertEquals("frame 3 is cut short: the file holds 1 of its 4 bytes", e.getMessage());
    }

    @Test
    void unsupportedSyntaxesSayWhatTheyAre() throws IOException {
        Attributes ds = ImageHeaders.of(2, 2, 3, 8, "YBR_PARTIAL_420", 1);
        DicomFile file = TestImages.encapsulatedFile(ds, org.sonocine.dicom.TransferSyntax.of("1.2.840.10008.1.2.4.107"),
                java.util.List.of(new byte[] {0, 0, 0, 1}));
        DecodeException e = assertThrows(DecodeException.class, () -> FrameSource.of(file).decode(0));
        assertThat(e.getMessage()).isEqualTo("Sonocine cannot decode HEVC/H.265 video pixel data"
                + " (HEVC/H.265 Main Profile / Level 5.1, 1.2.840.10008.1.2.4.107)");
    }

    @Test
    void nonsenseImageHeadersAreRefusedBeforeAllocating() throws IOException {
        Attributes ds = ImageHeaders.of(65535, 65535, 3, 16, "RGB", 1);
        DicomFile file = TestImages.nativeFile(ds, VR.OW, new byte[4], TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        DecodeException e = assertThrows(DecodeException.class, () -> FrameSource.of(file));
        assertThat(e.getMessage()).contains("is larger than Sonocine decodes");
    }
}
