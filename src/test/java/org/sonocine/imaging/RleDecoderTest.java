package org.sonocine.imaging;

import org.sonocine.testing.ImageHeaders;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.sonocine.dicom.Attributes;
import org.sonocine.dicom.DicomFile;
import org.sonocine.dicom.TransferSyntax;
import org.sonocine.imaging.codec.DecodeException;

import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class RleDecoderTest {

    private static byte[] smoothImage(int pixels, int samples, int bytesPerSample, long seed) {
        Random random = new Random(seed);
        byte[] data = new byte[pixels * samples * bytesPerSample];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i % 97 < 60 ? (i / 200) : random.nextInt(256));
        }
        return data;
    }

    @ParameterizedTest(name = "{0} samples of {1} bits")
    @CsvSource({"1, 8", "1, 16", "3, 8", "3, 16", "1, 32"})
    void roundTripsEveryLayout(int samples, int bits) throws IOException {
        int rows = 17;
        int columns = 23;
        byte[] pixels = smoothImage(rows * columns, samples, bits / 8, 7);
        Attributes ds = ImageHeaders.of(rows, columns, samples, bits, samples == 3 ? "RGB" : "MONOCHROME2", 2);
        byte[] second = pixels.clone();
        second[5] ^= 0x55;
        DicomFile file = TestImages.encapsulatedFile(ds, TransferSyntax.RLE_LOSSLESS, List.of(
                RleEncoder.encode(pixels, rows * columns, samples, bits / 8),
                RleEncoder.encode(second, rows * columns, samples, bits / 8)));
        FrameSource source = FrameSource.of(file);
        assertArrayEquals(pixels, source.decode(0).data());
        assertArrayEquals(second, source.decode(1).data());
    }

    @Test
    void segmentCountThatDoesNotFitTheHeaderIsRefused() throws IOException {
        byte[] pixels = smoothImage(16, 1, 1, 1);
        Attributes ds = ImageHeaders.of(4, 4, 3, 8, "RGB", 1);
        DicomFile file = TestImages.encapsulatedFile(ds, TransferSyntax.RLE_LOSSLESS,
                List.of(RleEncoder.encode(pixels, 16, 1, 1)));
        DecodeException e = assertThrows(DecodeException.class, () -> FrameSource.of(file).decode(0));
        assertThat(e.getMessage()).isEqualTo("RLE frame 1 has 1 segments; 3 samples of 8 bits need 3");
    }

    @Test
    void shortSegmentIsReportedAsTruncated() throws IOException {
        byte[] pixels = new byte[256];
        new Random(3).nextBytes(pixels);
        byte[] rle = RleEncoder.encode(pixels, 256, 1, 1);
        Attributes ds = ImageHeaders.of(16, 16, 1, 8, "MONOCHROME2", 1);
        DicomFile file = TestImages.encapsulatedFile(ds, TransferSyntax.RLE_LOSSLESS,
                List.of(Arrays.copyOf(rle, rle.length - 10)));
        DecodeException e = assertThrows(DecodeException.class, () -> FrameSource.of(file).decode(0));
        assertThat(e.getMessage()).startsWith("RLE frame 1: segment 1 decodes to").endsWith("(truncated or corrupt)");
    }

    @Test
    void damagedFramesFailCleanly() throws IOException {
        byte[] pixels = smoothImage(400, 3, 1, 5);
        byte[] rle = RleEncoder.encode(pixels, 400, 3, 1);
        Attributes ds = ImageHeaders.of(20, 20, 3, 8, "RGB", 1);
        Random random = new Random(11);
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            for (int attempt = 0; attempt < 500; attempt++) {
                byte[] damaged = Arrays.copyOf(rle, 1 + random.nextInt(rle.length));
                for (int k = 0; k < 4; k++) {
                    damaged[random.nextInt(damaged.length)] = (byte) random.nextInt(256);
                }
                FrameSource source = FrameSource.of(TestImages.encapsulatedFile(ImageHeaders.of(20, 20, 3, 8,
                        "RGB", 1), TransferSyntax.RLE_LOSSLESS, List.of(damaged)));
                try {
                    source.decode(0);
                } catch (DecodeException expected) {
                    assertThat(expected.getMessage()).startsWith("RLE frame 1");
                }
            }
        });
        assertThat(ds.size()).isPositive();
    }

    @Test
    void oneBitFramesAreOneSegmentOfPackedBitsEachStartingOnAByte() throws IOException {
        byte[] first = {(byte) 0b1010_0101, 0x3C, (byte) 0xFF, 0x01};
        byte[] second = {0x00, (byte) 0x81, 0x7E, 0x01};
        Attributes ds = ImageHeaders.of(5, 5, 1, 1, "MONOCHROME2", 2);
        DicomFile file = TestImages.encapsulatedFile(ds, TransferSyntax.RLE_LOSSLESS, List.of(
                RleEncoder.encode(first, 4, 1, 1), RleEncoder.encode(second, 4, 1, 1)));
        FrameSource source = FrameSource.of(file);
        assertArrayEquals(first, source.decode(0).data());
        assertArrayEquals(second, source.decode(1).data());
        assertThat(source.decode(1).sample(8, 0)).isEqualTo(1);
    }

    @Test
    void aTinySegmentUnderAHugeImageIsRefusedBeforeAnythingIsAllocated() throws IOException {
        Attributes ds = ImageHeaders.of(15000, 15000, 1, 8, "MONOCHROME2", 1);
        DicomFile file = TestImages.encapsulatedFile(ds, TransferSyntax.RLE_LOSSLESS,
                List.of(RleEncoder.encode(new byte[64], 64, 1, 1)));
        FrameSource source = FrameSource.of(file);
        DecodeException e = assertThrows(DecodeException.class, () -> source.decode(0));
        assertThat(e.getMessage()).matches("RLE frame 1: segment 1 of \\d+ bytes cannot hold the 225000000 bytes of"
                + " its plane \\(truncated or corrupt\\)");
    }

    @Test
    void anImageWhosePixelsCannotBeCountedIsRefused() throws IOException {
        Attributes ds = ImageHeaders.of(65535, 65535, 1, 1, "MONOCHROME2", 1);
        DicomFile file = TestImages.encapsulatedFile(ds, TransferSyntax.RLE_LOSSLESS, List.of(new byte[64]));
        DecodeException e = assertThrows(DecodeException.class, () -> FrameSource.of(file));
        assertThat(e.getMessage()).isEqualTo("one frame of 65535 x 65535 pixels of 1 samples is larger than Sonocine"
                + " decodes");
    }
}
