package org.sonocine.remote;

import java.net.URI;
import java.time.Duration;

/**
 * Where an archive's DICOMweb service lives and how to talk to it: the base URL (e.g.
 * {@code http://localhost:8042/dicom-web}), credentials, how long to wait, and how often to retry a transient
 * failure (HTTP 503 or 429, a connection reset) with a doubling pause between attempts.
 */
public record ArchiveConnection(URI base, Credentials credentials, Duration connectTimeout, Duration requestTimeout,
                                int attempts, Duration firstPause) {

    private static final String USER_IN_ADDRESS = "the address holds a user name or password: give the address"
            + " without them, and the user name and password as credentials";

    public ArchiveConnection {
        if (base.getRawUserInfo() != null) {
            // Not echoed: it may hold a password.
            throw new IllegalArgumentException(USER_IN_ADDRESS);
        }
        String scheme = base.getScheme();
        if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                || base.getHost() == null) {
            throw new IllegalArgumentException("an archive's address must be an http or https URL, not " + base);
        }
        if (attempts < 1) {
            throw new IllegalArgumentException("at least one attempt is needed");
        }
        String path = base.getPath() == null ? "" : base.getPath();
        if (path.endsWith("/")) {
            base = base.resolve(path.replaceAll("/+$", ""));
        }
    }

    /** An archive at {@code base} with no credentials, 10 s to connect, 60 s per answer and 3 attempts. */
    public static ArchiveConnection of(URI base) {
        return new ArchiveConnection(base, Credentials.none(), Duration.ofSeconds(10), Duration.ofSeconds(60), 3,
                Duration.ofMillis(500));
    }

    /** Parses a user's URL, with a message rather than an exception on nonsense. */
    public static ArchiveConnection parse(String url) throws RemoteException {
        try {
            return of(URI.create(url.trim()));
        } catch (IllegalArgumentException e) {
            if (USER_IN_ADDRESS.equals(e.getMessage())) {
                throw new RemoteException(RemoteException.Reason.REFUSED_REQUEST, USER_IN_ADDRESS);
            }
            throw new RemoteException(RemoteException.Reason.REFUSED_REQUEST,
                    "not a DICOMweb address: " + url + " (expected e.g. http://localhost:8042/dicom-web)");
        }
    }

    public ArchiveConnection withCredentials(Credentials value) {
        return new ArchiveConnection(base, value, connectTimeout, requestTimeout, attempts, firstPause);
    }

    public ArchiveConnection withTimeouts(Duration connect, Duration request) {
        return new ArchiveConnection(base, credentials, connect, request, attempts, firstPause);
    }

    public ArchiveConnection withRetries(int attemptCount, Duration pause) {
        return new ArchiveConnection(base, credentials, connectTimeout, requestTimeout, attemptCount, pause);
    }

    /** The URL of {@code path} (already escaped, starting with '/') below the base. */
    URI resolve(String path) {
        return URI.create(base.toString() + path);
    }
}
