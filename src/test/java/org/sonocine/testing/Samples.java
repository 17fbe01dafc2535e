package org.sonocine.testing;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.GZIPInputStream;

/**
 * The shared sample set (real DICOM files from public projects), read where it lies beside the project. In a
 * clone without it, tests that need it are skipped with a visible message.
 */
public final class Samples {
    private static final AtomicBoolean WARNED = new AtomicBoolean();

    private Samples() {
    }

    /** The samples folder; skips the calling test when it is absent. */
    public static Path dir() {
        Path dir = location();
        if (!Files.isDirectory(dir)) {
            warnMissing();
        }
        Assumptions.assumeTrue(Files.isDirectory(dir), Samples::missingReason);
        return dir;
    }

    public static boolean available() {
        return Files.isDirectory(location());
    }

    /** Why a test that needs the samples is skipped: they are not where they were looked for. */
    public static String missingReason() {
        return "shared DICOM samples not found at " + location().toAbsolutePath().normalize() + ": skipped";
    }

    /** Says once per run, where a developer reading the build output sees it, that sample tests are skipped. */
    static void warnMissing() {
        if (WARNED.compareAndSet(false, true)) {
            System.err.println("*** The shared DICOM samples were not found at "
                    + location().toAbsolutePath().normalize() + ": the tests that read them are SKIPPED. ***");
        }
    }

    private static Path location() {
        return Path.of(System.getProperty("sonocine.samples", "../shared/samples"));
    }

    public static Path file(String name) {
        Path file = dir().resolve(name);
        Assumptions.assumeTrue(Files.exists(file), "sample " + name + " not found: skipping");
        return file;
    }

    /** The decoded reference frame {@code frame} (1-based) of {@code sample}, as stored values. */
    public static byte[] referenceFrame(String sample, int frame) throws IOException {
        Path ref = dir().resolve("reference").resolve(sample + ".f" + frame + ".raw.gz");
        try (InputStream in = new GZIPInputStream(Files.newInputStream(ref))) {
            return in.readAllBytes();
        }
    }
}
