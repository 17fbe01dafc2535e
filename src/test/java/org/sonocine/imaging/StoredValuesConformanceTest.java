package org.sonocine.imaging;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.sonocine.dicom.DicomFile;
import org.sonocine.testing.ExpectedTable;
import org.sonocine.testing.RequiresSamples;
import org.sonocine.testing.Samples;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Decoded stored values equal those two reference decoders agree on: frame 1 of every hashed sample (its SHA-256
 * in expected.tsv), and every reference frame (reference/*.raw.gz), the last frames of cines included. Every
 * decoder here is expected to be bit-exact, lossy JPEG included: the JDK's libjpeg and our own decoders use the
 * same integer IDCT and upsampling as the references.
 */
class StoredValuesConformanceTest {

    static Stream<ExpectedTable.Row> hashedSamples() {
        return ExpectedTable.rows().stream().filter(r -> r.get("frame1_sha256").matches("[0-9a-f]{64}"));
    }

    /** (sample, frame) pairs of the reference folder's index. */
    static Stream<String[]> referenceFrames() throws IOException {
        List<String> lines = Files.readAllLines(Samples.dir().resolve("reference/index.tsv"), StandardCharsets.UTF_8);
        List<String[]> pairs = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] c = line.split("\t");
            pairs.add(new String[] {c[0], c[1]});
        }
        return pairs.stream();
    }

    static String sha256(byte[] data) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hashedSamples")
    @RequiresSamples
    void firstFrameHashesToTheReference(ExpectedTable.Row row) throws Exception {
        try (DicomFile file = DicomFile.open(Samples.dir().resolve(row.file()))) {
            FrameSource frames = FrameSource.of(file);
            assertEquals(row.get("frame1_sha256"), sha256(frames.decode(0).data()));
        }
    }

    @ParameterizedTest(name = "{0} frame {1}")
    @MethodSource("referenceFrames")
    @RequiresSamples
    void everyReferenceFrameIsDecodedExactly(String sample, String frame) throws Exception {
        try (DicomFile file = DicomFile.open(Samples.dir().resolve(sample))) {
            FrameSource frames = FrameSource.of(file);
            byte[] expected = Samples.referenceFrame(sample, Integer.parseInt(frame));
            byte[] actual = frames.decode(Integer.parseInt(frame) - 1).data();
            assertEquals(expected.length, actual.length, "decoded size");
            assertArrayEquals(expected, actual);
        }
    }
}
