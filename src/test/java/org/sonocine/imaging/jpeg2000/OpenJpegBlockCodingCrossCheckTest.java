package org.sonocine.imaging.jpeg2000;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sonocine.imaging.codec.RawImage;

/**
 * Code-streams made by OpenJPEG's {@code opj_compress} with every code-block style, lossless and lossy, odd image and
 * tile origins, 8 to 16 bits, decode to exactly what {@code opj_decompress} gives. Skipped, with a message, where
 * the tools are not installed.
 */
class OpenJpegBlockCodingCrossCheckTest {
    @TempDir
    Path dir;

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (int mode : new int[] {0, 1, 2, 4, 8, 16, 32, 5, 63}) {
            cases.add(Arguments.of("style " + mode + ", lossless", 130, 77, 8, 1, new String[] {"-M", "" + mode}));
            cases.add(Arguments.of("style " + mode + ", lossy", 130, 77, 8, 1,
                    new String[] {"-M", "" + mode, "-I", "-r", "4"}));
        }
        cases.add(Arguments.of("RGB, lossy ICT", 97, 61, 8, 3, new String[] {"-I"}));
        cases.add(Arguments.of("12 bits, lossy", 64, 50, 12, 1, new String[] {"-I", "-r", "3"}));
        cases.add(Arguments.of("16 bits, lossless", 64, 50, 16, 1, new String[0]));
        cases.add(Arguments.of("16 bits, lossy", 64, 50, 16, 1, new String[] {"-I", "-r", "3"}));
        cases.add(Arguments.of("odd image and tile origins, lossy", 101, 67, 8, 1,
                new String[] {"-d", "3,5", "-T", "1,2", "-t", "33,20", "-n", "3", "-I"}));
        cases.add(Arguments.of("odd image and tile origins, lossless", 101, 67, 8, 1,
                new String[] {"-d", "3,5", "-T", "1,2", "-t", "33,20", "-n", "3"}));
        cases.add(Arguments.of("seven levels, lossy", 300, 300, 8, 1, new String[] {"-n", "7", "-I"}));
        cases.add(Arguments.of("one column", 1, 40, 8, 1, new String[] {"-n", "1"}));
        cases.add(Arguments.of("one row, lossy", 37, 1, 8, 1, new String[] {"-n", "1", "-I"}));
        cases.add(Arguments.of("lossless layers, bypass, truncated", 80, 60, 8, 1,
                new String[] {"-r", "20,10,5", "-M", "1"}));
        cases.add(Arguments.of("lossy layers", 80, 60, 8, 1, new String[] {"-r", "20,10,1", "-I"}));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void decodesLikeOpenJpeg(String name, int width, int height, int bits, int components, String[] options)
            throws Exception {
        OpenJpegTools.assumeInstalled("cross-checks not run");
        int[] samples = picture(width, height, bits, components);
        Path input = dir.resolve(components == 1 ? "in.pgm" : "in.ppm");
        Files.write(input, OpenJph.netpbm(samples, width, height, components, bits));
        Path coded = dir.resolve("in.j2k");
        List<String> compress = new ArrayList<>(List.of("opj_compress", "-i", input.toString(), "-o", coded.toString()));
        compress.addAll(List.of(options));
        OpenJpegTools.run(compress);
        Path decoded = dir.resolve(components == 1 ? "out.pgm" : "out.ppm");
        OpenJpegTools.run(List.of("opj_decompress", "-i", coded.toString(), "-o", decoded.toString()));
        int[] expected = readNetpbm(Files.readAllBytes(decoded));

        byte[] codestream = Files.readAllBytes(coded);
        RawImage image = new Jpeg2000ImageDecoder(false).decode(codestream, 0, codestream.length);
        int[] ours = new int[width * height * components];
        for (int i = 0; i < ours.length; i++) {
            ours[i] = image.isWide() ? image.shorts()[i] & 0xFFFF : image.bytes()[i] & 0xFF;
        }
        int differing = 0;
        int largest = 0;
        for (int i = 0; i < ours.length; i++) {
            int d = Math.abs(ours[i] - expected[i]);
            differing += d == 0 ? 0 : 1;
            largest = Math.max(largest, d);
        }
        assertEquals(0, differing, differing + " samples differ from opj_decompress's, by up to " + largest);
    }

    /** Waves plus Laplacian noise, so every bit-plane and all three passes carry something. */
    private static int[] picture(int width, int height, int bits, int components) {
        Random random = new Random(width * 31L + height * 7L + bits);
        int max = (1 << bits) - 1;
        int[] samples = new int[width * height * components];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double base = (Math.sin(x / 7.0) + Math.cos(y / 5.0)) * max / 5 + max / 2.0;
                for (int c = 0; c < components; c++) {
                    double noise = -Math.log(1 - random.nextDouble()) * max / 12 * (random.nextBoolean() ? 1 : -1);
                    int v = (int) Math.round(base + noise + c * max / 10.0);
                    samples[(y * width + x) * components + c] = Math.max(0, Math.min(max, v));
                }
            }
        }
        return samples;
    }

    /** Samples of a binary PGM or PPM (comments allowed in the header). */
    private static int[] readNetpbm(byte[] file) {
        int[] fields = new int[3];
        int at = 2;
        for (int f = 0; f < 3; f++) {
            while (Character.isWhitespace(file[at]) || file[at] == '#') {
                if (file[at] == '#') {
                    while (file[at] != '\n') {
                        at++;
                    }
                }
                at++;
            }
            int value = 0;
            while (Character.isDigit(file[at])) {
                value = value * 10 + file[at++] - '0';
            }
            fields[f] = value;
        }
        at++;
        int components = file[1] == '5' ? 1 : 3;
        int n = fields[0] * fields[1] * components;
        int[] samples = new int[n];
        boolean wide = fields[2] > 255;
        for (int i = 0; i < n; i++) {
            samples[i] = wide ? (file[at + 2 * i] & 0xFF) << 8 | file[at + 2 * i + 1] & 0xFF : file[at + i] & 0xFF;
        }
        return samples;
    }
}
