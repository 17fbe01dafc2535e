package org.sonocine.ui;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class PortOwnerTest {
    private static final String HEADER =
            "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode";
    private static final String HEADER6 = "  sl  local_address                         remote_address"
            + "                        st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode";

    @TempDir
    Path dir;

    private PortOwner proc(List<String> tcp, List<String> tcp6, int selfUid) throws IOException {
        Path net = Files.createDirectories(dir.resolve("net"));
        Files.write(net.resolve("tcp"), tcp);
        Files.write(net.resolve("tcp6"), tcp6);
        Path status = Files.writeString(dir.resolve("status"), "Name:\tjava\nState:\tS (sleeping)\n"
                + "Uid:\t" + selfUid + "\t" + selfUid + "\t" + selfUid + "\t" + selfUid + "\n"
                + "Gid:\t100\t100\t100\t100\n");
        return new PortOwner(net, status);
    }

    private static String tcp(String local, String remote, String state, int uid) {
        return "   3: " + local + " " + remote + " " + state + " 00000000:00000000 00:00000000 00000000  " + uid
                + "        0 91234 1 0000000000000000 100 0 0 10 0";
    }

    @Test
    void listenerOfAnotherUserOnTheLoopbackPortIsSeen() throws IOException {
        PortOwner owner = proc(List.of(HEADER, tcp("0100007F:A1B2", "00000000:0000", "0A", 1001)), List.of(HEADER6),
                1000);

        assertThat(owner.listenerUids(0xA1B2)).containsExactly(1001);
        assertThat(owner.isAnotherUsers(0xA1B2)).isTrue();
        assertThat(owner.isAnotherUsers(0xA1B3)).isFalse();
    }

    @Test
    void ourOwnListenerIsNoStranger() throws IOException {
        PortOwner owner = proc(List.of(HEADER, tcp("0100007F:A1B2", "00000000:0000", "0A", 1000)), List.of(HEADER6),
                1000);

        assertThat(owner.isAnotherUsers(0xA1B2)).isFalse();
    }

    @Test
    void onlyListenersThatTakeConnectionsTo127001Count() throws IOException {
        PortOwner owner = proc(List.of(HEADER,
                        // Another address of the machine, and a connection (not a listener) from the port.
                        tcp("0501A8C0:A1B2", "00000000:0000", "0A", 1001),
                        tcp("0100007F:A1B2", "0100007F:9C40", "01", 1002)),
                List.of(HEADER6,
                        // The IPv6 wildcard takes IPv4 connections too.
                        tcp("00000000000000000000000000000000:A1B2", "00000000000000000000000000000000:0000", "0A",
                                1003)),
                1000);

        assertThat(owner.listenerUids(0xA1B2)).containsExactly(1003);
    }

    @Test
    void withoutTheSystemFilesTheCheckIsSkipped() {
        PortOwner nowhere = new PortOwner(dir.resolve("missing"), dir.resolve("missing-status"));

        assertThat(nowhere.currentUid()).isEmpty();
        assertThat(nowhere.isAnotherUsers(8080)).isFalse();
    }

    @Test
    void onLinuxOurOwnListeningSocketIsFoundAsOurs() throws IOException {
        PortOwner system = PortOwner.system();
        assumeTrue(Files.isReadable(Path.of("/proc/net/tcp")) && system.currentUid().isPresent(),
                "a Linux /proc");
        try (ServerSocket listener = new ServerSocket(0, 1, InstanceProtocol.loopback())) {
            assertThat(system.listenerUids(listener.getLocalPort())).containsExactly(system.currentUid().getAsInt());
            assertThat(system.isAnotherUsers(listener.getLocalPort())).isFalse();
        }
    }
}
