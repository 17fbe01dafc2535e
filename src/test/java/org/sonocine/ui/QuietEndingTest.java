package org.sonocine.ui;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class QuietEndingTest {
    private final List<Throwable> handedOn = new ArrayList<>();

    @Test
    void whileTheJvmShutsDownAnEscapingExceptionIsNotPrinted() {
        new QuietEnding((t, e) -> handedOn.add(e), () -> true)
                .uncaughtException(Thread.currentThread(), new RejectedExecutionException("renderer terminated"));

        assertThat(handedOn).isEmpty();
    }

    @Test
    void atAnyOtherTimeTheHandlerThatWasThereHasIt() {
        RejectedExecutionException failure = new RejectedExecutionException("a real bug");

        new QuietEnding((t, e) -> handedOn.add(e), () -> false).uncaughtException(Thread.currentThread(), failure);

        assertThat(handedOn).containsExactly(failure);
    }

    @Test
    void theJvmIsSeenShuttingDownOnlyOnceItIs() throws Exception {
        Process probe = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), ShutdownProbe.class.getName()))
                .redirectErrorStream(true).start();
        String output = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(probe.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(output.lines()).containsExactly("running: false", "in a shutdown hook: true");
    }
}
