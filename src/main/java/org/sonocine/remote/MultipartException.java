package org.sonocine.remote;

import java.io.IOException;

/** A multipart/related body that does not follow RFC 2046: cut short, a part too large, headers that make no sense. */
final class MultipartException extends IOException {
    MultipartException(String message) {
        super(message);
    }
}
