package org.sonocine.remote;

import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/** How the client identifies itself to an archive: not at all, with HTTP basic authentication, or a bearer token. */
public sealed interface Credentials {

    /** The value of the Authorization header, if any. */
    Optional<String> authorization();

    static Credentials none() {
        return None.INSTANCE;
    }

    static Credentials basic(String user, char[] password) {
        return new Basic(user, password.clone());
    }

    static Credentials bearer(String token) {
        return new Bearer(token);
    }

    enum None implements Credentials {
        INSTANCE;

        @Override
        public Optional<String> authorization() {
            return Optional.empty();
        }
    }

    record Basic(String user, char[] password) implements Credentials {
        public Basic {
            if (user.indexOf(':') >= 0) {
                throw new IllegalArgumentException("a user name for HTTP basic authentication cannot contain ':'");
            }
        }

        @Override
        public Optional<String> authorization() {
            CharBuffer pair = CharBuffer.allocate(user.length() + 1 + password.length);
            pair.put(user).put(':').put(password).flip();
            var bytes = StandardCharsets.UTF_8.encode(pair);
            byte[] raw = new byte[bytes.remaining()];
            bytes.get(raw);
            return Optional.of("Basic " + Base64.getEncoder().encodeToString(raw));
        }

        /** Never prints the password. */
        @Override
        public String toString() {
            return "Basic[user=" + user + "]";
        }
    }

    record Bearer(String token) implements Credentials {
        public Bearer {
            if (token.isBlank() || token.chars().anyMatch(c -> c < 0x21 || c > 0x7E)) {
                throw new IllegalArgumentException("a bearer token must be one word of printable ASCII");
            }
        }

        @Override
        public Optional<String> authorization() {
            return Optional.of("Bearer " + token);
        }

        /** Never prints the token. */
        @Override
        public String toString() {
            return "Bearer[...]";
        }
    }
}
