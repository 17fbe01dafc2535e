package org.sonocine.ui;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class QuietEndingTest {
    @Test
    void whatIsPrintedWhileTheJvmShutsDownIsNotShownButWhatCameBeforeIs() throws Exception {
        Process probe = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), ShutdownProbe.class.getName()))
                .redirectErrorStream(true).start();
        String output = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(probe.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(output.lines()).containsExactly("while running: shown", "running: false",
                "in a shutdown hook: true");
    }
}
