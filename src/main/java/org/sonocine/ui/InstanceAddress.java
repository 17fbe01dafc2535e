package org.sonocine.ui;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.Properties;
import java.io.IOException;
import java.io.StringReader;

/** Where the running viewer listens (a loopback port) and the secret a second launch must prove it knows. */
record InstanceAddress(int port, String token) {
    private static final SecureRandom RANDOM = new SecureRandom();

    static InstanceAddress withNewToken(int port) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return new InstanceAddress(port, Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
    }

    String format() {
        return "port=" + port + "\ntoken=" + token + "\n";
    }

    /** Empty for anything that is not a complete address, e.g. a file cut short by a crash. */
    static Optional<InstanceAddress> parse(String text) {
        Properties p = new Properties();
        try {
            p.load(new StringReader(text));
            int port = Integer.parseInt(p.getProperty("port", ""));
            String token = p.getProperty("token", "");
            if (port < 1 || port > 65535 || token.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new InstanceAddress(port, token));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return "InstanceAddress[port=" + port + "]";
    }
}
