package org.sonocine.ui;

import javax.crypto.Mac;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.sonocine.ui.InstanceProtocol.*;

/**
 * The running viewer's side: listens on a loopback port and hands the files of later launches to a receiver.
 *
 * <p>Any process on the machine can connect, so one connection must never hold up another: each is served on its
 * own thread and cut off when {@link InstanceProtocol#CONVERSATION_DEADLINE} has passed since it was accepted, and
 * a connection that finds all {@link #MAX_CONVERSATIONS} threads busy is closed at once. Its launch then knows
 * straight away that it must open its own window, rather than wait behind connections that may never speak.
 */
final class InstanceServer implements AutoCloseable {
    /** Far more than launches ever arrive at once (a file manager opening a selection starts one per file). */
    static final int MAX_CONVERSATIONS = 16;
    /** Connections the system holds for us while the accepting thread is busy; it never is for long. */
    private static final int BACKLOG = 16;

    private final ServerSocket socket;
    private final InstanceAddress address;
    private final Predicate<List<Path>> receiver;
    private final Duration conversationLimit;
    private final ThreadPoolExecutor conversations = conversationThreads();
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    /**
     * Set before the socket is closed: a close that races with a thread entering accept() can leave the port
     * accepting for a moment, and a closed viewer must not take files.
     */
    private volatile boolean closed;

    private InstanceServer(ServerSocket socket, Predicate<List<Path>> receiver, Duration conversationLimit) {
        this.socket = socket;
        this.address = InstanceAddress.withNewToken(socket.getLocalPort());
        this.receiver = receiver;
        this.conversationLimit = conversationLimit;
    }

    /**
     * Starts listening on a free port. {@code receiver} gets the absolute paths of each later launch (possibly
     * none: the user just wants the window) and answers false when the viewer is closing and will not open them.
     */
    static InstanceServer start(Predicate<List<Path>> receiver) throws IOException {
        return start(receiver, CONVERSATION_DEADLINE);
    }

    static InstanceServer start(Predicate<List<Path>> receiver, Duration conversationLimit) throws IOException {
        InstanceServer server = new InstanceServer(new ServerSocket(0, BACKLOG, loopback()), receiver,
                conversationLimit);
        Thread thread = new Thread(server::serve, "sonocine-instance-server");
        thread.setDaemon(true);
        thread.start();
        return server;
    }

    InstanceAddress address() {
        return address;
    }

    private void serve() {
        while (!closed) {
            Socket client;
            try {
                client = socket.accept();
            } catch (IOException e) {
                if (closed || socket.isClosed()) {
                    return;
                }
                debug("Accepting an instance connection failed", e);
                continue;
            }
            SocketDeadline deadline = SocketDeadline.start(client, conversationLimit);
            try {
                conversations.execute(() -> converse(client, deadline));
            } catch (RejectedExecutionException e) {
                // Every thread is busy, with connections that may never speak: better a launch that opens its own
                // window now than one that waits for a thread that may not come in time.
                deadline.close();
                SocketDeadline.closeQuietly(client);
            }
        }
    }

    private void converse(Socket client, SocketDeadline deadline) {
        open.add(client);
        try (client; deadline) {
            if (!closed) {
                converse(client);
            }
        } catch (IOException e) {
            // A stray, slow or broken connection; it was on its own thread, so no launch waited for it.
            debug("Instance connection ended early", e);
        } finally {
            open.remove(client);
        }
    }

    private void converse(Socket client) throws IOException {
        DataInputStream in = new DataInputStream(new BufferedInputStream(
                new CappedInputStream(client.getInputStream(), MAX_REQUEST_BYTES)));
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(client.getOutputStream()));
        byte[] viewerNonce = nonce();
        out.write(greeting());
        out.write(viewerNonce);
        out.flush();
        // After the greeting is on its way: a launch during the viewer's start may find the HMAC not loaded yet
        // (InstanceProtocol.prepare), and loading it then overlaps the launch's answer.
        Mac mac = keyed(address.token());
        if (!readGreeting(in)) {
            return;
        }
        byte[] launchNonce = readBytes(in, NONCE_BYTES);
        byte[] launchProof = readBytes(in, PROOF_BYTES);
        if (!sameProof(launchProof, proof(mac, LAUNCH, viewerNonce, launchNonce))) {
            out.writeByte(REFUSED);
            out.flush();
            return;
        }
        out.writeByte(ACCEPTED);
        out.write(proof(mac, VIEWER, viewerNonce, launchNonce));
        out.flush();
        int count = in.readInt();
        if (count < 0 || count > MAX_PATHS) {
            return;
        }
        // Grows with the paths that arrive, not with the count announced.
        List<Path> paths = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            try {
                paths.add(Path.of(in.readUTF()));
            } catch (InvalidPathException e) {
                return;
            }
        }
        boolean opened = !closed && receiver.test(List.copyOf(paths));
        out.writeByte(opened ? OPENED : CLOSING);
        out.flush();
    }

    /** Stops listening and ends the conversations under way; a launch talking to us then opens its own window. */
    @Override
    public void close() {
        closed = true;
        try {
            socket.close();
        } catch (IOException e) {
            debug("Closing the instance socket failed", e);
        }
        conversations.shutdown();
        open.forEach(SocketDeadline::closeQuietly);
    }

    private static ThreadPoolExecutor conversationThreads() {
        // No queue: a connection either gets a thread at once or is refused (see serve()).
        return new ThreadPoolExecutor(0, MAX_CONVERSATIONS, 10, TimeUnit.SECONDS, new SynchronousQueue<>(), task -> {
            Thread thread = new Thread(task, "sonocine-instance-conversation");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * The logger is made only when there is something to say: made with the server, it would start the logging back
     * end (some 10-40 ms) beside the toolkit at every start.
     */
    private static void debug(String message, Throwable cause) {
        System.getLogger(InstanceServer.class.getName()).log(System.Logger.Level.DEBUG, message, cause);
    }
}
