package org.sonocine.export;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class PendingOutputTest {

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aFileAppearsOnlyWhenCommitted(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("out.gif");
        try (PendingOutput pending = PendingOutput.file(target)) {
            Files.writeString(pending.path(), "complete");
            assertEquals(List.of(), names(dir).stream().filter(n -> !n.endsWith(".partial")).toList());
            pending.commit();
        }
        assertEquals(List.of("out.gif"), names(dir));
        assertEquals("complete", Files.readString(target));
    }

    @Test
    void refusesToReplaceWhatIsNotAFile(@TempDir Path dir) throws IOException, InterruptedException {
        Path folder = Files.createDirectory(dir.resolve("out.gif"));
        assertThatThrownBy(() -> PendingOutput.file(folder)).isInstanceOf(OutputException.class)
                .hasMessage(folder + " is not a regular file: choose another name");
        assertTrue(Files.isDirectory(folder));
        Path pipe = dir.resolve("pipe.gif");
        boolean made;
        try {
            made = new ProcessBuilder("mkfifo", pipe.toString()).start().waitFor() == 0;
        } catch (IOException e) {
            made = false;
        }
        assumeTrue(made, "named pipes cannot be made here");
        assertThatThrownBy(() -> PendingOutput.file(pipe)).isInstanceOf(OutputException.class)
                .hasMessage(pipe + " is not a regular file: choose another name");
        assertEquals(List.of("out.gif", "pipe.gif"), names(dir));
    }

    @Test
    void aFolderInTheWayOfOneFrameLeavesTheExistingFolderUntouched(@TempDir Path dir) throws IOException {
        Path frames = Files.createDirectory(dir.resolve("frames"));
        Files.writeString(frames.resolve("b.png"), "previous");
        Path inTheWay = Files.createDirectory(frames.resolve("c.png"));
        try (PendingOutput pending = PendingOutput.folder(frames)) {
            for (String name : List.of("a.png", "b.png", "c.png", "d.png")) {
                Files.writeString(pending.path().resolve(name), "new");
            }
            assertThatThrownBy(pending::commit).isInstanceOf(OutputException.class)
                    .hasMessage(inTheWay + " is not a regular file: choose another folder");
        }
        assertEquals(List.of("b.png", "c.png"), names(frames));
        assertEquals("previous", Files.readString(frames.resolve("b.png")));
        assertEquals(List.of("frames"), names(dir));
    }

    @Test
    void whatIsStillPendingWhenTheProgramEndsIsRemoved(@TempDir Path dir) throws IOException {
        PendingOutput file = PendingOutput.file(dir.resolve("out.gif"));
        Files.writeString(file.path(), "half");
        PendingOutput folder = PendingOutput.folder(dir.resolve("frames"));
        Files.writeString(folder.path().resolve("frame-0001.png"), "half");
        try (PendingOutput done = PendingOutput.file(dir.resolve("done.gif"))) {
            Files.writeString(done.path(), "complete");
            done.commit();
        }

        PendingOutput.discardUnfinished();

        assertEquals(List.of("done.gif"), names(dir));
        assertEquals("complete", Files.readString(dir.resolve("done.gif")));
    }

    @Test
    void anUncommittedFileOrFolderIsRemovedAndAnOldTargetKept(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("out.gif"), "previous");
        try (PendingOutput pending = PendingOutput.file(dir.resolve("out.gif"))) {
            Files.writeString(pending.path(), "half");
        }
        try (PendingOutput pending = PendingOutput.folder(dir.resolve("frames"))) {
            Files.writeString(pending.path().resolve("frame-0001.png"), "half");
        }
        assertEquals(List.of("out.gif"), names(dir));
        assertEquals("previous", Files.readString(dir.resolve("out.gif")));
    }

    @Test
    void anExistingFolderKeepsItsOtherFilesAndGetsTheNewFrames(@TempDir Path dir) throws IOException {
        Path frames = Files.createDirectory(dir.resolve("frames"));
        Files.writeString(frames.resolve("notes.txt"), "mine");
        Files.writeString(frames.resolve("frame-0001.png"), "old");
        try (PendingOutput pending = PendingOutput.folder(frames)) {
            Files.writeString(pending.path().resolve("frame-0001.png"), "new");
            Files.writeString(pending.path().resolve("frame-0002.png"), "new");
            pending.commit();
        }
        assertEquals(List.of("frames"), names(dir));
        assertEquals(List.of("frame-0001.png", "frame-0002.png", "notes.txt"), names(frames));
        assertEquals("new", Files.readString(frames.resolve("frame-0001.png")));
        assertEquals("mine", Files.readString(frames.resolve("notes.txt")));
    }
}
