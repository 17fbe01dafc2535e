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
 * <p>The running viewer listens on a loopback port recorded, with a random token, in a per-user lock file, and owns
 * that file for as long as it runs (see {@link InstanceLockFile}). A launch that can take the ownership knows that
 * the recorded viewer is gone (it crashed, or the machine restarted) and becomes the viewer without talking to
 * whatever may sit on the old port now. A launch that cannot take it hands its files to the live viewer, waiting at
 * most {@link InstanceProtocol#LAUNCH_DEADLINE}; when that fails it opens its own window but leaves the lock file to
 * the viewer, which may only have been busy. When anything goes wrong with the lock file itself the launch simply
 * runs on its own: a second window beats no window.
 *
 * <p>A launch that becomes the viewer starts listening on a thread of its own, beside the toolkit's start: making
 * the token and the socket costs a start some 25 ms of first-time work (the HMAC a conversation needs is loaded
 * once the start is over, see {@link InstanceProtocol#prepare}). It keeps the turn until its address is recorded,
 * so a launch meanwhile waits for it and then finds the viewer.
 */
final class SingleInstance implements AutoCloseable {
    /** A file lock belongs to the whole JVM, so launches inside one JVM (tests) must also take turns. */
    private static final Object CLAIM = new Object();

    private final boolean forwarded;
    private InstanceLockFile lock;
    private InstanceServer server;
    private Thread listening;

    private SingleInstance(boolean forwarded, InstanceLockFile lock) {
        this.forwarded = forwarded;
        this.lock = lock;
    }

    /**
     * Hands {@code paths} to the viewer recorded in {@code lockFile} if one is alive; otherwise becomes that viewer,
     * and from then on gives {@code receiver} the paths of later launches (see {@link InstanceServer#start}).
     */
    static SingleInstance start(Path lockFile, List<Path> paths, Predicate<List<Path>> receiver) {
        List<Path> absolute = paths.stream().map(p -> p.toAbsolutePath().normalize()).toList();
        try {
            Delivery delivery = Delivery.UNANSWERED;
            for (int round = 1; round <= 2; round++) {
                Optional<InstanceAddress> running;
                synchronized (CLAIM) {
                    InstanceLockFile lock = InstanceLockFile.open(lockFile);
                    if (claimed(lock)) {
                        return becomeViewer(lockFile, lock, receiver);
                    }
                    // The turn ends before talking to the viewer: other launches need not wait for this one.
                    try (lock) {
                        running = lock.read();
                    }
                }
                delivery = running.map(viewer -> InstanceClient.send(viewer, absolute)).orElse(Delivery.UNANSWERED);
                if (delivery == Delivery.DELIVERED) {
                    return new SingleInstance(true, null);
                }
                if (delivery != Delivery.CLOSING) {
                    break;
                }
                // Once: a viewer answers CLOSING only after giving up the lock file, which the next round takes over.
            }
            warn(reason(delivery) + "; opening a separate window");
        } catch (IOException e) {
            warn(cannotUse(lockFile, e));
        }
        return new SingleInstance(false, null);
    }

    private static boolean claimed(InstanceLockFile lock) throws IOException {
        try {
            return lock.claim();
        } catch (IOException | RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    private static SingleInstance becomeViewer(Path lockFile, InstanceLockFile lock,
                                               Predicate<List<Path>> receiver) {
        SingleInstance viewer = new SingleInstance(false, lock);
        viewer.listening = new Thread(() -> viewer.listenAndRecord(lockFile, receiver), "sonocine-instance-start");
        viewer.listening.setDaemon(true);
        viewer.listening.start();
        return viewer;
    }

    private void listenAndRecord(Path lockFile, Predicate<List<Path>> receiver) {
        try {
            InstanceLockFile recorded;
            InstanceAddress address;
            synchronized (this) {
                recorded = lock;
                if (recorded == null) {
                    return; // closed before it listened
                }
                listen(receiver);
                // Taken here: a close that stopped waiting for this thread (interrupted) may clear the field.
                address = server.address();
            }
            recorded.record(address);
            recorded.endTurn();
        } catch (IOException | RuntimeException e) {
            warn(cannotUse(lockFile, e));
            closeNow();
        }
    }

    private synchronized void listen(Predicate<List<Path>> receiver) throws IOException {
        server = InstanceServer.start(paths -> {
            if (receiver.test(paths)) {
                return true;
            }
            // The viewer is closing: the launch that asked must be able to take over before hearing so.
            resign();
            return false;
        });
    }

    private static String cannotUse(Path lockFile, Exception e) {
        return "Cannot use " + lockFile + " (" + e.getMessage() + "); opening a separate window";
    }

    /** The logger is made only when needed: starting the logging back end would cost every launch some 40 ms. */
    private static void warn(String message) {
        System.getLogger(SingleInstance.class.getName()).log(System.Logger.Level.WARNING, message);
    }

    private static String reason(Delivery delivery) {
        return switch (delivery) {
            case DELIVERED -> throw new IllegalArgumentException("delivered is no failure");
            case CLOSING -> "The running viewer is closing";
            case REFUSED -> "The running viewer refused this launch";
            case UNANSWERED -> "The running viewer did not answer within "
                    + InstanceProtocol.LAUNCH_DEADLINE.toMillis() + " ms";
            case TOO_MANY -> "Too many files to hand to the running viewer";
        };
    }

    /** True when a running viewer took this launch's files: this launch has nothing more to do. */
    boolean forwarded() {
        return forwarded;
    }

    /** Gives up the lock file: the next launch takes it over, though this viewer may still be listening. */
    private synchronized void resign() {
        if (lock != null) {
            lock.close();
            lock = null;
        }
    }

    /** Stops listening and gives up the lock file: later launches find no live viewer and start their own. */
    @Override
    public void close() {
        Thread starting = listening;
        if (starting != null) {
            try {
                starting.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        closeNow();
    }

    private synchronized void closeNow() {
        if (server != null) {
            server.close();
            server = null;
        }
        resign();
    }
}
