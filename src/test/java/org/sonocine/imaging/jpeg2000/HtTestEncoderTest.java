package org.sonocine.imaging.jpeg2000;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sonocine.imaging.codec.RawImage;

/**
 * The test-side HT encoder that writes the fuzz target's HTJ2K seeds: what it writes decodes back to its samples,
 * and OpenJPH's {@code ojph_expand} (where installed) reads the same samples from it.
 */
class HtTestEncoderTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} x {1}, {2} components of {3} bits, transform {4}, {5}")
    @CsvSource({
        "16, 16, 1, 8, false, smooth",
        "15, 9, 1, 8, false, noise",
        "1, 1, 1, 8, false, noise",
        "64, 64, 1, 12, false, noise",
        "33, 17, 1, 16, false, noise",
        "40, 30, 1, 8, false, sparse",
        "16, 12, 3, 8, true, smooth",
        "21, 13, 3, 8, true, noise",
        "20, 20, 3, 8, false, sparse"})
    void decodesBackToItsSamples(int width, int height, int components, int bits, boolean rct, String picture)
            throws Exception {
        int[] samples = picture(width, height, components, bits, picture);
        byte[] codestream = HtTestEncoder.codestream(samples, width, height, components, bits, rct);
        assertThat(decoded(codestream, components)).containsExactly(samples);
    }

    @Test
    void subsampledComponentsComeOutReplicatedToTheImageSize() throws Exception {
        int width = 23;
        int height = 13;
        int[] dx = {1, 2, 3};
        int[] dy = {1, 2, 1};
        int[][] planes = new int[3][];
        Random random = new Random(5);
        for (int c = 0; c < 3; c++) {
            planes[c] = new int[((width + dx[c] - 1) / dx[c]) * ((height + dy[c] - 1) / dy[c])];
            for (int i = 0; i < planes[c].length; i++) {
                planes[c][i] = random.nextInt(256);
            }
        }
        int[] decoded = decoded(HtTestEncoder.subsampled(planes, width, height, 8, dx, dy), 3);
        int[] expected = new int[width * height * 3];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                for (int c = 0; c < 3; c++) {
                    int across = (width + dx[c] - 1) / dx[c];
                    expected[(y * width + x) * 3 + c] = planes[c][(y / dy[c]) * across + x / dx[c]];
                }
            }
        }
        assertThat(decoded).containsExactly(expected);
    }

    @Test
    void openJphReadsWhatItWrites() throws Exception {
        boolean present = OpenJph.tool("ojph_expand") != null;
        if (!present) {
            System.out.println("SKIPPED: ojph_expand (OpenJPH) not installed; the encoder is not cross-checked");
        }
        Assumptions.assumeTrue(present, "ojph_expand (OpenJPH) not installed");
        for (int bits : new int[] {8, 12}) {
            int width = 37;
            int height = 23;
            int[] samples = picture(width, height, 1, bits, "noise");
            Path coded = dir.resolve("in.j2c");
            Files.write(coded, HtTestEncoder.codestream(samples, width, height, 1, bits, false));
            Path out = dir.resolve("out.pgm");
            Process p = new ProcessBuilder("ojph_expand", "-i", coded.toString(), "-o", out.toString())
                    .redirectErrorStream(true).start();
            String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException("ojph_expand failed:\n" + log);
            }
            byte[] pgm = Files.readAllBytes(out);
            int wide = bits > 8 ? 2 : 1;
            int start = pgm.length - width * height * wide;
            int[] theirs = new int[width * height];
            for (int i = 0; i < theirs.length; i++) {
                theirs[i] = wide == 2 ? (pgm[start + 2 * i] & 0xFF) << 8 | pgm[start + 2 * i + 1] & 0xFF
                        : pgm[start + i] & 0xFF;
            }
            assertThat(theirs).as("%d bits", bits).containsExactly(samples);
        }
    }

    private static int[] decoded(byte[] codestream, int components) throws Exception {
        RawImage image = new Jpeg2000ImageDecoder(false).decode(codestream, 0, codestream.length);
        int n = image.width() * image.height() * components;
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = image.isWide() ? image.shorts()[i] & 0xFFFF : image.bytes()[i] & 0xFF;
        }
        return out;
    }

    /** Smooth waves, uniform noise (every magnitude and sign), or mostly mid-grey with a few outliers. */
    static int[] picture(int width, int height, int components, int bits, String kind) {
        Random random = new Random(width * 131L + height * 7L + bits);
        int max = (1 << bits) - 1;
        int[] samples = new int[width * height * components];
        for (int i = 0; i < samples.length; i++) {
            int x = (i / components) % width;
            int y = (i / components) / width;
            samples[i] = switch (kind) {
                case "smooth" -> (int) ((Math.sin(x / 3.0 + i % components) + Math.cos(y / 4.0) + 2) / 4 * max);
                case "sparse" -> random.nextInt(12) == 0 ? random.nextInt(max + 1) : (max + 1) / 2;
                default -> random.nextInt(max + 1);
            };
        }
        return samples;
    }
}
