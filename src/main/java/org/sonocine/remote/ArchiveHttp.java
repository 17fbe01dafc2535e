package org.sonocine.remote;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

import javax.net.ssl.SSLHandshakeException;

/**
 * GET requests to an archive through the JDK's HTTP client: credentials, timeouts, status codes turned into
 * {@link RemoteException}s a user can read, and retries with a doubling pause for what is worth retrying (503,
 * 429, a connection reset mid-answer) and nothing else: a refused connection or a wrong password stays wrong.
 */
final class ArchiveHttp {
    /** A pause asked for by Retry-After is honoured up to this long. */
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(10);

    private final ArchiveConnection connection;
    private final HttpClient client;

    ArchiveHttp(ArchiveConnection connection) {
        this.connection = connection;
        this.client = HttpClient.newBuilder()
                .connectTimeout(connection.connectTimeout())
                // Not followed: the client would send the credentials on to wherever a redirect points.
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    ArchiveConnection connection() {
        return connection;
    }

    /**
     * GETs {@code uri} accepting {@code accept}; the answer is a 2xx whose body the caller must close. Statuses
     * that do not mean success become a RemoteException, except those in {@code passThrough} (e.g. 406, 400 when
     * the caller falls back to another media type), which are returned.
     */
    HttpResponse<InputStream> get(URI uri, String accept, int... passThrough) throws RemoteException {
        Duration pause = connection.firstPause();
        for (int attempt = 1; ; attempt++) {
            boolean last = attempt >= connection.attempts();
            HttpResponse<InputStream> response;
            try {
                response = client.send(request(uri, accept), info -> HttpResponse.BodySubscribers.mapping(
                        HttpResponse.BodySubscribers.ofInputStream(),
                        in -> new IdleTimeoutInputStream(in, connection.requestTimeout())));
            } catch (HttpConnectTimeoutException e) {
                throw new RemoteException(RemoteException.Reason.TIMEOUT, "could not connect to the archive at "
                        + connection.base() + " within " + seconds(connection.connectTimeout()), e);
            } catch (HttpTimeoutException e) {
                throw new RemoteException(RemoteException.Reason.TIMEOUT, "the archive at " + connection.base()
                        + " did not answer within " + seconds(connection.requestTimeout()), e);
            } catch (SSLHandshakeException e) {
                throw new RemoteException(RemoteException.Reason.UNTRUSTED, "the archive at " + connection.base()
                        + " could not prove who it is: " + handshakeWords(e), e);
            } catch (ConnectException e) {
                throw new RemoteException(RemoteException.Reason.UNREACHABLE, "cannot reach the archive at "
                        + connection.base() + ": " + connectWords(e), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RemoteException(RemoteException.Reason.INTERRUPTED, "the request to the archive was"
                        + " cancelled", e);
            } catch (IOException e) {
                if (isReset(e) && !last) {
                    sleep(pause);
                    pause = pause.multipliedBy(2);
                    continue;
                }
                throw new RemoteException(RemoteException.Reason.UNREACHABLE, "lost the connection to the archive at "
                        + connection.base() + ": " + words(e), e);
            } catch (IllegalArgumentException e) {
                throw new RemoteException(RemoteException.Reason.REFUSED_REQUEST, "cannot ask the archive for " + uri
                        + ": " + e.getMessage(), e);
            }
            int status = response.statusCode();
            if (status / 100 == 2 || contains(passThrough, status)) {
                return response;
            }
            String detail = drain(response);
            if ((status == 503 || status == 429) && !last) {
                sleep(retryAfter(response).orElse(pause));
                pause = pause.multipliedBy(2);
                continue;
            }
            throw failure(status, uri, detail, attempt,
                    response.headers().firstValue("Location").map(ArchiveHttp::withoutUserInfo).orElse(""));
        }
    }

    private HttpRequest request(URI uri, String accept) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).GET().timeout(connection.requestTimeout())
                .header("Accept", accept);
        connection.credentials().authorization().ifPresent(a -> b.header("Authorization", a));
        return b.build();
    }

    private RemoteException failure(int status, URI uri, String detail, int attempts, String location) {
        String tail = detail.isEmpty() ? "" : " (" + detail + ")";
        if (status / 100 == 3) {
            // The new address is the archive's own words; the credentials stay with the address the user gave.
            return new RemoteException(RemoteException.Reason.REFUSED_REQUEST, "the archive at " + connection.base()
                    + " sends this request elsewhere (HTTP " + status + (location.isEmpty() ? "" : " to " + location)
                    + "): give that address instead; redirects are not followed, so that credentials go nowhere"
                    + " else");
        }
        return switch (status) {
            case 401 -> new RemoteException(RemoteException.Reason.UNAUTHORIZED, connection.credentials()
                    instanceof Credentials.None ? "the archive at " + connection.base() + " asks for credentials"
                    : "the archive at " + connection.base() + " refused the credentials");
            case 403 -> new RemoteException(RemoteException.Reason.FORBIDDEN, "the archive at " + connection.base()
                    + " refused access to " + uri.getPath());
            case 404 -> new RemoteException(RemoteException.Reason.NOT_FOUND, "the archive has nothing at "
                    + uri.getPath() + tail);
            case 429, 503 -> new RemoteException(RemoteException.Reason.BUSY, "the archive at " + connection.base()
                    + " is busy (HTTP " + status + ") and stayed so after " + attempts + " attempts");
            default -> status >= 500
                    ? new RemoteException(RemoteException.Reason.SERVER_ERROR, "the archive failed with HTTP " + status
                    + " for " + uri.getPath() + tail)
                    : new RemoteException(RemoteException.Reason.REFUSED_REQUEST, "the archive refused the request"
                    + " for " + uri.getPath() + " with HTTP " + status + tail);
        };
    }

    /** A failed TLS handshake in words: an untrusted certificate is by far the most common cause. */
    private static String handshakeWords(SSLHandshakeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = String.valueOf(t.getMessage());
            if (t instanceof java.security.cert.CertificateException || m.contains("PKIX")
                    || m.contains("certification path")) {
                return "its certificate is not signed by an authority this computer trusts (a hospital's own"
                        + " authority must be added to the Java runtime's or the system's trusted certificates)";
            }
            if (m.contains("No subject alternative") || m.contains("No name matching")) {
                return "its certificate is made out to another name than the address given";
            }
        }
        return e.getMessage() == null ? "the secure connection could not be set up" : e.getMessage();
    }

    private static String withoutUserInfo(String location) {
        return location.replaceFirst("^([a-zA-Z][a-zA-Z0-9+.-]*://)[^/@]*@", "$1");
    }

    /** The first line of an error body, for the message; a short read, the rest is discarded. */
    private static String drain(HttpResponse<InputStream> response) {
        try (InputStream in = response.body()) {
            String text = new String(in.readNBytes(2048), StandardCharsets.UTF_8);
            return firstMeaningfulLine(text);
        } catch (IOException e) {
            return "";
        }
    }

    private static String firstMeaningfulLine(String text) {
        // Orthanc answers errors with JSON whose "Message" says what went wrong.
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"Message\"\\s*:\\s*\"([^\"]{1,200})\"")
                .matcher(text);
        if (m.find()) {
            return m.group(1);
        }
        String trimmed = text.strip();
        if (trimmed.startsWith("<") || trimmed.startsWith("{") || trimmed.startsWith("[")) {
            return "";
        }
        int newline = trimmed.indexOf('\n');
        String line = newline < 0 ? trimmed : trimmed.substring(0, newline).strip();
        return line.length() > 200 ? line.substring(0, 200) + "..." : line;
    }

    private static Optional<Duration> retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").flatMap(v -> {
            try {
                long s = Long.parseLong(v.trim());
                return Optional.of(Duration.ofSeconds(Math.max(0, s)));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }).map(d -> d.compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : d);
    }

    private static void sleep(Duration pause) throws RemoteException {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RemoteException(RemoteException.Reason.INTERRUPTED, "the request to the archive was cancelled",
                    e);
        }
    }

    private static boolean isReset(IOException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = t.getMessage();
            if (m != null) {
                String lower = m.toLowerCase(Locale.ROOT);
                if (lower.contains("connection reset") || lower.contains("header parser received no bytes")
                        || lower.contains("closed before")) {
                    return true;
                }
            }
        }
        return false;
    }

    private String connectWords(ConnectException e) {
        if (e.getCause() instanceof UnresolvedAddressException) {
            return "unknown host " + connection.base().getHost();
        }
        String m = e.getMessage();
        return m == null || m.isBlank() ? "connection refused" : m.toLowerCase(Locale.ROOT);
    }

    private static String words(IOException e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    private static boolean contains(int[] values, int v) {
        for (int x : values) {
            if (x == v) {
                return true;
            }
        }
        return false;
    }
}
