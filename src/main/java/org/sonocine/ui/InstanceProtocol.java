package org.sonocine.ui;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.DataInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;

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
 *
 * <p>Every conversation is bounded in time and size, on both sides, so that no other process on the machine can
 * hold either side up: a live viewer answers within milliseconds, whatever is slower is treated as absent.
 */
final class InstanceProtocol {
    /** Sent as raw ASCII of a fixed length, so a side compares bytes and never allocates what a stranger declares. */
    private static final byte[] GREETING = "sonocine-instance/2".getBytes(StandardCharsets.US_ASCII);
    static final int NONCE_BYTES = 16;
    static final int PROOF_BYTES = 32;
    static final int MAX_PATHS = 10_000;
    /** All a launch may send; paths of ordinary length fill it with far more than {@link #MAX_PATHS} files. */
    static final int MAX_REQUEST_BYTES = 4 << 20;
    /** How long a launch waits for the running viewer, from connecting to its answer, before opening its own window. */
    static final Duration LAUNCH_DEADLINE = Duration.ofSeconds(1);
    /** How long the viewer gives one connection, from accepting it to its last answer, however the bytes trickle in. */
    static final Duration CONVERSATION_DEADLINE = Duration.ofSeconds(1);
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

    static byte[] greeting() {
        return GREETING.clone();
    }

    /** True when the next bytes are the greeting; reads no more than the greeting's length. */
    static boolean readGreeting(DataInputStream in) throws IOException {
        return MessageDigest.isEqual(readBytes(in, GREETING.length), GREETING);
    }

    static byte[] nonce() {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        return nonce;
    }

    /**
     * Loads the HMAC's algorithm, which the running viewer's first conversation would otherwise load within its
     * deadline (50-100 ms, more on a busy machine). For once the viewer's start is over: any earlier, on two cores,
     * the time would come out of the start itself.
     */
    static void prepare() {
        keyed("prepare");
    }

    /**
     * An HMAC keyed with {@code token}, made before a conversation starts: loading the algorithm the first time takes
     * a good part of what a whole conversation may (see {@link #prepare}).
     */
    static Mac keyed(String token) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(token.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    /** What {@code role} sends to show it knows the token; bound to both nonces so it cannot be replayed. */
    static byte[] proof(Mac keyed, String role, byte[] viewerNonce, byte[] launchNonce) {
        keyed.update(role.getBytes(StandardCharsets.UTF_8));
        keyed.update(viewerNonce);
        keyed.update(launchNonce);
        return keyed.doFinal();
    }

    static boolean sameProof(byte[] a, byte[] b) {
        return MessageDigest.isEqual(a, b);
    }

    /** False for a request the viewer would cut off as too large: such a launch opens its files itself. */
    static boolean fits(List<Path> paths) {
        if (paths.size() > MAX_PATHS) {
            return false;
        }
        long bytes = GREETING.length + NONCE_BYTES + PROOF_BYTES + Integer.BYTES;
        for (Path path : paths) {
            int length = modifiedUtf8Length(path.toString());
            if (length > 0xFFFF) {
                return false;
            }
            bytes += 2 + length;
        }
        return bytes <= MAX_REQUEST_BYTES;
    }

    /** The length {@link java.io.DataOutputStream#writeUTF} gives a string, which it refuses beyond 65535. */
    private static int modifiedUtf8Length(String text) {
        int length = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            length += c >= 0x0001 && c <= 0x007F ? 1 : c <= 0x07FF ? 2 : 3;
        }
        return length;
    }

    static byte[] readBytes(DataInputStream in, int count) throws IOException {
        byte[] bytes = new byte[count];
        in.readFully(bytes);
        return bytes;
    }
}
