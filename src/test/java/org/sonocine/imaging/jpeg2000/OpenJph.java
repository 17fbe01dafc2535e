package org.sonocine.imaging.jpeg2000;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Makes HTJ2K codestreams of given pixels with OpenJPH's {@code ojph_compress}. Tests that need it are skipped,
 * with a message, where it is not installed.
 */
public final class OpenJph {
    private static final String COMPRESS = "ojph_compress";

    private OpenJph() {
    }

    public static Path tool(String name) {
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(java.io.File.pathSeparator)) {
                Path candidate = Path.of(dir, name);
                if (Files.isExecutable(candidate)) {
                    return candidate;
                }
            }
        }
        return null;
    }

    /** Skips the calling test, saying why, when ojph_compress is not on the PATH. */
    public static void assumeInstalled() {
        boolean present = tool(COMPRESS) != null;
        if (!present) {
            System.out.println("SKIPPED: " + COMPRESS + " (OpenJPH) is not installed; HTJ2K round trips not run");
        }
        Assumptions.assumeTrue(present, COMPRESS + " (OpenJPH) is not installed");
    }

    /**
     * Compresses greyscale or RGB samples (interleaved, {@code components} 1 or 3) of the given bit depth, unsigned,
     * written as PGM/PPM.
     */
    public static byte[] compress(Path dir, int[] samples, int width, int height, int components, int bitDepth,
                           String... options) throws IOException, InterruptedException {
        Path input = dir.resolve(components == 1 ? "in.pgm" : "in.ppm");
        Files.write(input, netpbm(samples, width, height, components, bitDepth));
        return run(dir, input, options);
    }

    /** Compresses raw samples (one component, little-endian as OpenJPH reads .yuv files on this platform) for signed or other layouts PGM cannot hold. */
    public static byte[] compressRaw(Path dir, int[] samples, int width, int height, int bitDepth, boolean signed,
                              String... options) throws IOException, InterruptedException {
        Path input = dir.resolve("in.yuv");
        int bytesPerSample = bitDepth > 8 ? 2 : 1;
        byte[] raw = new byte[samples.length * bytesPerSample];
        for (int i = 0; i < samples.length; i++) {
            raw[i * bytesPerSample] = (byte) samples[i];
            if (bytesPerSample == 2) {
                raw[i * 2 + 1] = (byte) (samples[i] >> 8);
            }
        }
        Files.write(input, raw);
        List<String> all = new ArrayList<>(List.of(options));
        all.addAll(List.of("-dims", "{" + width + "," + height + "}", "-num_comps", "1", "-signed",
                Boolean.toString(signed), "-bit_depth", Integer.toString(bitDepth), "-downsamp", "{1,1}"));
        return run(dir, input, all.toArray(String[]::new));
    }

    private static byte[] run(Path dir, Path input, String... options) throws IOException, InterruptedException {
        Path output = dir.resolve("out.j2c");
        Files.deleteIfExists(output);
        List<String> command = new ArrayList<>(List.of(COMPRESS, "-i", input.toString(), "-o", output.toString()));
        command.addAll(List.of(options));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String log = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0 || !Files.exists(output)) {
            throw new IOException(COMPRESS + " failed: " + String.join(" ", command) + "\n" + log);
        }
        return Files.readAllBytes(output);
    }

    static byte[] netpbm(int[] samples, int width, int height, int components, int bitDepth) {
        int max = (1 << bitDepth) - 1;
        byte[] header = ((components == 1 ? "P5" : "P6") + "\n" + width + " " + height + "\n" + max + "\n")
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        int bytesPerSample = bitDepth > 8 ? 2 : 1;
        byte[] file = new byte[header.length + samples.length * bytesPerSample];
        System.arraycopy(header, 0, file, 0, header.length);
        int at = header.length;
        for (int sample : samples) {
            if (bytesPerSample == 2) {
                file[at++] = (byte) (sample >> 8);
            }
            file[at++] = (byte) sample;
        }
        return file;
    }
}
