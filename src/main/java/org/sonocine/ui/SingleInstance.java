package org.sonocine.ui;

import org.sonocine.ui.InstanceClient.Delivery;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * One viewer per user: a launch while a viewer runs (a second double-click on a file) hands its files to that
 * viewer and ends, instead of opening a second window.
 *
 * <p>The running viewer listens on a loopback port recorded, with a random token, in a per-user lock file. A
 * launch that finds no live viewer there (it crashed, or the machine restarted) takes the file over. When anything
 * goes wrong with the lock file itself the launch simply runs on its own: a second window beats no window.
 */
final class SingleInstance implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(SingleInstance.class.getName());
    /** A file lock belongs to the whole JVM, so launches inside one JVM (tests) must also take turns. */
    private static final Object CLAIM = new Object();

    private final InstanceServer server;
    private final boolean forwarded;

    private SingleInstance(InstanceServer server, boolean forwarded) {
        this.server = server;
        this.forwarded = forwarded;
    }

    /**
     * Hands {@code paths} to the viewer recorded in {@code lockFile} if one is alive; otherwise becomes that viewer,
     * and from then on gives {@code receiver} the paths of later launches (see {@link InstanceServer#start}).
     */
    static SingleInstance start(Path lockFile, List<Path> paths, Predicate<List<Path>> receiver) {
        List<Path> absolute = paths.stream().map(p -> p.toAbsolutePath().normalize()).toList();
        synchronized (CLAIM) {
            try (InstanceLockFile lock = InstanceLockFile.open(lockFile)) {
                Optional<InstanceAddress> running = lock.read();
                Delivery delivery = running.map(viewer -> InstanceClient.send(viewer, absolute))
                        .orElse(Delivery.NO_INSTANCE);
                return switch (delivery) {
                    case DELIVERED -> new SingleInstance(null, true);
                    case REFUSED -> {
                        LOG.log(System.Logger.Level.WARNING, "The running viewer refused this launch; "
                                + "starting a separate one");
                        yield new SingleInstance(null, false);
                    }
                    case NO_INSTANCE -> new SingleInstance(listen(lock, receiver), false);
                };
            } catch (IOException e) {
                LOG.log(System.Logger.Level.WARNING, "Cannot use " + lockFile + " (" + e
                        + "); starting a separate viewer");
                return new SingleInstance(null, false);
            }
        }
    }

    private static InstanceServer listen(InstanceLockFile lock, Predicate<List<Path>> receiver) throws IOException {
        InstanceServer server = InstanceServer.start(receiver);
        try {
            lock.write(server.address());
            return server;
        } catch (IOException e) {
            server.close();
            throw e;
        }
    }

    /** True when a running viewer took this launch's files: this launch has nothing more to do. */
    boolean forwarded() {
        return forwarded;
    }

    /** Stops listening: later launches find no live viewer and start their own. */
    @Override
    public void close() {
        if (server != null) {
            server.close();
        }
    }
}
