package org.sonocine.ui;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.DataInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;

/**
 * The conversation between a second launch and the running viewer over a loopback socket.
 *
 * <p>Both sides prove they know the token from the lock file without sending it: each answers the other's random
 * challenge with an HMAC. The running viewer thereby refuses any local process (another user's, say) that does
 * not know the token, and a second launch never hands file names, which can carry patient names, to whatever
 * else may have taken the port of a viewer that crashed.
 *
 * <pre>
 * viewer → launch   GREETING, viewer nonce
 * launch → viewer   GREETING, launch nonce, proof("launch")
 * viewer → launch   ACCEPTED, proof("viewer")          or REFUSED, and the connection ends
 * launch → viewer   number of paths, each path
 * viewer → launch   OPENED                             or CLOSING when the viewer is on its way out
 * </pre>
 */
final class InstanceProtocol {
    static final String GREETING = "sonocine-instance/1";
    static final int NONCE_BYTES = 16;
    static final int PROOF_BYTES = 32;
    static final int MAX_PATHS = 10_000;
    /** Both sides are on this machine: anything slower than this is not a Sonocine viewer that is alive. */
    static final int TIMEOUT_MILLIS = 3_000;
    static final byte ACCEPTED = 1;
    static final byte REFUSED = 0;
    static final byte OPENED = 1;
    static final byte CLOSING = 0;
    static final String LAUNCH = "launch";
    static final String VIEWER = "viewer";

    private static final SecureRandom RANDOM = new SecureRandom();

    private InstanceProtocol() {
    }

    /** 127.0.0.1 itself: only processes on this machine can connect, whatever the IPv4/IPv6 preferences say. */
    static InetAddress loopback() {
        try {
            return InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
        } catch (UnknownHostException e) {
            throw new AssertionError("a literal address needs no lookup", e);
        }
    }

    static byte[] nonce() {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        return nonce;
    }

    /** What {@code role} sends to show it knows {@code token}; bound to both nonces so it cannot be replayed. */
    static byte[] proof(String token, String role, byte[] viewerNonce, byte[] launchNonce) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(token.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update(role.getBytes(StandardCharsets.UTF_8));
            mac.update(viewerNonce);
            mac.update(launchNonce);
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    static boolean sameProof(byte[] a, byte[] b) {
        return MessageDigest.isEqual(a, b);
    }

    static byte[] readBytes(DataInputStream in, int count) throws IOException {
        byte[] bytes = new byte[count];
        in.readFully(bytes);
        return bytes;
    }
}
