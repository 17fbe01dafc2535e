package org.sonocine.ui;

import javax.crypto.Mac;
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

/**
 * A second launch's side: hands its files to the running viewer, or finds out within
 * {@link InstanceProtocol#LAUNCH_DEADLINE} that it cannot, whatever is on the other end.
 */
final class InstanceClient {
    enum Delivery {
        /** The running viewer took the files. */
        DELIVERED,
        /** The viewer is on its way out and has given up the lock file for a launch to take over. */
        CLOSING,
        /** A live viewer answered but did not accept our proof of the token. */
        REFUSED,
        /** Nothing that proved to be a Sonocine viewer answered in time. */
        UNANSWERED,
        /** More files than one launch may hand over: this launch opens them itself. */
        TOO_MANY
    }

    private InstanceClient() {
    }

    static Delivery send(InstanceAddress viewer, List<Path> paths) {
        return send(viewer, paths, PortOwner.system());
    }

    static Delivery send(InstanceAddress viewer, List<Path> paths, PortOwner ports) {
        if (!fits(paths)) {
            return Delivery.TOO_MANY;
        }
        if (ports.isAnotherUsers(viewer.port())) {
            // The logger is made only now: made with the class, it would start the logging back end at every launch.
            System.getLogger(InstanceClient.class.getName()).log(System.Logger.Level.WARNING,
                    "Another user's program listens on the port of the running viewer ("
                    + viewer.port() + "); not talking to it");
            return Delivery.UNANSWERED;
        }
        Mac mac = keyed(viewer.token());
        byte[] launchNonce = nonce();
        try (Socket socket = new Socket(); SocketDeadline deadline = SocketDeadline.start(socket, LAUNCH_DEADLINE)) {
            socket.connect(new InetSocketAddress(loopback(), viewer.port()), deadline.remainingMillis());
            DataInputStream in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
            DataOutputStream out = new DataOutputStream(new BufferedOutputStream(socket.getOutputStream()));
            if (!readGreeting(in)) {
                return Delivery.UNANSWERED;
            }
            byte[] viewerNonce = readBytes(in, NONCE_BYTES);
            out.write(greeting());
            out.write(launchNonce);
            out.write(proof(mac, LAUNCH, viewerNonce, launchNonce));
            out.flush();
            if (in.readByte() != ACCEPTED) {
                return Delivery.REFUSED;
            }
            if (!sameProof(readBytes(in, PROOF_BYTES), proof(mac, VIEWER, viewerNonce, launchNonce))) {
                return Delivery.UNANSWERED;
            }
            out.writeInt(paths.size());
            for (Path path : paths) {
                out.writeUTF(path.toString());
            }
            out.flush();
            return in.readByte() == OPENED ? Delivery.DELIVERED : Delivery.CLOSING;
        } catch (IOException e) {
            // Refused, cut off by the deadline, or closed midway: no viewer that can take the files now.
            return Delivery.UNANSWERED;
        }
    }
}
