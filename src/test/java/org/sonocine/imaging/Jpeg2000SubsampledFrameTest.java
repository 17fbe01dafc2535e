package org.sonocine.imaging;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sonocine.dicom.Attributes;
import org.sonocine.dicom.DicomFile;
import org.sonocine.dicom.Tag;
import org.sonocine.dicom.TransferSyntax;
import org.sonocine.dicom.VR;
import org.sonocine.imaging.jpeg2000.OpenJph;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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
        boolean present = OpenJph.tool("opj_compress") != null;
        if (!present) {
            System.out.println("SKIPPED: opj_compress (OpenJPEG) not installed; subsampled frame not made");
        }
        assumeTrue(present, "opj_compress (OpenJPEG) not installed");
        int half = COLUMNS / 2;
        int[][] planes = {new int[COLUMNS * ROWS], new int[half * ROWS], new int[half * ROWS]};
        byte[] raw = new byte[COLUMNS * ROWS + 2 * half * ROWS];
        int at = 0;
        for (int c = 0; c < 3; c++) {
            for (int i = 0; i < planes[c].length; i++) {
                planes[c][i] = (i * (31 + 40 * c) + (i / 7) * 13 + c * 50) & 0xFF;
                raw[at++] = (byte) planes[c][i];
            }
        }
        Path input = dir.resolve("in.raw");
        Files.write(input, raw);
        Path coded = dir.resolve("in.j2k");
        run(List.of("opj_compress", "-i", input.toString(), "-o", coded.toString(), "-F",
                COLUMNS + "," + ROWS + ",3,8,u@1x1:2x1:2x1", "-mct", "0", "-n", "2"));

        DicomFile file = TestImages.encapsulatedFile(header(), TransferSyntax.of("1.2.840.10008.1.2.4.90"),
                List.of(Files.readAllBytes(coded)));
        FrameSource source = FrameSource.of(file);
        TransferSyntax syntax = TransferSyntax.of("1.2.840.10008.1.2.4.90");
        StoredFrame decoded = FrameDecoders.decode(FrameDecoders.forSyntax(syntax), source.read(0));

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
        boolean present = OpenJph.tool("opj_compress") != null;
        if (!present) {
            System.out.println("SKIPPED: opj_compress (OpenJPEG) not installed; colour-transformed frame not made");
        }
        assumeTrue(present, "opj_compress (OpenJPEG) not installed");
        int[][] planes = new int[3][COLUMNS * ROWS];
        byte[] raw = new byte[3 * COLUMNS * ROWS];
        int at = 0;
        for (int c = 0; c < 3; c++) {
            for (int i = 0; i < planes[c].length; i++) {
                planes[c][i] = (i * (17 + 23 * c) + (i / 5) * 29 + c * 70) & 0xFF;
                raw[at++] = (byte) planes[c][i];
            }
        }
        Path input = dir.resolve("rgb.raw");
        Files.write(input, raw);
        Path coded = dir.resolve("rgb.j2k");
        run(List.of("opj_compress", "-i", input.toString(), "-o", coded.toString(), "-F",
                COLUMNS + "," + ROWS + ",3,8,u", "-mct", "1", "-n", "2"));
        Attributes header = header();
        header.setString(Tag.PhotometricInterpretation, VR.CS, "YBR_FULL");
        DicomFile file = TestImages.encapsulatedFile(header, TransferSyntax.of("1.2.840.10008.1.2.4.90"),
                List.of(Files.readAllBytes(coded)));
        TransferSyntax syntax = TransferSyntax.of("1.2.840.10008.1.2.4.90");
        StoredFrame decoded = FrameDecoders.decode(FrameDecoders.forSyntax(syntax), FrameSource.of(file).read(0));

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

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String log = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed:\n" + log);
        }
    }
}
