package org.sonocine.imaging;

import org.junit.jupiter.api.Test;
import org.sonocine.dicom.Attributes;
import org.sonocine.dicom.DicomFile;
import org.sonocine.dicom.TransferSyntax;
import org.sonocine.imaging.codec.DecodeException;
import org.sonocine.testing.ImageHeaders;
import org.sonocine.testing.Samples;

import java.io.IOException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Files cut short: the frames that are whole still decode; the others say why they cannot. */
class BrokenPixelDataTest {

    @Test
    void aJpeg2000CineCutBeforeItsDelimiterStillDecodesEveryWholeFrame() throws IOException {
        try (DicomFile cut = DicomFile.openLenient(Samples.file("emri_small_jpeg_2k_lossless_too_short.dcm"));
             DicomFile whole = DicomFile.open(Samples.file("emri_small_big_endian.dcm"))) {
            assertTrue(cut.problem().isPresent(), "the missing delimiter is reported");
            FrameSource damaged = FrameSource.of(cut);
            FrameSource reference = FrameSource.of(whole);
            for (int i = 0; i < 10; i++) {
                assertArrayEquals(reference.decode(i).data(), damaged.decode(i).data(), "frame " + (i + 1));
            }
        }
    }

    @Test
    void aNativeFrameCutShortSaysHowMuchIsThere() throws IOException {
        try (DicomFile cut = DicomFile.openLenient(Samples.file("MR_truncated.dcm"))) {
            DecodeException e = assertThrows(DecodeException.class, () -> FrameSource.of(cut).decode(0));
            assertThat(e.getMessage()).isEqualTo("frame 1 is cut short: the file holds 8130 of its 8192 bytes");
        }
    }

    @Test
    void aPixelDataElementClaimingGigabytesIsRefusedBeforeAnythingIsAllocated() throws IOException {
        try (DicomFile file = DicomFile.openLenient(Samples.file("3gb-bulk-data-truncated"))) {
            DecodeException e = assertThrows(DecodeException.class, () -> FrameSource.of(file).decode(0));
            assertThat(e.getMessage()).contains("is larger than Sonocine decodes");
        }
    }

    @Test
    void aFrameLargerThanTheHeapCanDecodeIsRefusedBeforeDecoding() throws IOException {
        Attributes ds = ImageHeaders.of(26_000, 26_000, 3, 8, "RGB", 1);
        long values = 26_000L * 26_000 * 3;
        long heap = Runtime.getRuntime().maxMemory();
        assumeTrue(values > heap / 3, "this JVM's heap could decode the frame");
        DicomFile file = TestImages.encapsulatedFile(ds, TransferSyntax.RLE_LOSSLESS, List.of(new byte[64]));
        DecodeException e = assertThrows(DecodeException.class, () -> FrameSource.of(file).decode(0));
        assertThat(e.getMessage()).isEqualTo("frame 1 needs " + (values >> 20) + " MiB for its values alone, more"
                + " than Sonocine can decode in the " + (heap >> 20) + " MiB of memory it has");
    }
}
