package org.sonocine.ui;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class SoftwareRenderingMemoryTest {
    private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");

    @TempDir
    Path dir;

    private Path file() {
        return dir.resolve("cache").resolve("sonocine").resolve("software-rendering-:5");
    }

    private SoftwareRenderingMemory memory() {
        return new SoftwareRenderingMemory(file(), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void aStartThatFellBackToSoftwareNotesItsDisplayForTheLauncherScript() throws IOException {
        memory().afterStart(false, false, false);

        assertThat(file()).isRegularFile();
        assertThat(Files.readString(file())).contains("Delete this file");
    }

    @Test
    void aStartThatDrawsWithTheGraphicsHardwareForgetsTheDisplay() throws IOException {
        memory().afterStart(false, false, false);

        memory().afterStart(true, false, false);

        assertThat(file()).doesNotExist();
    }

    @Test
    void aPipelineSomeoneChoseSaysNothingAboutWhatJavaFxWouldChoose() throws IOException {
        memory().afterStart(false, false, true);
        assertThat(file()).doesNotExist();

        memory().afterStart(false, false, false);
        memory().afterStart(true, false, true);
        assertThat(file()).exists();
    }

    @Test
    void aStartTheMemoryChoseKeepsItForAWeek() throws IOException {
        memory().afterStart(false, false, false);
        Files.setLastModifiedTime(file(), FileTime.from(NOW.minus(Duration.ofDays(6))));

        // Drawing in software because it was told to, the start cannot tell what JavaFX would choose: it keeps
        // the note rather than renewing or dropping it.
        memory().afterStart(false, true, false);

        assertThat(file()).exists();
        assertThat(Files.getLastModifiedTime(file()).toInstant()).isEqualTo(NOW.minus(Duration.ofDays(6)));
    }

    @Test
    void aWeekOldMemoryIsDroppedSoThatTheNextStartTriesOpenGlAgain() throws IOException {
        memory().afterStart(false, false, false);
        Files.setLastModifiedTime(file(), FileTime.from(NOW.minus(Duration.ofDays(8))));

        memory().afterStart(false, true, false);

        assertThat(file()).doesNotExist();
    }

    @Test
    void withoutTheLaunchersFileNothingIsRemembered() {
        assertThat(SoftwareRenderingMemory.of(properties(Map.of()))).isEmpty();
        assertThat(SoftwareRenderingMemory.of(properties(Map.of(SoftwareRenderingMemory.FILE_PROPERTY,
                "relative/software-rendering-host-:5")))).isEmpty();
    }

    @Test
    void theLaunchersFileIsWhereTheNoteGoes() throws IOException {
        SoftwareRenderingMemory memory = SoftwareRenderingMemory.of(properties(Map.of(
                SoftwareRenderingMemory.FILE_PROPERTY, file().toString()))).orElseThrow();

        memory.afterStart(false, properties(Map.of()));

        assertThat(file()).isRegularFile();
    }

    @Test
    void theSoftwarePipelineTheNoteAskedForIsNotTheUsersChoice() throws IOException {
        memory().afterStart(false, false, false);
        Files.setLastModifiedTime(file(), FileTime.from(Instant.now().minus(Duration.ofDays(8))));
        Map<String, String> remembered = Map.of(SoftwareRenderingMemory.REMEMBERED_PROPERTY, "true",
                SoftwareRenderingMemory.PIPELINE_PROPERTY, "sw");

        // Remembered, not chosen: a week-old note goes, so that the next start tries OpenGL again.
        SoftwareRenderingMemory.of(properties(Map.of(SoftwareRenderingMemory.FILE_PROPERTY, file().toString())))
                .orElseThrow().afterStart(false, properties(remembered));

        assertThat(file()).doesNotExist();
    }

    @Test
    void aPipelineTheUserGaveLeavesTheNoteAsItIs() throws IOException {
        memory().afterStart(false, false, false);

        memory().afterStart(true, properties(Map.of(SoftwareRenderingMemory.PIPELINE_PROPERTY, "es2")));

        assertThat(file()).exists();
    }

    @Test
    void aNoteFromAClockFarAheadIsDroppedByTheStartItSentToSoftware() throws IOException {
        memory().afterStart(false, false, false);
        Files.setLastModifiedTime(file(), FileTime.from(NOW.plus(Duration.ofDays(30))));

        memory().afterStart(false, true, false);

        assertThat(file()).doesNotExist();
    }

    @Test
    void aLinkAtTheNotesPlaceIsNeitherWrittenThroughNorKept() throws IOException {
        Path elsewhere = Files.writeString(dir.resolve("elsewhere.txt"), "keep me");
        Files.createDirectories(file().getParent());
        Files.createSymbolicLink(file(), elsewhere);

        memory().afterStart(false, false, false);
        assertThat(Files.readString(elsewhere)).isEqualTo("keep me");

        memory().afterStart(false, true, false);
        assertThat(Files.exists(file(), java.nio.file.LinkOption.NOFOLLOW_LINKS)).isFalse();
        assertThat(Files.readString(elsewhere)).isEqualTo("keep me");
    }

    @Test
    void aNamedPipeAtTheNotesPlaceDoesNotHoldTheStartUp() throws Exception {
        Files.createDirectories(file().getParent());
        Process mkfifo = new ProcessBuilder("mkfifo", file().toString()).start();
        org.junit.jupiter.api.Assumptions.assumeTrue(mkfifo.waitFor() == 0, "needs mkfifo");

        // Opened for writing, a pipe would wait for a reader for good.
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> memory().afterStart(false, false, false));
        assertThat(Files.isRegularFile(file(), java.nio.file.LinkOption.NOFOLLOW_LINKS)).isFalse();
    }

    private static UnaryOperator<String> properties(Map<String, String> values) {
        return values::get;
    }
}
