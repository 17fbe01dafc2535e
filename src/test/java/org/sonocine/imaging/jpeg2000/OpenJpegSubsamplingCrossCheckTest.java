package org.sonocine.imaging.jpeg2000;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sonocine.imaging.codec.RawImage;

/**
 * Code-streams made by OpenJPEG's {@code opj_compress} whose components are subsampled differently from one another
 * (4:2:0 and 4:2:2 chroma, factors of 3 and 4, odd sizes, image and tile origins off the subsampling grid, tiles,
 * precincts and the position-driven progressions) decode to exactly what {@code opj_decompress -upsample} gives:
 * each component at its own size, replicated to the image's. Where the image starts between two sample positions
 * OpenJPEG fills the pixels before a component's first sample with 0; our decoder repeats that first sample, and
 * the comparison expects it there. opj_decompress takes three components whose second is subsampled for sYCC and
 * converts them to RGB, so the cases here have a fourth component or a second that is not subsampled across.
 * Skipped, with a message, where the tools are not installed.
 */
class OpenJpegSubsamplingCrossCheckTest {
    @TempDir
    Path dir;

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        // A fourth component keeps opj_decompress from taking three components for sYCC and converting them.
        cases.add(Arguments.of("4:2:0, odd size", 13, 9, 8, "1x1:2x2:2x2:1x1", new String[] {"-n", "2"}));
        cases.add(Arguments.of("4:2:2", 40, 24, 8, "1x1:2x1:2x1:1x1", new String[] {"-n", "3"}));
        cases.add(Arguments.of("4:2:0, lossy", 45, 31, 8, "1x1:2x2:2x2:1x1",
                new String[] {"-n", "4", "-I", "-r", "3"}));
        cases.add(Arguments.of("half-size component beside a full one", 30, 21, 8, "1x1:2x2",
                new String[] {"-n", "3"}));
        cases.add(Arguments.of("4:2:0, image origin off the grid", 13, 9, 8, "1x1:2x2:2x2:1x1",
                new String[] {"-n", "2", "-d", "3,5"}));
        cases.add(Arguments.of("factors 3 and 4, odd origins, tiles", 47, 35, 8, "3x3:1x1:4x1",
                new String[] {"-n", "2", "-d", "1,2", "-t", "19,13", "-T", "0,1"}));
        cases.add(Arguments.of("12 bits, 4:2:2, lossless", 33, 20, 12, "1x1:2x1:2x1:1x1",
                new String[] {"-n", "3"}));
        for (String order : new String[] {"RPCL", "PCRL", "CPRL"}) {
            cases.add(Arguments.of(order + ", factor 3, precincts, origin off the grid", 61, 43, 8, "3x3:1x1:3x2",
                    new String[] {"-n", "3", "-p", order, "-c", "[16,16],[8,8],[8,8]", "-b", "8,8", "-d", "2,1"}));
        }
        cases.add(Arguments.of("RPCL, factor 3, tiles", 50, 40, 8, "3x1:1x1:1x3",
                new String[] {"-n", "2", "-p", "RPCL", "-t", "23,17", "-c", "[8,8]"}));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void decodesLikeOpenJpeg(String name, int width, int height, int bits, String subsampling, String[] options)
            throws Exception {
        OpenJpegTools.assumeInstalled("cross-checks not run");
        String[] factors = subsampling.split(":");
        int components = factors.length;
        int bytes = bits > 8 ? 2 : 1;
        // More samples than any component needs: opj_compress reads what the subsampling asks for.
        byte[] raw = new byte[width * height * components * bytes];
        Random random = new Random(name.hashCode());
        for (int i = 0; i < raw.length; i += bytes) {
            int v = random.nextInt(1 << bits);
            if (bytes == 2) {
                raw[i] = (byte) (v >> 8);
                raw[i + 1] = (byte) v;
            } else {
                raw[i] = (byte) v;
            }
        }
        Path input = dir.resolve("in.raw");
        Files.write(input, raw);
        Path coded = dir.resolve("in.j2k");
        List<String> compress = new ArrayList<>(List.of("opj_compress", "-i", input.toString(), "-o",
                coded.toString(), "-F", width + "," + height + "," + components + "," + bits + ",u@" + subsampling,
                "-mct", "0"));
        compress.addAll(List.of(options));
        OpenJpegTools.run(compress);
        // Planar, each component at the image's size; little-endian above 8 bits.
        Path decoded = dir.resolve("out.rawl");
        OpenJpegTools.run(List.of("opj_decompress", "-i", coded.toString(), "-o", decoded.toString(), "-upsample"));
        byte[] planes = Files.readAllBytes(decoded);

        byte[] codestream = Files.readAllBytes(coded);
        RawImage image = new Jpeg2000ImageDecoder(false).decode(codestream, 0, codestream.length);
        assertEquals(width, image.width());
        assertEquals(height, image.height());
        assertEquals(components, image.components());
        long[] origin = origin(options);
        int differing = 0;
        String first = null;
        for (int c = 0; c < components; c++) {
            int dx = Integer.parseInt(factors[c].split("x")[0]);
            int dy = Integer.parseInt(factors[c].split("x")[1]);
            // OpenJPEG's 0-filled columns and rows before the component's first sample position
            int skipX = (int) (Math.floorMod(-origin[0], dx));
            int skipY = (int) (Math.floorMod(-origin[1], dy));
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    int at = c * width * height + Math.max(y, skipY) * width + Math.max(x, skipX);
                    int expected = bytes == 2 ? (planes[2 * at + 1] & 0xFF) << 8 | planes[2 * at] & 0xFF
                            : planes[at] & 0xFF;
                    int i = (y * width + x) * components + c;
                    int ours = image.isWide() ? image.shorts()[i] & 0xFFFF : image.bytes()[i] & 0xFF;
                    if (ours != expected) {
                        differing++;
                        if (first == null) {
                            first = "component " + (c + 1) + " at " + x + ", " + y + ": " + ours + ", not "
                                    + expected;
                        }
                    }
                }
            }
        }
        assertEquals(0, differing, differing + " samples differ from opj_decompress's; first " + first);
    }

    /** The image origin an {@code -d} option sets; 0, 0 without one. */
    private static long[] origin(String[] options) {
        for (int i = 0; i + 1 < options.length; i++) {
            if (options[i].equals("-d")) {
                String[] xy = options[i + 1].split(",");
                return new long[] {Long.parseLong(xy[0]), Long.parseLong(xy[1])};
            }
        }
        return new long[] {0, 0};
    }

    private static void assumeInstalled() {
        boolean present = OpenJph.tool("opj_compress") != null && OpenJph.tool("opj_decompress") != null;
        if (!present) {
            System.out.println("SKIPPED: opj_compress/opj_decompress (OpenJPEG) not installed; cross-checks not run");
        }
        Assumptions.assumeTrue(present, "opj_compress/opj_decompress (OpenJPEG) not installed");
    }
}
