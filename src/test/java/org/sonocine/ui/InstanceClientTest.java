package org.sonocine.ui;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sonocine.ui.InstanceClient.Delivery;

import java.io.DataOutputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A launch against whatever sits on the recorded port: it never waits long and never tells a stranger anything. */
class InstanceClientTest {
    /** Twice the launch's deadline: well below the three seconds a launch used to wait per silent read. */
    private static final Duration WITHIN_DEADLINE = InstanceProtocol.LAUNCH_DEADLINE.multipliedBy(2);

    @TempDir
    Path dir;

    private record Outcome(Delivery delivery, Duration took) {
    }

    private static Outcome send(ServerSocket listener, List<Path> paths) {
        long start = System.nanoTime();
        Delivery delivery = InstanceClient.send(InstanceAddress.withNewToken(listener.getLocalPort()), paths);
        return new Outcome(delivery, Duration.ofNanos(System.nanoTime() - start));
    }

    /** Runs {@code squatter} on each connection the listener accepts, until the listener is closed. */
    private static Thread serve(ServerSocket listener, Consumer<Socket> squatter) {
        Thread thread = new Thread(() -> {
            while (!listener.isClosed()) {
                try (Socket s = listener.accept()) {
                    squatter.accept(s);
                } catch (IOException e) {
                    // Closed at the end of the test.
                }
            }
        });
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    @Test
    void squatterThatAcceptsButNeverAnswersCostsAtMostTheDeadline() throws IOException {
        // Never accepted: the system completes the connection and then nothing ever comes.
        try (ServerSocket squatter = new ServerSocket(0, 1, InstanceProtocol.loopback())) {
            Outcome outcome = send(squatter, List.of(dir.resolve("a.dcm")));

            assertThat(outcome.delivery()).isEqualTo(Delivery.UNANSWERED);
            assertThat(outcome.took()).isLessThan(WITHIN_DEADLINE);
        }
    }

    @Test
    void squatterThatGreetsAndThenStallsCostsAtMostTheDeadline() throws Exception {
        try (ServerSocket squatter = new ServerSocket(0, 1, InstanceProtocol.loopback())) {
            serve(squatter, s -> {
                try {
                    s.getOutputStream().write(InstanceProtocol.greeting());
                    s.getOutputStream().write(new byte[InstanceProtocol.NONCE_BYTES]);
                    s.getInputStream().readAllBytes();
                } catch (IOException e) {
                    // The launch gave up.
                }
            });

            Outcome outcome = send(squatter, List.of(dir.resolve("a.dcm")));

            assertThat(outcome.delivery()).isEqualTo(Delivery.UNANSWERED);
            assertThat(outcome.took()).isLessThan(WITHIN_DEADLINE);
        }
    }

    @Test
    void squatterAnsweringGarbageIsNoViewer() throws IOException {
        try (ServerSocket squatter = new ServerSocket(0, 1, InstanceProtocol.loopback())) {
            serve(squatter, s -> {
                try {
                    s.getOutputStream().write("SSH-2.0-OpenSSH_9.2\r\n".getBytes(StandardCharsets.US_ASCII));
                    s.getInputStream().readAllBytes();
                } catch (IOException e) {
                    // The launch gave up.
                }
            });

            Outcome outcome = send(squatter, List.of(dir.resolve("a.dcm")));

            assertThat(outcome.delivery()).isEqualTo(Delivery.UNANSWERED);
            assertThat(outcome.took()).isLessThan(WITHIN_DEADLINE);
        }
    }

    @Test
    void strangerOnTheRecordedPortIsNotTrustedWithTheFileNames() throws Exception {
        CompletableFuture<String> heard = new CompletableFuture<>();
        try (ServerSocket stranger = new ServerSocket(0, 1, InstanceProtocol.loopback())) {
            serve(stranger, s -> impersonate(s, heard));

            Outcome outcome = send(stranger, List.of(dir.resolve("patient-name.dcm")));

            assertThat(outcome.delivery()).isEqualTo(Delivery.UNANSWERED);
            assertThat(heard.get(10, TimeUnit.SECONDS)).doesNotContain("patient-name");
        }
    }

    /** Greets like a viewer and accepts anything, without knowing the token. */
    private static void impersonate(Socket s, CompletableFuture<String> heard) {
        try {
            DataOutputStream out = new DataOutputStream(s.getOutputStream());
            out.write(InstanceProtocol.greeting());
            out.write(new byte[InstanceProtocol.NONCE_BYTES]);
            out.writeByte(InstanceProtocol.ACCEPTED);
            out.write(new byte[InstanceProtocol.PROOF_BYTES]);
            out.flush();
            heard.complete(new String(s.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1));
        } catch (IOException e) {
            heard.complete("closed: " + e.getMessage());
        }
    }

    @Test
    void portThatTheSystemSaysIsAnotherUsersIsNotContacted() throws IOException {
        try (ServerSocket foreign = new ServerSocket(0, 1, InstanceProtocol.loopback())) {
            PortOwner someoneElse = fakeProc(foreign.getLocalPort(), 1000, 1001);

            Delivery delivery = InstanceClient.send(InstanceAddress.withNewToken(foreign.getLocalPort()),
                    List.of(dir.resolve("a.dcm")), someoneElse);

            assertThat(delivery).isEqualTo(Delivery.UNANSWERED);
            foreign.setSoTimeout(200);
            assertThatThrownBy(foreign::accept).as("no connection was made").isInstanceOf(SocketTimeoutException.class);
        }
    }

    @Test
    void moreFilesThanOneLaunchMayHandOverAreKeptForItsOwnWindow() throws IOException {
        List<List<Path>> received = new CopyOnWriteArrayList<>();
        try (InstanceServer viewer = InstanceServer.start(received::add)) {
            List<Path> many = Collections.nCopies(InstanceProtocol.MAX_PATHS + 1, dir.resolve("a.dcm"));

            assertThat(InstanceClient.send(viewer.address(), many)).isEqualTo(Delivery.TOO_MANY);
            assertThat(InstanceClient.send(viewer.address(), many.subList(0, 2))).isEqualTo(Delivery.DELIVERED);
            assertThat(received).containsExactly(many.subList(0, 2));
        }
    }

    /** A /proc with the given port listened on by {@code listenerUid}, seen from a process of {@code selfUid}. */
    private PortOwner fakeProc(int port, int selfUid, int listenerUid) throws IOException {
        Path net = Files.createDirectories(dir.resolve("proc/net"));
        List<String> tcp = new ArrayList<>();
        tcp.add("  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode");
        tcp.add(String.format("   0: 0100007F:%04X 00000000:0000 0A 00000000:00000000 00:00000000 00000000 %5d "
                + "       0 4242 1 0000000000000000 100 0 0 10 0", port, listenerUid));
        Files.write(net.resolve("tcp"), tcp);
        Path status = Files.writeString(dir.resolve("proc/status"),
                "Name:\tjava\nUid:\t" + selfUid + "\t" + selfUid + "\t" + selfUid + "\t" + selfUid + "\n");
        return new PortOwner(net, status);
    }
}
