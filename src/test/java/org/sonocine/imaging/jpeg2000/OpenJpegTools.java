package org.sonocine.imaging.jpeg2000;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * OpenJPEG's {@code opj_compress} and {@code opj_decompress}, which cross-checks run at test time. Tests that need
 * them are skipped, with a message, where they are not installed.
 */
public final class OpenJpegTools {
    private OpenJpegTools() {
    }

    /** Skips the calling test, saying that {@code what} was not done, when OpenJPEG's tools are not on the PATH. */
    public static void assumeInstalled(String what) {
        boolean present = OpenJph.tool("opj_compress") != null && OpenJph.tool("opj_decompress") != null;
        if (!present) {
            System.out.println("SKIPPED: opj_compress/opj_decompress (OpenJPEG) not installed; " + what);
        }
        Assumptions.assumeTrue(present, "opj_compress/opj_decompress (OpenJPEG) not installed");
    }

    /** Runs {@code command}, failing with its output when it fails or takes over a minute. */
    public static void run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String log = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed:\n" + log);
        }
    }
}
