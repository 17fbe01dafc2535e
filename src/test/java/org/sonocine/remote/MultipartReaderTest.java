package org.sonocine.remote;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MultipartReaderTest {
    private static final String BOUNDARY = "b0undary-42";

    static byte[] body(String boundary, byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(("--" + boundary + "\r\nContent-Type: application/octet-stream\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.writeBytes(p);
            out.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
        }
        out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.ISO_8859_1));
        return out.toByteArray();
    }

    private static List<byte[]> readAll(InputStream in, long max) throws IOException {
        MultipartReader reader = new MultipartReader(in, BOUNDARY, max);
        List<byte[]> out = new ArrayList<>();
        Optional<MultipartReader.Part> p;
        while ((p = reader.next()).isPresent()) {
            out.add(p.get().body().readAllBytes());
        }
        return out;
    }

    /** Hands out at most {@code chunk} bytes per read, as a slow network does. */
    private static InputStream trickling(byte[] bytes, int chunk) {
        return new ByteArrayInputStream(bytes) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, chunk));
            }
        };
    }

    @Test
    void partsComeOutAsSentWhateverTheirContentAndHowTheyArrive() throws IOException {
        Random random = new Random(7);
        byte[] big = new byte[200_000];
        random.nextBytes(big);
        // A part that contains CRLF and dashes and almost the delimiter.
        byte[] tricky = ("\r\n--b0undary-4\r\n-- b0undary-42\r\n-").getBytes(StandardCharsets.ISO_8859_1);
        byte[] empty = new byte[0];
        byte[] body = body(BOUNDARY, big, tricky, empty);
        for (int chunk : new int[] {1, 7, 4096, Integer.MAX_VALUE}) {
            List<byte[]> parts = readAll(trickling(body, chunk), 1 << 20);
            assertThat(parts).as("read %d bytes at a time", chunk).hasSize(3);
            assertThat(parts.get(0)).isEqualTo(big);
            assertThat(parts.get(1)).isEqualTo(tricky);
            assertThat(parts.get(2)).isEmpty();
        }
    }

    @Test
    void headersOfEachPartAreRead() throws IOException {
        String text = "preamble to ignore\r\n--" + BOUNDARY + "\r\nContent-Type: image/jpeg; transfer-syntax=1.2.840"
                + ".10008.1.2.4.50\r\nContent-Location: x\r\n\r\nAB\r\n--" + BOUNDARY + "--";
        MultipartReader reader = new MultipartReader(new ByteArrayInputStream(text.getBytes(StandardCharsets
                .ISO_8859_1)), BOUNDARY, 100);
        MultipartReader.Part part = reader.next().orElseThrow();
        assertThat(part.header("content-type")).contains("image/jpeg; transfer-syntax=1.2.840.10008.1.2.4.50");
        assertThat(part.readAll(100)).containsExactly('A', 'B');
        assertThat(reader.next()).isEmpty();
    }

    @Test
    void aBodyCutShortInsideAPartIsMalformed() {
        byte[] body = body(BOUNDARY, new byte[1000]);
        byte[] cut = java.util.Arrays.copyOf(body, 600);
        assertThatThrownBy(() -> readAll(new ByteArrayInputStream(cut), 1 << 20))
                .isInstanceOf(MultipartException.class)
                // 543 bytes of the part arrived; the last 14 could have been the start of a delimiter (15 bytes)
                .hasMessage("the archive's multipart answer ends inside part 1, after 529 bytes of it");
    }

    @Test
    void aBodyWithoutItsClosingDelimiterIsMalformed() {
        String text = "--" + BOUNDARY + "\r\n\r\nAB\r\n--" + BOUNDARY;
        assertThatThrownBy(() -> readAll(new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1)), 100))
                .isInstanceOf(MultipartException.class)
                .hasMessage("the archive's multipart answer ends after part 1 without its closing delimiter");
    }

    @Test
    void aBodyWhoseBoundaryNeverAppearsIsMalformed() {
        assertThatThrownBy(() -> readAll(new ByteArrayInputStream("<html>oops</html>".getBytes(StandardCharsets
                .ISO_8859_1)), 100))
                .isInstanceOf(MultipartException.class)
                .hasMessage("the archive's multipart answer contains no part (its boundary never appears)");
    }

    @Test
    void aPartLargerThanTheLimitIsRefusedBeforeItIsAllRead() {
        byte[] body = body(BOUNDARY, new byte[10_000]);
        assertThatThrownBy(() -> readAll(new ByteArrayInputStream(body), 4096))
                .isInstanceOf(MultipartException.class)
                .hasMessage("part 1 of the archive's answer is larger than the 4096 bytes accepted for it");
    }

    @Test
    void endlessHeadersAreRefused() {
        String text = "--" + BOUNDARY + "\r\nX: " + "a".repeat(MultipartReader.MAX_HEADER_BYTES) + "\r\n\r\n";
        assertThatThrownBy(() -> readAll(new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1)), 100))
                .isInstanceOf(MultipartException.class)
                .hasMessage("part 1 of the archive's answer has more than 16384 bytes of headers");
    }

    @Test
    void aBoundaryLineMustEndInCrLf() {
        String text = "--" + BOUNDARY + "junk\r\n\r\nAB\r\n--" + BOUNDARY + "--";
        assertThatThrownBy(() -> readAll(new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1)), 100))
                .isInstanceOf(MultipartException.class)
                .hasMessage("the archive's multipart answer has a boundary line that does not end in CRLF, before"
                        + " part 1");
    }

    @Test
    void theBoundaryComesFromTheContentTypeOfAMultipartAnswerOnly() throws Exception {
        assertThat(MultipartReader.boundaryOf(MediaType.parse("multipart/related; type=\"application/dicom\";"
                + " boundary=\"a;b\""))).isEqualTo("a;b");
        assertThatThrownBy(() -> MultipartReader.boundaryOf(MediaType.parse("text/html; charset=utf-8")))
                .hasMessage("the archive answered with text/html where a multipart body was expected");
        assertThatThrownBy(() -> MultipartReader.boundaryOf(MediaType.parse("multipart/related")))
                .hasMessage("the archive's multipart answer names no boundary");
    }

    @Test
    void nestedMediaTypesAreUnquoted() throws Exception {
        MediaType type = MediaType.parse("multipart/related; type=\"image/jpeg; transfer-syntax=1.2.840.10008.1.2.4"
                + ".50\"; boundary=xyz");
        assertThat(type.type()).isEqualTo("multipart/related");
        MediaType inner = MediaType.parse(type.parameter("type").orElseThrow());
        assertThat(inner.type()).isEqualTo("image/jpeg");
        assertThat(inner.parameter("transfer-syntax")).contains("1.2.840.10008.1.2.4.50");
        assertThat(type.parameter("boundary")).contains("xyz");
    }
}
