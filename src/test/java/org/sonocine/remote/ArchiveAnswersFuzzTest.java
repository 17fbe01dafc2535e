package org.sonocine.remote;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sonocine.testing.FuzzProperty;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What an archive answers, fuzzed: a DICOM JSON answer is read or refused with a readable message, and so is a
 * multipart/related body, within the readers' bounds.
 */
class ArchiveAnswersFuzzTest {
    private static final DicomJsonReader.Limits SMALL = new DicomJsonReader.Limits(8, 10_000, 1 << 16);

    static Stream<Arguments> json() {
        return Stream.of(
                seed("study", """
                        [{"00080020":{"vr":"DA","Value":["20240115"]},"00100010":{"vr":"PN","Value":[{"Alphabetic":
                        "DOE^J"}]},"00201208":{"vr":"IS","Value":[3]}}]"""),
                seed("sequence and inline", """
                        [{"00186011":{"vr":"SQ","Value":[{"00186018":{"vr":"UL","Value":[0]},"0018602C":{"vr":"FD",
                        "Value":[0.031]}}]},"00281201":{"vr":"OW","InlineBinary":"AAECAw=="},"7FE00010":{"vr":"OB",
                        "BulkDataURI":"http://a/b"}}]"""));
    }

    static Stream<Arguments> multipart() {
        return Stream.of(
                seed("two frames", "--b\r\nContent-Type: application/octet-stream\r\n\r\nABCD\r\n--b\r\n"
                        + "Content-Type: image/jpeg\r\n\r\n\u00ff\u00d8\u00ff\u00d9\r\n--b--\r\n"),
                seed("preamble", "ignored\r\n--b\r\n\r\nX\r\n--b--"));
    }

    private static Arguments seed(String name, String text) {
        return Arguments.of(Named.of(name, text.getBytes(StandardCharsets.ISO_8859_1)));
    }

    @MethodSource("json")
    @FuzzTest(maxDuration = "2m")
    void dicomJsonAnswers(byte[] input) throws Exception {
        FuzzProperty.holds(() -> {
            try {
                DicomJsonReader.readArray(new ByteArrayInputStream(input), SMALL);
            } catch (RemoteException e) {
                FuzzProperty.requireReadableMessage(e.getMessage(), e);
            }
        });
    }

    @MethodSource("multipart")
    @FuzzTest(maxDuration = "2m")
    void multipartAnswers(byte[] input) throws Exception {
        FuzzProperty.holds(() -> {
            MultipartReader reader = new MultipartReader(new ByteArrayInputStream(input), "b", 1 << 16);
            Optional<MultipartReader.Part> part;
            int parts = 0;
            while ((part = reader.next()).isPresent() && parts++ < 10_000) {
                part.get().readAll(1 << 16);
            }
        });
    }
}
