package org.sonocine.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sonocine.testing.Samples;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class FramesCommandTest {

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void anAttributeHoldingTooFewBytesForItsVrGivesAMessage(@TempDir Path dir) throws IOException {
        org.sonocine.dicom.Attributes ds = org.sonocine.testing.ImageHeaders.of(4, 4, 1, 8, "MONOCHROME2", 1);
        ds.setBytes(org.sonocine.dicom.Tag.PixelData, org.sonocine.dicom.VR.OB, new byte[16]);
        ds.setBytes(org.sonocine.dicom.Tag.Rows, org.sonocine.dicom.VR.OL, new byte[] {4, 0});
        Path file = dir.resolve("short-rows.dcm");
        new org.sonocine.dicom.DicomWriter(org.sonocine.dicom.TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN)
                .writeFile(file, ds);

        CliRun frames = CliRun.of("frames", file.toString(), "--out", dir.resolve("out").toString());
        CliRun info = CliRun.of("info", file.toString());

        assertEquals(1, frames.status(), frames.err());
        assertEquals("sonocine frames: " + file + ": the image has no size (Rows 0, Columns 4)\n", frames.err());
        assertEquals(0, info.status(), info.err());
        assertEquals("", info.err());
        assertThat(info.out()).as("the unreadable Rows is left out, the rest shown").contains("Columns  ")
                .doesNotContain("Rows  ");
    }

    @Test
    void rawFramesAreTheStoredValuesOneFilePerFrame(@TempDir Path out) throws IOException {
        String sample = "US-PAL-8-10x-echo";
        CliRun run = CliRun.of("frames", Samples.file(sample).toString(), "--out", out.toString(), "--format", "raw",
                "--frames", "1,10");
        assertEquals(0, run.status(), run.err());
        assertEquals(List.of("frame-0001.raw", "frame-0010.raw"), names(out));
        assertArrayEquals(Samples.referenceFrame(sample, 1), Files.readAllBytes(out.resolve("frame-0001.raw")));
        assertArrayEquals(Samples.referenceFrame(sample, 10), Files.readAllBytes(out.resolve("frame-0010.raw")));
    }

    @Test
    void pngFramesAreTheDisplayImage(@TempDir Path out) throws IOException {
        CliRun run = CliRun.of("frames", Samples.file("US-RGB-8-epicard").toString(), "--out", out.toString());
        assertEquals(0, run.status(), run.err());
        BufferedImage png = ImageIO.read(out.resolve("frame-0001.png").toFile());
        BufferedImage reference = ImageIO.read(Samples.dir().resolve("reference/US-RGB-8-epicard.f1.rgb.png").toFile());
        assertEquals(reference.getWidth(), png.getWidth());
        for (int y = 0; y < png.getHeight(); y += 7) {
            for (int x = 0; x < png.getWidth(); x += 5) {
                assertEquals(reference.getRGB(x, y), png.getRGB(x, y), "pixel " + x + "," + y);
            }
        }
    }

    @Test
    void npyHoldsTheSelectedFramesAsOneArray(@TempDir Path out) throws IOException {
        String sample = "IM00001.implicit_little_endian.dcm";
        CliRun run = CliRun.of("frames", Samples.file(sample).toString(), "--out", out.toString(), "--format", "npy",
                "--frames", "1-2,8");
        assertEquals(0, run.status(), run.err());
        byte[] npy = Files.readAllBytes(out.resolve("frames.npy"));
        assertArrayEquals(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0}, Arrays.copyOf(npy, 8));
        int headerLength = (npy[8] & 0xFF) | (npy[9] & 0xFF) << 8;
        assertEquals(0, (10 + headerLength) % 64, "the data starts 64-byte aligned");
        String header = new String(npy, 10, headerLength, StandardCharsets.US_ASCII);
        assertThat(header).startsWith("{'descr': '|u1', 'fortran_order': False, 'shape': (3, 240, 320, 3), }")
                .endsWith("\n");
        int frame = 240 * 320 * 3;
        assertEquals(10 + headerLength + 3 * frame, npy.length);
        byte[] third = Arrays.copyOfRange(npy, 10 + headerLength + 2 * frame, npy.length);
        assertArrayEquals(Samples.referenceFrame(sample, 8), third);
    }

    @Test
    void sixteenBitFramesAreLittleEndianUnsignedInNpy(@TempDir Path out) throws IOException {
        CliRun run = CliRun.of("frames", Samples.file("emri_small_big_endian.dcm").toString(), "--out", out.toString(),
                "--format", "npy", "--frames", "10");
        assertEquals(0, run.status(), run.err());
        byte[] npy = Files.readAllBytes(out.resolve("frames.npy"));
        int headerLength = (npy[8] & 0xFF) | (npy[9] & 0xFF) << 8;
        assertThat(new String(npy, 10, headerLength, StandardCharsets.US_ASCII))
                .contains("'descr': '<u2'").contains("'shape': (1, 64, 64)");
        assertArrayEquals(Samples.referenceFrame("emri_small_big_endian.dcm", 10),
                Arrays.copyOfRange(npy, 10 + headerLength, npy.length));
    }

    @Test
    void badFrameListsAreExplained(@TempDir Path out) {
        CliRun run = CliRun.of("frames", Samples.file("US1_UNCR.dcm").toString(), "--out", out.toString(),
                "--frames", "2-3");
        assertEquals(2, run.status());
        assertThat(run.err()).contains("frames 2-3 are outside 1-1");
        assertThat(CliRun.of("frames", Samples.file("US1_UNCR.dcm").toString(), "--out", out.toString(),
                "--frames", "x").err()).contains("'x' is not a frame number or range (e.g. 1, 1-10, 1,5,9)");
    }

    @Test
    void brokenFramesAreReportedAndTheRestWritten(@TempDir Path out) {
        CliRun run = CliRun.of("frames", Samples.file("MR_truncated.dcm").toString(), "--out", out.toString(),
                "--format", "raw");
        assertEquals(1, run.status());
        assertThat(run.err()).contains("sonocine frames: frame 1 is cut short: the file holds 8130 of its 8192 bytes")
                .doesNotContain("frame 1: frame 1");
        assertThat(run.out()).contains("wrote 0 of 1 frames");
    }
}
