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
}
