package org.sonocine.imaging.jpeg;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.GZIPInputStream;

import org.sonocine.dicom.DicomFile;
import org.sonocine.dicom.FrameLocation;
import org.sonocine.imaging.RawImage;

/** Access to the shared sample files: JPEG codestreams of their frames and the expected decoded values. */
final class JpegSamples {
    private JpegSamples() {
    }

    /** The shared samples folder (system property {@code sonocine.samples}); skips the test when it is absent. */
    static Path directory() {
        Path dir = configuredDirectory();
        assumeTrue(Files.isDirectory(dir), "shared samples not found at " + dir.toAbsolutePath() + ": skipping");
        return dir;
    }

    /** Whether the shared samples are there, for tests that use them only in addition to their own data. */
    static boolean available() {
        return Files.isDirectory(configuredDirectory());
    }

    private static Path configuredDirectory() {
        return Path.of(System.getProperty("sonocine.samples", "../shared/samples"));
    }

    static int frameCount(String sample) throws IOException {
        try (DicomFile file = DicomFile.open(directory().resolve(sample))) {
            return file.numberOfFrames();
        }
    }

    /** The codestream of frame {@code frameIndex} (0-based): its fragments joined. */
    static byte[] codestream(String sample, int frameIndex) throws IOException {
        try (DicomFile file = DicomFile.open(directory().resolve(sample))) {
            FrameLocation location = file.frames().get(frameIndex);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (FrameLocation.Segment segment : location.segments()) {
                out.write(file.readBytes(segment.offset(), Math.toIntExact(segment.length())));
            }
            return out.toByteArray();
        }
    }

    /** {@code frame1_sha256} of the sample in expected.tsv. */
    static String expectedFrame1Sha256(String sample) throws IOException {
        List<String> lines = Files.readAllLines(directory().resolve("expected.tsv"));
        List<String> header = List.of(lines.get(0).split("\t", -1));
        int fileColumn = header.indexOf("file");
        int shaColumn = header.indexOf("frame1_sha256");
        for (String line : lines.subList(1, lines.size())) {
            String[] fields = line.split("\t", -1);
            if (fields[fileColumn].equals(sample)) {
                return fields[shaColumn];
            }
        }
        throw new IllegalArgumentException(sample + " is not in expected.tsv");
    }

    /** The reference decode of frame {@code frameNumber} (1-based) from reference/. */
    static byte[] referenceFrame(String sample, int frameNumber) throws IOException {
        Path file = directory().resolve("reference").resolve(sample + ".f" + frameNumber + ".raw.gz");
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            return in.readAllBytes();
        }
    }

    /** Stored values as the reference files lay them out: 1 byte per sample up to 8 bits, else 2 (LE). */
    static byte[] storedBytes(RawImage image) {
        if (!image.isWide()) {
            return image.bytes().clone();
        }
        short[] samples = image.shorts();
        byte[] out = new byte[samples.length * 2];
        for (int i = 0; i < samples.length; i++) {
            out[2 * i] = (byte) samples[i];
            out[2 * i + 1] = (byte) (samples[i] >> 8);
        }
        return out;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
