package org.sonocine.remote;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a multipart/related body (RFC 2046 section 5.1, RFC 2387) part by part as it arrives, without holding more
 * than a small window of it: each part is a stream that ends at the next delimiter, so a cine's frames can be
 * decoded while later ones are still on their way. Parts larger than a limit, headers longer than a limit and a
 * body that ends before its closing delimiter are refused with a {@link MultipartException}. Not thread-safe.
 */
final class MultipartReader {
    static final int MAX_HEADER_BYTES = 16 * 1024;
    private static final int MAX_PREAMBLE_BYTES = 64 * 1024;
    private static final int WINDOW = 64 * 1024;

    private final InputStream in;
    private final byte[] delimiter;
    private final long maxPartBytes;
    private final byte[] buf;
    private int pos;
    private int limit;
    /** No delimiter starts before this index of the window: searched already, not searched again. */
    private int searched;
    private boolean eof;
    private int parts;
    private boolean started;
    private boolean finished;
    private PartStream current;

    /** One part: its headers (names in lower case) and its body, readable once. */
    record Part(int number, Map<String, String> headers, InputStream body) {
        Optional<String> header(String name) {
            return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
        }

        /** The whole body, refusing one longer than {@code max} bytes before reading it all. */
        byte[] readAll(long max) throws IOException {
            byte[] bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
            if (bytes.length > max) {
                throw new MultipartException("part " + number + " of the archive's answer is larger than the "
                        + max + " bytes accepted for it");
            }
            return bytes;
        }
    }

    MultipartReader(InputStream in, String boundary, long maxPartBytes) throws MultipartException {
        if (boundary == null || boundary.isEmpty() || boundary.length() > 200) {
            throw new MultipartException("the multipart answer names no usable boundary");
        }
        this.in = in;
        this.delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        this.maxPartBytes = maxPartBytes;
        this.buf = new byte[WINDOW + delimiter.length];
        // The first delimiter may open the body, with no line break before it: pretend there was one.
        buf[0] = '\r';
        buf[1] = '\n';
        limit = 2;
    }

    /** The boundary of a multipart Content-Type, refusing any other type. */
    static String boundaryOf(MediaType type) throws MultipartException {
        if (!type.type().startsWith("multipart/")) {
            throw new MultipartException("the archive answered with " + type.type() + " where a multipart body was"
                    + " expected");
        }
        return type.parameter("boundary").orElseThrow(() -> new MultipartException("the archive's multipart answer"
                + " names no boundary"));
    }

    /** The next part, or empty after the closing delimiter. Whatever is left of the previous part is skipped. */
    Optional<Part> next() throws IOException {
        if (finished) {
            return Optional.empty();
        }
        if (!started) {
            started = true;
            skipPreamble();
        } else if (current != null) {
            current.skipRest();
        }
        current = null;
        if (!ensure(2)) {
            throw new MultipartException("the archive's multipart answer ends after part " + parts
                    + " without its closing delimiter");
        }
        if (buf[pos] == '-' && buf[pos + 1] == '-') {
            finished = true;
            return Optional.empty();
        }
        skipLineEnd();
        parts++;
        Map<String, String> headers = readHeaders();
        current = new PartStream();
        return Optional.of(new Part(parts, headers, current));
    }

    private void skipPreamble() throws IOException {
        long skipped = 0;
        while (true) {
            int at = find();
            if (at >= 0) {
                pos = at + delimiter.length;
                return;
            }
            int keep = Math.max(pos, limit - delimiter.length + 1);
            skipped += keep - pos;
            pos = keep;
            if (skipped > MAX_PREAMBLE_BYTES) {
                throw new MultipartException("the archive's multipart answer does not start with its boundary");
            }
            if (!fill()) {
                throw new MultipartException(parts == 0 && skipped == 0 && limit <= 2
                        ? "the archive's multipart answer is empty"
                        : "the archive's multipart answer contains no part (its boundary never appears)");
            }
        }
    }

    /** After a delimiter: optional transport padding, then CRLF. */
    private void skipLineEnd() throws IOException {
        int padding = 0;
        while (ensure(1) && (buf[pos] == ' ' || buf[pos] == '\t') && padding++ < 64) {
            pos++;
        }
        if (!ensure(2) || buf[pos] != '\r' || buf[pos + 1] != '\n') {
            throw new MultipartException("the archive's multipart answer has a boundary line that does not end in"
                    + " CRLF, before part " + (parts + 1));
        }
        pos += 2;
    }

    private Map<String, String> readHeaders() throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        int total = 0;
        while (true) {
            StringBuilder line = new StringBuilder();
            while (true) {
                if (!ensure(1)) {
                    throw new MultipartException("the archive's multipart answer ends inside the headers of part "
                            + parts);
                }
                byte b = buf[pos++];
                if (++total > MAX_HEADER_BYTES) {
                    throw new MultipartException("part " + parts + " of the archive's answer has more than "
                            + MAX_HEADER_BYTES + " bytes of headers");
                }
                if (b == '\n') {
                    break;
                }
                line.append((char) (b & 0xFF));
            }
            int end = line.length();
            if (end > 0 && line.charAt(end - 1) == '\r') {
                line.setLength(end - 1);
            }
            if (line.length() == 0) {
                return headers;
            }
            int colon = line.indexOf(":");
            if (colon <= 0) {
                // The line itself is not repeated: it is whatever the archive sent, binary or worse.
                throw new MultipartException("part " + parts + " of the archive's answer has a header line without"
                        + " a name (" + line.length() + " characters)");
            }
            headers.putIfAbsent(line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                    line.substring(colon + 1).trim());
        }
    }

    /** Index of the next delimiter in the window, or -1. */
    private int find() {
        byte first = delimiter[0];
        outer:
        for (int i = Math.max(pos, searched); i <= limit - delimiter.length; i++) {
            if (buf[i] != first) {
                continue;
            }
            for (int j = 1; j < delimiter.length; j++) {
                if (buf[i + j] != delimiter[j]) {
                    continue outer;
                }
            }
            return i;
        }
        searched = Math.max(pos, limit - delimiter.length + 1);
        return -1;
    }

    private boolean ensure(int n) throws IOException {
        while (limit - pos < n) {
            if (!fill()) {
                return false;
            }
        }
        return true;
    }

    /** Moves what is unread to the front of the window and reads more; false at the end of the body. */
    private boolean fill() throws IOException {
        if (eof) {
            return false;
        }
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, limit - pos);
            limit -= pos;
            searched = Math.max(0, searched - pos);
            pos = 0;
        }
        int n = in.read(buf, limit, buf.length - limit);
        if (n < 0) {
            eof = true;
            return false;
        }
        limit += n;
        return true;
    }

    /** The body of the current part: ends where the next delimiter starts. */
    private final class PartStream extends InputStream {
        private boolean ended;
        private long count;

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (ended || current != this) {
                return -1;
            }
            if (len == 0) {
                return 0;
            }
            while (true) {
                int at = find();
                int available = at >= 0 ? at - pos : limit - delimiter.length + 1 - pos;
                if (at == pos) {
                    pos += delimiter.length;
                    ended = true;
                    return -1;
                }
                if (available > 0) {
                    int n = Math.min(len, available);
                    System.arraycopy(buf, pos, b, off, n);
                    pos += n;
                    count += n;
                    if (count > maxPartBytes) {
                        throw new MultipartException("part " + parts + " of the archive's answer is larger than the "
                                + maxPartBytes + " bytes accepted for it");
                    }
                    return n;
                }
                if (!fill()) {
                    throw new MultipartException("the archive's multipart answer ends inside part " + parts
                            + ", after " + count + " bytes of it");
                }
            }
        }

        void skipRest() throws IOException {
            byte[] skip = new byte[8192];
            while (read(skip, 0, skip.length) >= 0) {
                // discarded
            }
        }
    }
}
