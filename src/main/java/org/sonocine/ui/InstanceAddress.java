package org.sonocine.ui;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.Properties;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/** Where the running viewer listens (a loopback port) and the secret a second launch must prove it knows. */
record InstanceAddress(int port, String token) {
    private static final int SECRET_BYTES = 32;
    /** The system's source of random bytes on Linux and macOS, which {@link SecureRandom} reads there too. */
    private static final Path SYSTEM_RANDOM = Path.of("/dev/urandom");

    static InstanceAddress withNewToken(int port) {
        return new InstanceAddress(port, Base64.getUrlEncoder().withoutPadding().encodeToString(secret(SYSTEM_RANDOM)));
    }

    /**
     * Read from the system's random device, {@code device}, where there is one: a {@link SecureRandom} made at start
     * sets up the security providers first, some 20 ms of a start on a modest machine, beside the toolkit's own.
     * Only a device counts: on Windows that path names a plain file on the current drive, which anyone may put there.
     */
    static byte[] secret(Path device) {
        try {
            if (Files.readAttributes(device, BasicFileAttributes.class).isOther()) {
                try (InputStream in = Files.newInputStream(device)) {
                    byte[] secret = in.readNBytes(SECRET_BYTES);
                    if (secret.length == SECRET_BYTES) {
                        return secret;
                    }
                }
            }
        } catch (IOException | SecurityException e) {
            // as on a system without one
        }
        byte[] secret = new byte[SECRET_BYTES];
        new SecureRandom().nextBytes(secret);
        return secret;
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
