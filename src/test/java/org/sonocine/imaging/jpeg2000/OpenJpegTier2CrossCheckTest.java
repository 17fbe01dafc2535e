package org.sonocine.imaging.jpeg2000;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sonocine.imaging.codec.RawImage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Codestreams made at test time by OpenJPEG's encoder with the features the samples lack (progressions, POC,
 * precincts, tiles and tile-parts, layers, SOP/EPH, every code-block style, offsets, ROI, 9/7, 12 and 16 bits,
 * signed samples), lossless and 9/7, decode exactly as OpenJPEG's decoder decodes them. Skipped where the
 * OpenJPEG tools are not installed.
 */
class OpenJpegTier2CrossCheckTest {
    @TempDir
    Path dir;

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("colour, defaults", 3, 8, false, ""),
                Arguments.of("RPCL, precincts, small blocks", 3, 8, false, "-p RPCL -c [32,32],[16,16] -b 16,16"),
                Arguments.of("PCRL, tiles, three layers", 3, 8, false, "-p PCRL -t 40,30 -r 20,10,1 -n 3"),
                Arguments.of("CPRL, SOP and EPH, tile-parts by resolution", 3, 8, false,
                        "-p CPRL -SOP -EPH -TP R -c [64,64],[32,32],[16,16]"),
                Arguments.of("RLCP, every code-block style", 3, 8, false, "-p RLCP -M 63 -r 30,8,1"),
                Arguments.of("POC", 3, 8, false, "-POC T0=0,0,1,3,2,CPRL/T0=0,0,2,6,3,LRCP -n 5"),
                Arguments.of("image and tile offsets", 3, 8, false, "-d 3,5 -T 1,2 -t 33,21 -p PCRL -n 3"),
                Arguments.of("grey 12-bit, bypass", 1, 12, false, "-M 1 -n 3"),
                Arguments.of("grey 16-bit, one level", 1, 16, false, "-n 2"),
                Arguments.of("signed 16-bit, no wavelet", 1, 16, true, "-n 1"),
                Arguments.of("signed 12-bit, reset and causal", 1, 12, true, "-M 10"),
                Arguments.of("ROI max-shift", 3, 8, false, "-ROI c=1,U=7"),
                Arguments.of("9/7 lossy colour", 3, 8, false, "-I -r 12"),
                Arguments.of("9/7 lossy grey 12-bit, layers", 1, 12, false, "-I -r 40,20,10 -p LRCP"),
                Arguments.of("9/7 lossless-rate colour, tiles", 3, 8, false, "-I -t 32,32 -n 3"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void decodesAsOpenJpegDoes(String name, int components, int bits, boolean signed, String options)
            throws Exception {
        assumeTrue(tool("opj_compress") && tool("opj_decompress"), "OpenJPEG's tools are not installed");
        int width = 67;
        int height = 45;
        int[] samples = image(width, height, components, bits, signed);
        Path raw = dir.resolve("in.raw");
        Files.write(raw, planarRaw(samples, components, bits, true));
        Path j2k = dir.resolve("out.j2k");
        List<String> compress = new ArrayList<>(List.of("opj_compress", "-i", raw.toString(), "-F",
                width + "," + height + "," + components + "," + bits + "," + (signed ? "s" : "u"), "-o",
                j2k.toString()));
        if (!options.isEmpty()) {
            compress.addAll(Arrays.asList(options.split(" ")));
        }
        run(compress);
        Path decoded = dir.resolve("ref.rawl");
        run(List.of("opj_decompress", "-i", j2k.toString(), "-o", decoded.toString()));
        byte[] reference = Files.readAllBytes(decoded);
        if (signed && bits > 8 && bits < 16) {
            signExtend(reference, bits);
        }
        byte[] codestream = Files.readAllBytes(j2k);
        for (boolean parallel : new boolean[] {false, true}) {
            RawImage image = new Jpeg2000ImageDecoder(parallel).decode(codestream, 0, codestream.length);
            byte[] ours = planarRaw(interleaved(image, signed), components, bits, false);
            assertArrayEquals(reference, ours, name + (parallel ? ", parallel" : ""));
        }
    }

    /** OpenJPEG writes signed samples of fewer than 16 bits in their own width, as unsigned numbers. */
    private static void signExtend(byte[] littleEndian, int bits) {
        for (int i = 0; i + 1 < littleEndian.length; i += 2) {
            int v = (littleEndian[i] & 0xFF) | ((littleEndian[i + 1] & 0xFF) << 8);
            v = (v << (32 - bits)) >> (32 - bits);
            littleEndian[i] = (byte) v;
            littleEndian[i + 1] = (byte) (v >> 8);
        }
    }

    /** Noise over gradients and edges, within the range of {@code bits}. */
    private static int[] image(int width, int height, int components, int bits, boolean signed) {
        Random random = new Random(bits * 31L + components);
        int[] s = new int[width * height * components];
        int max = (1 << bits) - 1;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                for (int c = 0; c < components; c++) {
                    int v = ((x * 7 + y * 3 + c * 50) * max / 700 + random.nextInt(1 + max / 16)
                            + ((x / 9 + y / 7) % 2 == 0 ? max / 3 : 0)) % (max + 1);
                    s[(y * width + x) * components + c] = signed ? v - (1 << (bits - 1)) : v;
                }
            }
        }
        return s;
    }

    private static int[] interleaved(RawImage image, boolean signed) {
        int n = image.width() * image.height() * image.components();
        int[] s = new int[n];
        for (int i = 0; i < n; i++) {
            if (image.isWide()) {
                s[i] = signed ? image.shorts()[i] : image.shorts()[i] & 0xFFFF;
            } else {
                s[i] = signed ? image.bytes()[i] : image.bytes()[i] & 0xFF;
            }
        }
        return s;
    }

    /** OpenJPEG's raw layout: component after component, 1 or 2 bytes a sample, big- or little-endian. */
    private static byte[] planarRaw(int[] interleaved, int components, int bits, boolean bigEndian) {
        int pixels = interleaved.length / components;
        int bytes = bits > 8 ? 2 : 1;
        byte[] out = new byte[interleaved.length * bytes];
        int at = 0;
        for (int c = 0; c < components; c++) {
            for (int i = 0; i < pixels; i++) {
                int v = interleaved[i * components + c];
                if (bytes == 1) {
                    out[at++] = (byte) v;
                } else if (bigEndian) {
                    out[at++] = (byte) (v >> 8);
                    out[at++] = (byte) v;
                } else {
                    out[at++] = (byte) v;
                    out[at++] = (byte) (v >> 8);
                }
            }
        }
        return out;
    }

    private void run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("tool.log").toFile()).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "timed out: " + command);
        assertTrue(p.exitValue() == 0, command + " failed: " + Files.readString(dir.resolve("tool.log")));
    }

    static boolean tool(String name) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (!d.isEmpty() && Files.isExecutable(Path.of(d, name))) {
                return true;
            }
        }
        return false;
    }
}
