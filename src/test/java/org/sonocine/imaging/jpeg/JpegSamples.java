package org.sonocine.imaging.jpeg;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.sonocine.dicom.DicomFile;
import org.sonocine.dicom.FrameLocation;
import org.sonocine.imaging.codec.RawImage;
import org.sonocine.testing.ExpectedTable;
import org.sonocine.testing.Samples;

/** JPEG codestreams of the shared samples' frames, and the stored-value bytes and digests to compare. */
final class JpegSamples {
    private JpegSamples() {
    }

    static int frameCount(String sample) throws IOException {
        try (DicomFile file = DicomFile.open(Samples.file(sample))) {
            return file.numberOfFrames();
        }
    }

    /** The codestream of frame {@code frameIndex} (0-based): its fragments joined. */
    static byte[] codestream(String sample, int frameIndex) throws IOException {
        try (DicomFile file = DicomFile.open(Samples.file(sample))) {
            FrameLocation location = file.frames().get(frameIndex);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (FrameLocation.Segment segment : location.segments()) {
                out.write(file.readBytes(segment.offset(), Math.toIntExact(segment.length())));
            }
            return out.toByteArray();
        }
    }

    /** {@code frame1_sha256} of the sample in expected.tsv. */
    static String expectedFrame1Sha256(String sample) {
        return ExpectedTable.rows().stream().filter(row -> row.file().equals(sample)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(sample + " is not in expected.tsv"))
                .get("frame1_sha256");
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
