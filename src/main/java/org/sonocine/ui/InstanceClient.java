package org.sonocine.ui;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.util.List;

import static org.sonocine.ui.InstanceProtocol.*;

/** A second launch's side: hands its files to the running viewer. */
final class InstanceClient {
    enum Delivery {
        /** The running viewer took the files. */
        DELIVERED,
        /** A live viewer answered but did not accept our proof of the token. */
        REFUSED,
        /** Nothing that proved to be a live Sonocine viewer answered: the lock file is stale. */
        NO_INSTANCE
    }

    private InstanceClient() {
    }

    static Delivery send(InstanceAddress viewer, List<Path> paths) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(loopback(), viewer.port()), TIMEOUT_MILLIS);
            socket.setSoTimeout(TIMEOUT_MILLIS);
            DataInputStream in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
            DataOutputStream out = new DataOutputStream(new BufferedOutputStream(socket.getOutputStream()));
            if (!GREETING.equals(in.readUTF())) {
                return Delivery.NO_INSTANCE;
            }
            byte[] viewerNonce = readBytes(in, NONCE_BYTES);
            byte[] launchNonce = nonce();
            out.writeUTF(GREETING);
            out.write(launchNonce);
            out.write(proof(viewer.token(), LAUNCH, viewerNonce, launchNonce));
            out.flush();
            if (in.readByte() != ACCEPTED) {
                return Delivery.REFUSED;
            }
            if (!sameProof(readBytes(in, PROOF_BYTES), proof(viewer.token(), VIEWER, viewerNonce, launchNonce))) {
                return Delivery.NO_INSTANCE;
            }
            out.writeInt(paths.size());
            for (Path path : paths) {
                out.writeUTF(path.toString());
            }
            out.flush();
            return in.readByte() == OPENED ? Delivery.DELIVERED : Delivery.NO_INSTANCE;
        } catch (IOException e) {
            return Delivery.NO_INSTANCE;
        }
    }
}
