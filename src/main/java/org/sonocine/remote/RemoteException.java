package org.sonocine.remote;

/** Why a request to an archive failed, in words a user can act on. */
public final class RemoteException extends Exception {

    /** The kind of failure, for callers that react differently (ask for credentials, offer a retry). */
    public enum Reason {
        UNREACHABLE, UNTRUSTED, TIMEOUT, UNAUTHORIZED, FORBIDDEN, NOT_FOUND, BUSY, SERVER_ERROR, REFUSED_REQUEST, MALFORMED,
        SYNTAX_IGNORED, TOO_LARGE, INTERRUPTED
    }

    private final Reason reason;

    public RemoteException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public RemoteException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
