package org.sonocine.imaging;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sonocine.dicom.Attributes;
import org.sonocine.dicom.DicomFile;
import org.sonocine.dicom.Tag;
import org.sonocine.dicom.TransferSyntax;
import org.sonocine.dicom.VR;
import org.sonocine.imaging.codec.DecodeException;
import org.sonocine.testing.ImageHeaders;

import java.io.IOException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Headers that contradict themselves are refused when the file is opened, naming the contradiction; each of these
 * once failed while rendering with an index out of bounds.
 */
class PixelContradictionsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            RGB of 1 sample    | 8 | 8 | 1 | 8 | RGB           | 0 | Photometric Interpretation RGB needs 3 samples per pixel, but Samples per Pixel is 1
            1-bit RGB          | 8 | 8 | 3 | 1 | RGB           | 0 | Bits Allocated 1 is defined for MONOCHROME1 and MONOCHROME2 only, not for RGB
            1-bit palette      | 8 | 8 | 1 | 1 | PALETTE COLOR | 0 | Bits Allocated 1 is defined for MONOCHROME1 and MONOCHROME2 only, not for PALETTE COLOR
            1-bit signed grey  | 8 | 8 | 1 | 1 | MONOCHROME2   | 1 | Bits Allocated 1 with Pixel Representation 1 (signed) is contradictory: one-bit pixels are unsigned
            odd 4:2:2 columns  | 3 | 5 | 3 | 8 | YBR_FULL_422  | 0 | YBR_FULL_422 stores pairs of pixels, but Columns is odd (5)
            4:2:2 of 1 sample  | 4 | 4 | 1 | 8 | YBR_FULL_422  | 0 | Photometric Interpretation YBR_FULL_422 needs 3 samples per pixel, but Samples per Pixel is 1
            native 4:2:0       | 4 | 4 | 3 | 8 | YBR_PARTIAL_420 | 0 | YBR_PARTIAL_420 is defined for compressed pixel data only, but this pixel data is uncompressed
            grey of 3 samples  | 4 | 4 | 3 | 8 | MONOCHROME2   | 0 | Photometric Interpretation MONOCHROME2 needs 1 sample per pixel, but Samples per Pixel is 3
            """)
    void aContradictoryHeaderIsRefusedWithTheContradiction(String name, int rows, int columns, int samples,
                                                           int bitsAllocated, String photometric,
                                                           int pixelRepresentation, String message)
            throws IOException {
        Attributes ds = ImageHeaders.of(rows, columns, samples, bitsAllocated, photometric, 1);
        ds.setInt(Tag.PixelRepresentation, VR.US, pixelRepresentation);
        byte[] pixels = new byte[(int) Math.max(2, (long) rows * columns * samples * bitsAllocated / 8 + 1) & ~1];
        DicomFile file = TestImages.nativeFile(ds, VR.OB, pixels, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        DecodeException e = assertThrows(DecodeException.class, () -> FrameSource.of(file));
        assertThat(e.getMessage()).isEqualTo(message);
    }

    @ParameterizedTest(name = "{0} columns")
    @CsvSource({"5", "6"})
    void compressedFourTwoTwoMayHaveAnOddWidthBecauseItsCodestreamCarriesTheLayout(int columns) throws IOException {
        Attributes ds = ImageHeaders.of(2, columns, 3, 8, "YBR_FULL_422", 1);
        DicomFile file = TestImages.encapsulatedFile(ds, TransferSyntax.JPEG_BASELINE, List.of(new byte[] {1, 2}));
        assertThat(FrameSource.of(file).header().columns()).isEqualTo(columns);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"RGB", "YBR_FULL_422"})
    void aCompressedFrameMayDisagreeWithTheSamplesOfItsPhotometricBecauseTheCodestreamDecides(String photometric)
            throws IOException {
        Attributes ds = ImageHeaders.of(2, 2, 1, 8, photometric, 1);
        DicomFile file = TestImages.encapsulatedFile(ds, TransferSyntax.JPEG_BASELINE, List.of(new byte[] {1, 2}));
        assertThat(FrameSource.of(file).header().samplesPerPixel()).isEqualTo(1);
    }
}
