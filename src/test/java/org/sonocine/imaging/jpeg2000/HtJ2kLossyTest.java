package org.sonocine.imaging.jpeg2000;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sonocine.imaging.codec.RawImage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Irreversible (9/7) HTJ2K codestreams that OpenJPH made, decoded by our decoder and by OpenJPH's own
 * {@code ojph_expand}: the two may differ only by the rounding of floating-point reconstruction. Where OpenJPEG's
 * {@code opj_decompress} is installed too, ours must match it exactly, as our 9/7 synthesis follows its arithmetic.
 */
class HtJ2kLossyTest {
    @TempDir
    Path dir;

    @BeforeEach
    void needsOpenJph() {
        OpenJph.assumeInstalled();
        boolean present = OpenJph.tool("ojph_expand") != null;
        if (!present) {
            System.out.println("SKIPPED: ojph_expand (OpenJPH) is not installed; lossy HTJ2K comparison not run");
        }
        Assumptions.assumeTrue(present, "ojph_expand is not installed");
    }

    @Test
    void greyAndColourMatchOpenJphWithinRounding() throws Exception {
        compare(1, 8, 251, 187, "0.01", "5");
        compare(1, 8, 251, 187, "0.001", "3");
        compare(3, 8, 160, 99, "0.005", "5");
        compare(1, 12, 128, 128, "0.0005", "4");
    }

    private void compare(int components, int bitDepth, int width, int height, String qstep, String levels)
            throws Exception {
        int[] pixels = HtBlockDecoderRoundTripTest.mixed(width * components, height, bitDepth, 5);
        byte[] codestream = OpenJph.compress(dir, pixels, width, height, components, bitDepth, "-qstep", qstep,
                "-num_decomps", levels);
        RawImage ours = new Jpeg2000ImageDecoder(false).decode(codestream, 0, codestream.length);
        int[] mine = HtJ2kRoundTripTest.samples(ours);
        int[] theirs = expand("ojph_expand", codestream, components, bitDepth);
        int max = 0;
        long sum = 0;
        int maxFromSource = 0;
        for (int i = 0; i < theirs.length; i++) {
            int difference = Math.abs(mine[i] - theirs[i]);
            max = Math.max(max, difference);
            sum += difference;
            maxFromSource = Math.max(maxFromSource, Math.abs(mine[i] - pixels[i]));
        }
        System.out.printf("HTJ2K lossy %d×%d×%d %d-bit qstep %s levels %s: ours vs ojph_expand max %d mean %.4f; "
                + "vs source max %d%n", width, height, components, bitDepth, qstep, levels, max,
                (double) sum / theirs.length, maxFromSource);
        assertThat(max).as("largest difference from ojph_expand").isLessThanOrEqualTo(1);
        if (OpenJph.tool("opj_decompress") != null) {
            int[] openJpeg = expand("opj_decompress", codestream, components, bitDepth);
            assertThat(HtBlockDecoderRoundTripTest.firstDifference(mine, openJpeg)).as("against opj_decompress")
                    .isEqualTo("none");
        } else {
            System.out.println("opj_decompress (OpenJPEG) is not installed; lossy HTJ2K not compared with it");
        }
        assertThat((double) sum / theirs.length).as("mean difference from ojph_expand").isLessThan(0.05);
    }

    private int[] expand(String tool, byte[] codestream, int components, int bitDepth) throws Exception {
        Path input = dir.resolve("lossy.j2c");
        Path output = dir.resolve(components == 1 ? "lossy.pgm" : "lossy.ppm");
        Files.write(input, codestream);
        Files.deleteIfExists(output);
        Process process = new ProcessBuilder(List.of(tool, "-i", input.toString(), "-o", output.toString()))
                .redirectErrorStream(true).start();
        String log = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0).as(log).isTrue();
        byte[] file = Files.readAllBytes(output);
        int at = 0;
        int fields = 0;
        while (fields < 4) {
            while (Character.isWhitespace(file[at])) {
                at++;
            }
            if (file[at] == '#') {
                while (file[at] != '\n') {
                    at++;
                }
                continue;
            }
            while (!Character.isWhitespace(file[at])) {
                at++;
            }
            fields++;
        }
        at++;
        int count = (file.length - at) / (bitDepth > 8 ? 2 : 1);
        int[] samples = new int[count];
        for (int i = 0; i < count; i++) {
            samples[i] = bitDepth > 8 ? (file[at + 2 * i] & 0xFF) << 8 | (file[at + 2 * i + 1] & 0xFF)
                    : file[at + i] & 0xFF;
        }
        return samples;
    }
}
