package org.sonocine.ui;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sonocine.ui.InstanceClient.Delivery;

import javax.crypto.Mac;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** The running viewer's side against connections that are slow, idle, too many or too large. */
class InstanceServerTest {
    /** Long enough that no conversation in these tests ends by its deadline unless the test wants it to. */
    private static final Duration PATIENT = Duration.ofSeconds(30);
    /** Far below anything a connection held up by another would take, far above what a free one takes. */
    private static final Duration PROMPT = Duration.ofSeconds(2);

    private final List<List<Path>> received = new CopyOnWriteArrayList<>();
    private final List<AutoCloseable> toClose = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : toClose) {
            c.close();
        }
    }

    private InstanceServer server(Duration conversationLimit) throws IOException {
        InstanceServer server = InstanceServer.start(received::add, conversationLimit);
        toClose.add(server);
        return server;
    }

    private Socket connect(InstanceServer server) throws IOException {
        Socket socket = new Socket(InstanceProtocol.loopback(), server.address().port());
        // A test that would otherwise wait for ever fails after this instead.
        socket.setSoTimeout(10_000);
        toClose.add(socket);
        return socket;
    }

    /** A connection that the server has given a thread (it greeted us) and that then says nothing. */
    private Socket idle(InstanceServer server) throws IOException {
        Socket socket = connect(server);
        readGreeting(socket);
        return socket;
    }

    private static byte[] readGreeting(Socket socket) throws IOException {
        DataInputStream in = new DataInputStream(socket.getInputStream());
        assertThat(InstanceProtocol.readGreeting(in)).isTrue();
        return InstanceProtocol.readBytes(in, InstanceProtocol.NONCE_BYTES);
    }

    private static Duration timed(Runnable action) {
        long start = System.nanoTime();
        action.run();
        return Duration.ofNanos(System.nanoTime() - start);
    }

    @Test
    void idleConnectionsDoNotDelayALaunch() throws IOException {
        InstanceServer server = server(PATIENT);
        for (int i = 0; i < InstanceServer.MAX_CONVERSATIONS - 1; i++) {
            idle(server);
        }
        List<Delivery> delivery = new ArrayList<>();

        Duration took = timed(() -> delivery.add(InstanceClient.send(server.address(), List.of(Path.of("/a.dcm")))));

        assertThat(delivery).containsExactly(Delivery.DELIVERED);
        assertThat(took).isLessThan(PROMPT);
        assertThat(received).containsExactly(List.of(Path.of("/a.dcm")));
    }

    @Test
    void garbageIsDroppedAtOnceAndDoesNotBlockALaunch() throws IOException {
        InstanceServer server = server(PATIENT);
        Socket garbage = connect(server);
        readGreeting(garbage);
        garbage.getOutputStream().write("GET / HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes());

        assertThat(garbage.getInputStream().read()).as("closed by the server").isEqualTo(-1);
        assertThat(InstanceClient.send(server.address(), List.of())).isEqualTo(Delivery.DELIVERED);
    }

    @Test
    void connectionsBeyondTheBoundAreClosedAtOnceInsteadOfWaiting() throws IOException {
        InstanceServer server = server(PATIENT);
        for (int i = 0; i < InstanceServer.MAX_CONVERSATIONS; i++) {
            idle(server);
        }

        Socket extra = connect(server);

        // Queued behind the idle ones it would get no answer until the test's read timeout; closed, it reads the end.
        assertThat(extra.getInputStream().read()).isEqualTo(-1);
        assertThat(InstanceClient.send(server.address(), List.of(Path.of("/a.dcm")))).isNotEqualTo(Delivery.DELIVERED);
        assertThat(received).isEmpty();
    }

    @Test
    void slowDripIsCutOffAtTheDeadlineOfTheWholeConversation() throws Exception {
        Duration limit = Duration.ofMillis(500);
        InstanceServer server = server(limit);
        // Started before connecting, so no earlier than the server's clock for this connection.
        long start = System.nanoTime();
        Socket drip = connect(server);
        readGreeting(drip);
        // A well-formed greeting, one byte every 50 ms: each read is quick, the whole would take over 3 s.
        byte[] hello = new byte[InstanceProtocol.greeting().length + InstanceProtocol.NONCE_BYTES
                + InstanceProtocol.PROOF_BYTES];
        System.arraycopy(InstanceProtocol.greeting(), 0, hello, 0, InstanceProtocol.greeting().length);
        Thread dripper = new Thread(() -> trickle(drip, hello));
        dripper.start();

        int read = readOrEnd(drip.getInputStream());
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(read).as("the server's answer to the dripping connection").isEqualTo(-1);
        assertThat(took).isGreaterThanOrEqualTo(limit).isLessThan(PROMPT);
        drip.close();
        dripper.join();
    }

    private static void trickle(Socket socket, byte[] bytes) {
        try {
            OutputStream out = socket.getOutputStream();
            for (byte b : bytes) {
                out.write(b);
                out.flush();
                Thread.sleep(50);
            }
        } catch (IOException | InterruptedException e) {
            // Cut off, as expected.
        }
    }

    /** The next byte, or -1 when the peer closed or reset the connection. */
    private static int readOrEnd(InputStream in) throws IOException {
        try {
            return in.read();
        } catch (SocketTimeoutException e) {
            throw e;
        } catch (IOException reset) {
            return -1;
        }
    }

    @Test
    void requestLargerThanTheCapIsCutOffBeforeReachingTheViewer() throws IOException {
        InstanceServer server = server(PATIENT);
        Socket socket = connect(server);
        DataOutputStream out = authenticate(socket, server.address());
        String longPath = "/" + "a".repeat(60_000);
        int count = InstanceProtocol.MAX_REQUEST_BYTES / longPath.length() + 1;

        Throwable sending = catchThrowable(() -> {
            out.writeInt(count);
            for (int i = 0; i < count; i++) {
                out.writeUTF(longPath);
            }
            out.flush();
        });
        int answer = sending == null ? readOrEnd(socket.getInputStream()) : -1;

        assertThat(count).isLessThanOrEqualTo(InstanceProtocol.MAX_PATHS);
        assertThat(answer).isEqualTo(-1);
        assertThat(received).isEmpty();
    }

    /** Does what a launch does up to sending its paths, and leaves the stream there. */
    private static DataOutputStream authenticate(Socket socket, InstanceAddress viewer) throws IOException {
        byte[] viewerNonce = readGreeting(socket);
        Mac mac = InstanceProtocol.keyed(viewer.token());
        byte[] launchNonce = InstanceProtocol.nonce();
        DataOutputStream out = new DataOutputStream(socket.getOutputStream());
        out.write(InstanceProtocol.greeting());
        out.write(launchNonce);
        out.write(InstanceProtocol.proof(mac, InstanceProtocol.LAUNCH, viewerNonce, launchNonce));
        out.flush();
        DataInputStream in = new DataInputStream(socket.getInputStream());
        assertThat(in.readByte()).isEqualTo(InstanceProtocol.ACCEPTED);
        InstanceProtocol.readBytes(in, InstanceProtocol.PROOF_BYTES);
        return out;
    }
}
