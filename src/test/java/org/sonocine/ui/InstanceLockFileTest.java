package org.sonocine.ui;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class InstanceLockFileTest {
    @TempDir
    Path dir;

    private Path lockFile() {
        return dir.resolve("run").resolve("instance.lock");
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    @Test
    void symbolicLinkInPlaceOfTheLockFileIsRefusedAndItsTargetKept() throws IOException {
        Path precious = Files.writeString(dir.resolve("precious.txt"), "keep me");
        Files.createDirectories(lockFile().getParent());
        Files.createSymbolicLink(lockFile(), precious);

        assertThatThrownBy(() -> InstanceLockFile.open(lockFile()))
                .isInstanceOf(IOException.class)
                .hasMessage(lockFile() + " is a symbolic link; Sonocine does not follow links to its lock file");
        assertThat(Files.readString(precious)).isEqualTo("keep me");
    }

    @Test
    void danglingSymbolicLinkCreatesNothingWhereItPoints() throws IOException {
        Path target = dir.resolve("elsewhere.lock");
        Files.createDirectories(lockFile().getParent());
        Files.createSymbolicLink(lockFile(), target);

        assertThatThrownBy(() -> InstanceLockFile.open(lockFile())).isInstanceOf(IOException.class);
        assertThat(target).doesNotExist();
    }

    @Test
    void folderThatIsASymbolicLinkIsRefused() throws IOException {
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        Files.createSymbolicLink(dir.resolve("run"), elsewhere);

        assertThatThrownBy(() -> InstanceLockFile.open(lockFile()))
                .isInstanceOf(IOException.class)
                .hasMessage(dir.resolve("run") + " is a symbolic link; Sonocine keeps its lock file only in a real "
                        + "folder");
        assertThat(elsewhere).isEmptyDirectory();
    }

    @Test
    void existingFolderAndFileAreClosedToOthers() throws IOException {
        assumeTrue(posix());
        Files.createDirectories(lockFile().getParent());
        Files.setPosixFilePermissions(lockFile().getParent(), PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(lockFile(), "");
        Files.setPosixFilePermissions(lockFile(), PosixFilePermissions.fromString("rw-r--r--"));

        InstanceLockFile.open(lockFile()).close();

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(lockFile()))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(lockFile().getParent())))
                .isEqualTo("rwx------");
    }

    @Test
    void ownershipStaysWithTheViewerUntilItCloses() throws IOException {
        InstanceLockFile viewer = InstanceLockFile.open(lockFile());
        assertThat(viewer.claim()).isTrue();
        viewer.endTurn();

        try (InstanceLockFile launch = InstanceLockFile.open(lockFile())) {
            assertThat(launch.claim()).isFalse();
        }
        viewer.close();
        try (InstanceLockFile launch = InstanceLockFile.open(lockFile())) {
            assertThat(launch.claim()).isTrue();
        }
    }

    @Test
    void aTurnHeldTooLongEndsInAMessageNotAWait() throws IOException {
        try (InstanceLockFile holder = InstanceLockFile.open(lockFile())) {
            long start = System.nanoTime();
            IOException e = assertThrows(IOException.class, () -> InstanceLockFile.open(lockFile()));
            assertThat(e.getMessage()).isEqualTo("another launch has held " + lockFile().toAbsolutePath()
                    + " for more than a second");
            assertThat(System.nanoTime() - start).isLessThan(3_000_000_000L);
        }
    }

    @Test
    void onlyTheOwnerRecordsAnAddress() throws IOException {
        try (InstanceLockFile lock = InstanceLockFile.open(lockFile())) {
            assertThatThrownBy(() -> lock.record(InstanceAddress.withNewToken(4242)))
                    .isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void ownershipOfAViewerProcessIsHeldWhileItRunsAndFreedWhenItIsKilled() throws Exception {
        Process viewer = SideProcess.start(LockFileHolder.class, lockFile().toString());
        try {
            BufferedReader said = SideProcess.output(viewer);
            assertThat(said.readLine()).isEqualTo("owned");

            try (InstanceLockFile launch = InstanceLockFile.open(lockFile())) {
                assertThat(launch.claim()).as("while the viewer runs").isFalse();
            }
            viewer.destroyForcibly();
            assertThat(viewer.waitFor(30, TimeUnit.SECONDS)).isTrue();

            try (InstanceLockFile launch = InstanceLockFile.open(lockFile())) {
                assertThat(launch.claim()).as("after the viewer was killed").isTrue();
            }
        } finally {
            viewer.destroyForcibly();
        }
    }
}
