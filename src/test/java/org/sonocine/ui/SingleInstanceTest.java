package org.sonocine.ui;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sonocine.ui.InstanceClient.Delivery;

import java.io.DataOutputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Two launches in one JVM stand for two processes: they meet only through the lock file and the loopback port. */
class SingleInstanceTest {
    @TempDir
    Path dir;

    private final List<List<Path>> received = new CopyOnWriteArrayList<>();
    private final Predicate<List<Path>> viewer = paths -> received.add(paths);
    private final List<SingleInstance> started = new ArrayList<>();

    private Path lockFile() {
        return dir.resolve("run").resolve("instance.lock");
    }

    private SingleInstance launch(List<Path> paths, Predicate<List<Path>> receiver) {
        SingleInstance instance = SingleInstance.start(lockFile(), paths, receiver);
        started.add(instance);
        return instance;
    }

    @AfterEach
    void closeAll() {
        started.forEach(SingleInstance::close);
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
        Files.createDirectories(lockFile().getParent());
        Files.writeString(lockFile(), InstanceAddress.withNewToken(deadPort).format());

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
    void strangerOnTheRecordedPortIsNotTrustedWithTheFileNames() throws Exception {
        List<String> heard = new CopyOnWriteArrayList<>();
        try (ServerSocket stranger = new ServerSocket(0, 1, InstanceProtocol.loopback())) {
            Thread impostor = new Thread(() -> impersonate(stranger, heard));
            impostor.start();
            Files.createDirectories(lockFile().getParent());
            Files.writeString(lockFile(), InstanceAddress.withNewToken(stranger.getLocalPort()).format());

            SingleInstance launch = launch(List.of(dir.resolve("patient-name.dcm")), viewer);

            impostor.join(5_000);
            assertThat(launch.forwarded()).isFalse();
            assertThat(heard).noneMatch(s -> s.contains("patient-name"));
        }
    }

    /** Greets like a viewer and accepts anything, without knowing the token. */
    private static void impersonate(ServerSocket stranger, List<String> heard) {
        try (Socket s = stranger.accept()) {
            DataOutputStream out = new DataOutputStream(s.getOutputStream());
            out.writeUTF(InstanceProtocol.GREETING);
            out.write(new byte[InstanceProtocol.NONCE_BYTES]);
            out.writeByte(InstanceProtocol.ACCEPTED);
            out.write(new byte[InstanceProtocol.PROOF_BYTES]);
            out.flush();
            heard.add(new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            heard.add("closed: " + e.getMessage());
        }
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
    void launchWhileTheViewerClosesStartsItsOwn() {
        launch(List.of(), paths -> false);

        assertThat(launch(List.of(dir.resolve("a.dcm")), viewer).forwarded()).isFalse();
    }

    @Test
    void unusableLockFileStillLetsTheViewerStart() throws IOException {
        Files.writeString(dir.resolve("run"), "a file where the folder should be");

        assertThat(launch(List.of(), viewer).forwarded()).isFalse();
    }

    /** The running viewer's address, read the way a second launch reads it. */
    private InstanceAddress recordedAddress() throws IOException {
        try (InstanceLockFile lock = InstanceLockFile.open(lockFile())) {
            return lock.read().orElseThrow();
        }
    }
}
