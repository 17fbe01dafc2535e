package org.sonocine.ui;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Whose program listens on a port of 127.0.0.1, where the system says: before a launch talks to the running viewer
 * it makes sure that no other user has taken the viewer's port (after the viewer ended, say).
 *
 * <p>Linux lists every socket of the network namespace with its owner's uid in {@code /proc/net/tcp} and
 * {@code /proc/net/tcp6}, and this process's own uid in {@code /proc/self/status}. Elsewhere there is no such file
 * and no Java API that maps a port to its owner (macOS and Windows need native calls or external tools for it),
 * and on Linux the files may be missing or hide the socket (another namespace): then the answer is "cannot tell",
 * and the proof exchange of {@link InstanceProtocol} remains what keeps file names from a stranger.
 */
final class PortOwner {
    /**
     * Local addresses, as the kernel prints them, of sockets that take connections to 127.0.0.1: 127.0.0.1 itself,
     * the IPv4 and IPv6 wildcards, and 127.0.0.1 mapped into IPv6; each address is printed as 32-bit words in the
     * machine's byte order, so both orders are listed.
     */
    private static final Set<String> REACHED_BY_LOOPBACK = Set.of(
            "0100007F", "7F000001", "00000000",
            "00000000000000000000000000000000",
            "0000000000000000FFFF00000100007F", "00000000000000000000FFFF7F000001");
    private static final String LISTEN = "0A";

    private final Path procNet;
    private final Path selfStatus;

    PortOwner(Path procNet, Path selfStatus) {
        this.procNet = procNet;
        this.selfStatus = selfStatus;
    }

    static PortOwner system() {
        return new PortOwner(Path.of("/proc/net"), Path.of("/proc/self/status"));
    }

    /** True only when the system names a user other than this process's as a listener on 127.0.0.1:{@code port}. */
    boolean isAnotherUsers(int port) {
        OptionalInt self = currentUid();
        return self.isPresent() && listenerUids(port).stream().anyMatch(uid -> uid != self.getAsInt());
    }

    /** The uid Linux records as the owner of this process's sockets: the file-system uid, the last of four. */
    OptionalInt currentUid() {
        try (BufferedReader reader = Files.newBufferedReader(selfStatus)) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.startsWith("Uid:")) {
                    String[] ids = line.substring(4).trim().split("\\s+");
                    return OptionalInt.of(Integer.parseUnsignedInt(ids[ids.length - 1]));
                }
            }
        } catch (IOException | RuntimeException e) {
            // Not Linux, or not a form we know: the check is skipped, see the class comment.
        }
        return OptionalInt.empty();
    }

    /** The uids of the sockets listening where a connection to 127.0.0.1:{@code port} arrives; empty if unknown. */
    List<Integer> listenerUids(int port) {
        String hexPort = HexFormat.of().withUpperCase().toHexDigits((short) port);
        List<Integer> uids = new ArrayList<>();
        for (String table : List.of("tcp", "tcp6")) {
            try (BufferedReader reader = Files.newBufferedReader(procNet.resolve(table))) {
                reader.readLine();
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    listenerUid(line.trim().split("\\s+"), hexPort).ifPresent(uids::add);
                }
            } catch (IOException | RuntimeException e) {
                // This table is missing or unreadable: nothing to learn from it.
            }
        }
        return uids;
    }

    /** Fields: sl, local address:port, remote address:port, state, queues, timer, retransmits, uid, ... */
    private static OptionalInt listenerUid(String[] fields, String hexPort) {
        if (fields.length < 8 || !fields[3].equals(LISTEN)) {
            return OptionalInt.empty();
        }
        String local = fields[1].toUpperCase(Locale.ROOT);
        int colon = local.indexOf(':');
        if (colon < 0 || !local.substring(colon + 1).equals(hexPort)
                || !REACHED_BY_LOOPBACK.contains(local.substring(0, colon))) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(Integer.parseUnsignedInt(fields[7]));
    }
}
