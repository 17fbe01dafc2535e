package org.sonocine.imaging.jpeg2000;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sonocine.dicom.DicomFile;
import org.sonocine.imaging.codec.RawImage;
import org.sonocine.testing.ExpectedTable;
import org.sonocine.testing.RequiresSamples;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every JPEG 2000 sample decodes to the stored values of the reference decoder (expected.tsv: the first frame;
 * defects/expected.tsv: all frames), on one thread and with the code-blocks decoded in parallel.
 */
class Jpeg2000SampleConformanceTest {
    static Stream<Arguments> firstFrames() {
        return Stream.of("US1_J2KR.dcm", "jpeg2000-multiframe-multifragments.dcm").flatMap(name -> Stream.of(
                Arguments.of(name, false), Arguments.of(name, true)));
    }

    static Stream<Arguments> defects() {
        return Stream.of("966_fixed.dcm", "NM_Kakadu44_SOTmarkerincons.dcm", "GDCMJ2K_TextGBR.dcm").flatMap(
                name -> Stream.of(Arguments.of(name, false), Arguments.of(name, true)));
    }

    @ParameterizedTest(name = "{0}, parallel {1}")
    @MethodSource("firstFrames")
    @RequiresSamples
    void firstFrameMatchesTheReference(String name, boolean parallel) throws Exception {
        String expected = ExpectedTable.rows().stream().filter(r -> r.file().equals(name)).findFirst()
                .orElseThrow().get("frame1_sha256");
        try (DicomFile file = DicomFile.open(J2kSamples.path(name))) {
            assertEquals(expected, sha256(stored(decode(J2kSamples.frame(file, 0), parallel))));
        }
    }

    @ParameterizedTest(name = "{0}, parallel {1}")
    @MethodSource("defects")
    @RequiresSamples
    void allFramesMatchTheReference(String name, boolean parallel) throws Exception {
        String expected = ExpectedTable.rows("defects/expected.tsv").stream().filter(r -> r.file().equals(name))
                .findFirst().orElseThrow().get("all_frames_sha256");
        assertEquals(expected, allFrames("defects/" + name, parallel));
    }

    @ParameterizedTest(name = "parallel {0}")
    @org.junit.jupiter.params.provider.ValueSource(booleans = {false, true})
    @RequiresSamples
    void strayMarkerSegmentsBeforeTheEndChangeNothing(boolean parallel) throws Exception {
        assertEquals(allFrames("defects/966_fixed.dcm", parallel), allFrames("defects/966.dcm", parallel));
    }

    private static String allFrames(String name, boolean parallel) throws Exception {
        try (DicomFile file = DicomFile.open(J2kSamples.path(name))) {
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            for (int f = 0; f < file.frames().size(); f++) {
                all.writeBytes(stored(decode(J2kSamples.frame(file, f), parallel)));
            }
            return sha256(all.toByteArray());
        }
    }

    private static RawImage decode(byte[] frame, boolean parallel) throws Exception {
        return new Jpeg2000ImageDecoder(parallel).decode(frame, 0, frame.length);
    }

    /** The samples as stored values: one byte each up to 8 bits, else two bytes little-endian. */
    static byte[] stored(RawImage image) {
        if (!image.isWide()) {
            return image.bytes();
        }
        ByteBuffer buffer = ByteBuffer.allocate(image.shorts().length * 2).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asShortBuffer().put(image.shorts());
        return buffer.array();
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
