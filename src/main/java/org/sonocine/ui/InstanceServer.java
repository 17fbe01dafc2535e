package org.sonocine.ui;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import static org.sonocine.ui.InstanceProtocol.*;

/** The running viewer's side: listens on a loopback port and hands the files of later launches to a receiver. */
final class InstanceServer implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(InstanceServer.class.getName());
    private final ServerSocket socket;
    private final InstanceAddress address;
    private final Predicate<List<Path>> receiver;
    /**
     * Set before the socket is closed: a close that races with a thread entering accept() can leave the port
     * accepting for a moment, and a closed viewer must not take files.
     */
    private volatile boolean closed;

    private InstanceServer(ServerSocket socket, Predicate<List<Path>> receiver) {
        this.socket = socket;
        this.address = InstanceAddress.withNewToken(socket.getLocalPort());
        this.receiver = receiver;
    }

    /**
     * Starts listening on a free port. {@code receiver} gets the absolute paths of each later launch (possibly
     * none: the user just wants the window) and answers false when the viewer is closing and will not open them.
     */
    static InstanceServer start(Predicate<List<Path>> receiver) throws IOException {
        InstanceServer server = new InstanceServer(new ServerSocket(0, 16, loopback()), receiver);
        Thread thread = new Thread(server::serve, "sonocine-instance-server");
        thread.setDaemon(true);
        thread.start();
        return server;
    }

    InstanceAddress address() {
        return address;
    }

    private void serve() {
        while (!closed && !socket.isClosed()) {
            try (Socket client = socket.accept()) {
                if (closed) {
                    return;
                }
                client.setSoTimeout(TIMEOUT_MILLIS);
                converse(client);
            } catch (IOException e) {
                if (!socket.isClosed()) {
                    // One broken or stray connection; the next launch must still get through.
                    LOG.log(System.Logger.Level.DEBUG, "Instance connection failed", e);
                }
            }
        }
    }

    private void converse(Socket client) throws IOException {
        DataInputStream in = new DataInputStream(new BufferedInputStream(client.getInputStream()));
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(client.getOutputStream()));
        byte[] viewerNonce = nonce();
        out.writeUTF(GREETING);
        out.write(viewerNonce);
        out.flush();
        if (!GREETING.equals(in.readUTF())) {
            return;
        }
        byte[] launchNonce = readBytes(in, NONCE_BYTES);
        byte[] launchProof = readBytes(in, PROOF_BYTES);
        if (!sameProof(launchProof, proof(address.token(), LAUNCH, viewerNonce, launchNonce))) {
            out.writeByte(REFUSED);
            out.flush();
            return;
        }
        out.writeByte(ACCEPTED);
        out.write(proof(address.token(), VIEWER, viewerNonce, launchNonce));
        out.flush();
        int count = in.readInt();
        if (count < 0 || count > MAX_PATHS) {
            return;
        }
        List<Path> paths = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            try {
                paths.add(Path.of(in.readUTF()));
            } catch (InvalidPathException e) {
                return;
            }
        }
        out.writeByte(receiver.test(List.copyOf(paths)) ? OPENED : CLOSING);
        out.flush();
    }

    @Override
    public void close() {
        closed = true;
        try {
            socket.close();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "Closing the instance socket failed", e);
        }
    }
}
