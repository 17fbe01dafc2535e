package org.sonocine.cli;

import org.junit.jupiter.api.Test;
import org.sonocine.testing.Samples;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

class BenchCommandTest {

    @Test
    void lastLineIsOneJsonObjectWithTheMeasurements() throws IOException {
        CliRun run = CliRun.of("bench", Samples.file("examples_ybr_color.dcm").toString(), "--threads", "2");
        assertEquals(0, run.status(), run.err());
        String[] lines = run.out().trim().split("\n");
        String json = lines[lines.length - 1];
        assertThat(json).startsWith("{").endsWith("}");
        assertThat(json).contains("\"frames\":30", "\"threads\":2", "\"failedFrames\":0")
                .containsPattern("\"firstFrameMs\":[0-9.]+").containsPattern("\"framesPerSecond\":[0-9.]+")
                .containsPattern("\"peakHeapMiB\":[0-9]+");
        assertThat(lines[0]).isEqualTo("examples_ybr_color.dcm: 30 frames, JPEG Baseline (Process 1)");
    }

    @Test
    void failedFramesAreCountedAndTheStatusSaysSo() {
        CliRun run = CliRun.of("bench", Samples.file("MR_truncated.dcm").toString());
        assertEquals(1, run.status());
        assertThat(run.err()).contains("frame 1 is cut short");
    }

    @Test
    void playbackReportsWhatAViewerWouldHaveSeen() throws IOException {
        CliRun run = CliRun.of("bench", Samples.file("examples_ybr_color.dcm").toString(), "--playback",
                "--seconds", "1.5", "--warmup", "0.5", "--size", "320x240");
        assertEquals(0, run.status(), run.err());
        String[] lines = run.out().trim().split("\n");
        String json = lines[lines.length - 1];
        assertThat(json).startsWith("{").endsWith("}").contains("\"mode\":\"playback\"", "\"size\":\"320x240\"")
                .containsPattern("\"targetFps\":[0-9.]+").containsPattern("\"shownFps\":[0-9.]+")
                .containsPattern("\"framesShown\":[1-9][0-9]*").containsPattern("\"framesDropped\":[0-9]+")
                .containsPattern("\"longestGapMs\":[0-9.]+").containsPattern("\"peakHeapMiB\":[0-9]+")
                .containsPattern("\"gcCpuShare\":[0-9.]+");
        assertThat(lines[0]).isEqualTo("examples_ybr_color.dcm: 30 frames at 320x240, ×1.0 on 2 decoding threads");
    }

    @Test
    void playbackRefusesASizeItCannotRead() {
        CliRun run = CliRun.of("bench", Samples.file("examples_ybr_color.dcm").toString(), "--playback", "--size",
                "big");
        assertEquals(2, run.status());
        assertThat(run.err()).contains("--size must be WIDTHxHEIGHT, e.g. 1024x768");
    }
}
