package org.sonocine.ui;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sonocine.ui.InstanceClient.Delivery;

import java.io.BufferedReader;
import java.io.DataInputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Two launches in one JVM stand for two processes: they meet only through the lock file and the loopback port. */
class SingleInstanceTest {
    @TempDir
    Path dir;

    private final List<List<Path>> received = new CopyOnWriteArrayList<>();
    private final Predicate<List<Path>> viewer = paths -> received.add(paths);
    private final List<SingleInstance> started = new ArrayList<>();
    private final List<Socket> sockets = new ArrayList<>();

    private Path lockFile() {
        return dir.resolve("run").resolve("instance.lock");
    }

    private SingleInstance launch(List<Path> paths, Predicate<List<Path>> receiver) {
        SingleInstance instance = SingleInstance.start(lockFile(), paths, receiver);
        started.add(instance);
        return instance;
    }

    @AfterEach
    void closeAll() throws IOException {
        started.forEach(SingleInstance::close);
        for (Socket socket : sockets) {
            socket.close();
        }
    }

    @Test
    void firstLaunchBecomesTheViewer() {
        assertThat(launch(List.of(), viewer).forwarded()).isFalse();
        assertThat(lockFile()).exists();
    }

    @Test
    void secondLaunchHandsItsFilesToTheFirstAsAbsolutePaths() {
        launch(List.of(), viewer);
        Path relative = Path.of("exam", "US1.dcm");

        SingleInstance second = launch(List.of(relative, dir.resolve("b.dcm")), paths -> {
            throw new AssertionError("the second launch must not become a viewer");
        });

        assertThat(second.forwarded()).isTrue();
        assertThat(received).containsExactly(List.of(relative.toAbsolutePath(), dir.resolve("b.dcm")));
    }

    @Test
    void secondLaunchWithoutFilesStillReachesTheFirstToBringItForward() {
        launch(List.of(), viewer);

        assertThat(launch(List.of(), viewer).forwarded()).isTrue();
        assertThat(received).containsExactly(List.of());
    }

    @Test
    void lockFileIsReadableOnlyByItsOwner() throws IOException {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        launch(List.of(), viewer);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(lockFile()))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(lockFile().getParent())))
                .isEqualTo("rwx------");
    }

    @Test
    void staleLockFileWithNobodyListeningIsTakenOver() throws IOException {
        int deadPort;
        try (ServerSocket gone = new ServerSocket(0, 1, InstanceProtocol.loopback())) {
            deadPort = gone.getLocalPort();
        }
        writeLockFile(InstanceAddress.withNewToken(deadPort));

        SingleInstance first = launch(List.of(dir.resolve("a.dcm")), viewer);
        SingleInstance second = launch(List.of(dir.resolve("b.dcm")), viewer);

        assertThat(first.forwarded()).isFalse();
        assertThat(second.forwarded()).isTrue();
        assertThat(received).containsExactly(List.of(dir.resolve("b.dcm")));
    }

    @Test
    void lockFileOfAViewerThatClosedIsTakenOver() {
        launch(List.of(), viewer).close();

        assertThat(launch(List.of(dir.resolve("a.dcm")), viewer).forwarded()).isFalse();
        assertThat(received).isEmpty();
    }

    @Test
    void staleLockFileIsTakenOverWithoutTalkingToWhateverHoldsItsPortNow() throws IOException {
        try (ServerSocket squatter = new ServerSocket(0, 1, InstanceProtocol.loopback())) {
            writeLockFile(InstanceAddress.withNewToken(squatter.getLocalPort()));

            SingleInstance launch = launch(List.of(dir.resolve("patient-name.dcm")), viewer);

            assertThat(launch.forwarded()).isFalse();
            assertThat(recordedAddress().port()).isNotEqualTo(squatter.getLocalPort());
            assertNoConnection(squatter);
        }
    }

    @Test
    void launchThatALiveViewerDoesNotAnswerOpensItsOwnWindowAndLeavesTheLockFileAlone() throws IOException {
        try (ServerSocket unresponsive = new ServerSocket(0, 1, InstanceProtocol.loopback());
             InstanceLockFile owner = InstanceLockFile.open(lockFile())) {
            InstanceAddress live = InstanceAddress.withNewToken(unresponsive.getLocalPort());
            assertThat(owner.claim()).isTrue();
            owner.record(live);
            owner.endTurn();
            long start = System.nanoTime();

            SingleInstance launch = launch(List.of(dir.resolve("a.dcm")), viewer);

            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
            assertThat(launch.forwarded()).isFalse();
            assertThat(recordedAddress()).isEqualTo(live);
        }
    }

    @Test
    void idleConnectionsDoNotDelayALaterLaunch() throws IOException {
        launch(List.of(), viewer);
        int port = recordedAddress().port();
        for (int i = 0; i < 5; i++) {
            Socket idle = new Socket(InstanceProtocol.loopback(), port);
            sockets.add(idle);
            idle.setSoTimeout(10_000);
            // The greeting shows that the viewer is serving this connection, which then says nothing.
            assertThat(InstanceProtocol.readGreeting(new DataInputStream(idle.getInputStream()))).isTrue();
        }
        long start = System.nanoTime();

        SingleInstance second = launch(List.of(dir.resolve("b.dcm")), viewer);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        assertThat(second.forwarded()).isTrue();
        assertThat(received).containsExactly(List.of(dir.resolve("b.dcm")));
    }

    @Test
    void lockFileThatIsASymbolicLinkIsRefusedAndItsTargetKept() throws IOException {
        Path precious = Files.writeString(dir.resolve("precious.txt"), "keep me");
        Files.createDirectories(lockFile().getParent());
        Files.createSymbolicLink(lockFile(), precious);

        assertThat(launch(List.of(), viewer).forwarded()).isFalse();
        assertThat(launch(List.of(), viewer).forwarded()).isFalse();

        assertThat(Files.readString(precious)).isEqualTo("keep me");
        assertThat(received).isEmpty();
    }

    @Test
    void launchWithTheWrongTokenIsRefused() throws IOException {
        launch(List.of(), viewer);
        InstanceAddress real = recordedAddress();
        InstanceAddress forged = new InstanceAddress(real.port(), "not-the-token");

        assertThat(InstanceClient.send(forged, List.of(dir.resolve("x.dcm")))).isEqualTo(Delivery.REFUSED);
        assertThat(InstanceClient.send(real, List.of(dir.resolve("y.dcm")))).isEqualTo(Delivery.DELIVERED);
        assertThat(received).containsExactly(List.of(dir.resolve("y.dcm")));
    }

    @Test
    void launchWhileTheViewerClosesBecomesTheViewer() {
        launch(List.of(), paths -> false);

        assertThat(launch(List.of(dir.resolve("a.dcm")), viewer).forwarded()).isFalse();
        assertThat(launch(List.of(dir.resolve("b.dcm")), paths -> false).forwarded()).isTrue();
        assertThat(received).containsExactly(List.of(dir.resolve("b.dcm")));
    }

    @Test
    void unusableLockFileStillLetsTheViewerStart() throws IOException {
        Files.writeString(dir.resolve("run"), "a file where the folder should be");

        assertThat(launch(List.of(), viewer).forwarded()).isFalse();
    }

    @Test
    void aLaunchRightAfterAViewerProcessStartedIsHandedToIt() throws Exception {
        Process first = SideProcess.start(ViewerInstanceHolder.class, lockFile().toString());
        try {
            BufferedReader said = SideProcess.output(first);
            assertThat(said.readLine()).isEqualTo("started");

            // At once: the first may still be making its socket and recording it, and must be waited for.
            SingleInstance second = launch(List.of(dir.resolve("b.dcm")), viewer);

            assertThat(second.forwarded()).isTrue();
            assertThat(said.readLine()).isEqualTo("received " + List.of(dir.resolve("b.dcm")));
            assertThat(received).isEmpty();
        } finally {
            first.destroyForcibly();
            first.waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void aViewerClosedRightAfterItsStartLeavesNothingListening() throws IOException {
        launch(List.of(), viewer).close();

        InstanceAddress left = recordedAddress();

        assertThat(InstanceClient.send(left, List.of(dir.resolve("a.dcm")))).isNotEqualTo(Delivery.DELIVERED);
        assertThat(received).isEmpty();
    }

    @Test
    void closingRightAfterTheStartStillLetsTheNextLaunchBecomeTheViewerAndTakeLaunches() {
        for (int i = 0; i < 5; i++) {
            launch(List.of(), paths -> false).close();
        }
        assertThat(launch(List.of(), viewer).forwarded()).isFalse();

        assertThat(launch(List.of(dir.resolve("c.dcm")), viewer).forwarded()).isTrue();
        assertThat(received).containsExactly(List.of(dir.resolve("c.dcm")));
    }

    private void writeLockFile(InstanceAddress address) throws IOException {
        Files.createDirectories(lockFile().getParent());
        Files.writeString(lockFile(), address.format());
    }

    /** Nothing connected: a connection would be waiting to be accepted, since the launch has returned. */
    private static void assertNoConnection(ServerSocket listener) throws IOException {
        listener.setSoTimeout(200);
        assertThatThrownBy(listener::accept).isInstanceOf(SocketTimeoutException.class);
    }

    /** The running viewer's address, read the way a second launch reads it. */
    private InstanceAddress recordedAddress() throws IOException {
        try (InstanceLockFile lock = InstanceLockFile.open(lockFile())) {
            return lock.read().orElseThrow();
        }
    }
}
