package org.sonocine.imaging;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sonocine.dicom.Attributes;
import org.sonocine.dicom.DicomFile;
import org.sonocine.dicom.Tag;
import org.sonocine.dicom.TransferSyntax;
import org.sonocine.dicom.VR;
import org.sonocine.imaging.jpeg2000.OpenJpegTools;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * JPEG 2000 frames whose codestream says more about their colour than the header, through the frame-decoder path a
 * viewer uses. A YBR_FULL_422 frame whose codestream holds the chroma at half width (4:2:2 in the codestream, without
 * a component transform) comes out Rows x Columns x 3 as YBR_FULL, each chroma sample repeated over the two pixels
 * it covers; a frame labelled YBR_FULL whose codestream is RCT-coded comes out as the RGB it decodes to, with a
 * note. The codestreams are made losslessly by OpenJPEG's {@code opj_compress} from samples written here; skipped,
 * with a message, where it is not installed.
 */
class Jpeg2000SubsampledFrameTest {
    private static final int COLUMNS = 24;
    private static final int ROWS = 10;

    @TempDir
    Path dir;

    @Test
    void aFourTwoTwoFrameComesOutFullSizeAsYbrFull() throws Exception {
        OpenJpegTools.assumeInstalled("subsampled frame not made");
        int half = COLUMNS / 2;
        int[][] planes = planes(31, COLUMNS * ROWS, half * ROWS, half * ROWS);

        StoredFrame decoded = encodedAndDecoded(planes, "u@1x1:2x1:2x1", "0", "YBR_FULL_422");

        assertThat(decoded.layout().photometric()).isEqualTo(Photometric.YBR_FULL);
        assertThat(decoded.layout().columns()).isEqualTo(COLUMNS);
        assertThat(decoded.layout().rows()).isEqualTo(ROWS);
        int mismatches = 0;
        for (int y = 0; y < ROWS; y++) {
            for (int x = 0; x < COLUMNS; x++) {
                int pixel = y * COLUMNS + x;
                mismatches += decoded.sample(pixel, 0) == planes[0][pixel] ? 0 : 1;
                for (int c = 1; c < 3; c++) {
                    mismatches += decoded.sample(pixel, c) == planes[c][y * half + x / 2] ? 0 : 1;
                }
            }
        }
        assertThat(mismatches).as("samples that differ from those encoded").isZero();
    }

    @Test
    void aColourTransformedFrameLabelledYbrFullComesOutAsTheRgbItHolds() throws Exception {
        OpenJpegTools.assumeInstalled("colour-transformed frame not made");
        int[][] planes = planes(17, COLUMNS * ROWS, COLUMNS * ROWS, COLUMNS * ROWS);

        StoredFrame decoded = encodedAndDecoded(planes, "u", "1", "YBR_FULL");

        assertThat(decoded.layout().photometric()).isEqualTo(Photometric.RGB);
        assertThat(decoded.note()).isEqualTo("the JPEG 2000 codestream is colour-transformed (RCT/ICT), so it"
                + " decodes to RGB; the header says YBR_FULL");
        int mismatches = 0;
        for (int pixel = 0; pixel < COLUMNS * ROWS; pixel++) {
            for (int c = 0; c < 3; c++) {
                mismatches += decoded.sample(pixel, c) == planes[c][pixel] ? 0 : 1;
            }
        }
        assertThat(mismatches).as("samples that differ from those encoded").isZero();
    }

    /** Three planes of 8-bit samples of the given sizes, a different pattern in each. */
    private static int[][] planes(int step, int... sizes) {
        int[][] planes = new int[sizes.length][];
        for (int c = 0; c < sizes.length; c++) {
            planes[c] = new int[sizes[c]];
            for (int i = 0; i < sizes[c]; i++) {
                planes[c][i] = (i * (step + 40 * c) + (i / 7) * 13 + c * 50) & 0xFF;
            }
        }
        return planes;
    }

    /**
     * The planes coded losslessly by opj_compress (its raw-input {@code -F} sign/subsampling suffix and {@code -mct}
     * as given), in a DICOM file whose header says {@code photometric}, and the first frame decoded back.
     */
    private StoredFrame encodedAndDecoded(int[][] planes, String format, String mct, String photometric)
            throws Exception {
        byte[] raw = new byte[java.util.Arrays.stream(planes).mapToInt(p -> p.length).sum()];
        int at = 0;
        for (int[] plane : planes) {
            for (int v : plane) {
                raw[at++] = (byte) v;
            }
        }
        Path input = dir.resolve("in.raw");
        Files.write(input, raw);
        Path coded = dir.resolve("in.j2k");
        OpenJpegTools.run(List.of("opj_compress", "-i", input.toString(), "-o", coded.toString(), "-F",
                COLUMNS + "," + ROWS + ",3,8," + format, "-mct", mct, "-n", "2"));
        Attributes header = header();
        header.setString(Tag.PhotometricInterpretation, VR.CS, photometric);
        TransferSyntax syntax = TransferSyntax.of("1.2.840.10008.1.2.4.90");
        DicomFile file = TestImages.encapsulatedFile(header, syntax, List.of(Files.readAllBytes(coded)));
        return FrameDecoders.decode(FrameDecoders.forSyntax(syntax), FrameSource.of(file).read(0));
    }

    private static Attributes header() {
        Attributes ds = new Attributes(false, 16);
        ds.setString(Tag.SOPClassUID, VR.UI, "1.2.840.10008.5.1.4.1.1.6.1");
        ds.setString(Tag.SOPInstanceUID, VR.UI, "2.25.8");
        ds.setInt(Tag.SamplesPerPixel, VR.US, 3);
        ds.setString(Tag.PhotometricInterpretation, VR.CS, "YBR_FULL_422");
        ds.setInt(Tag.PlanarConfiguration, VR.US, 0);
        ds.setInt(Tag.Rows, VR.US, ROWS);
        ds.setInt(Tag.Columns, VR.US, COLUMNS);
        ds.setInt(Tag.BitsAllocated, VR.US, 8);
        ds.setInt(Tag.BitsStored, VR.US, 8);
        ds.setInt(Tag.HighBit, VR.US, 7);
        ds.setInt(Tag.PixelRepresentation, VR.US, 0);
        return ds;
    }
}
