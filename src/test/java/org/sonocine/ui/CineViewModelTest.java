package org.sonocine.ui;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sonocine.study.CineTiming;
import org.sonocine.study.DemoCine;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Cine playback as the view binds to it, with no toolkit: frames decode on the calling thread and a fake clock moves
 * only when the test says, so each tick shows exactly the frame whose time has come.
 */
class CineViewModelTest {
    private static final long FRAME_NANOS = 33_333_333L;
    private final AtomicLong nanos = new AtomicLong();
    private final CineViewModel cine = new CineViewModel(nanos::get, Runnable::run, 1, 64L << 20);
    private LoadedInstance loaded;

    private void loadDemo(Path dir) throws IOException {
        Path file = dir.resolve("demo.dcm");
        DemoCine.write(file);
        loaded = LoadedInstance.open(file);
        cine.load(loaded);
    }

    @AfterEach
    void close() {
        cine.close();
        if (loaded != null) {
            loaded.close();
        }
    }

    @Test
    void aCineStartsPlayingOnItsFirstFrameWithItsRate(@TempDir Path dir) throws IOException {
        loadDemo(dir);
        assertTrue(cine.playingProperty().get());
        assertEquals(DemoCine.FRAMES, cine.frameCountProperty().get());
        assertEquals(0, cine.frameIndexProperty().get());
        assertNotNull(cine.displayedProperty().get());
        assertThat(cine.frameTextProperty().get()).startsWith("Frame 1/60");
        assertThat(cine.rateTextProperty().get()).startsWith("30.0 fps (FrameTime)");
    }

    @Test
    void ticksShowTheFrameWhoseTimeHasCome(@TempDir Path dir) throws IOException {
        loadDemo(dir);
        for (int frame = 1; frame <= 5; frame++) {
            nanos.addAndGet(FRAME_NANOS);
            cine.tick();
            // A decode the tick asked for ran at once: the next tick finds it.
            cine.tick();
        }
        assertEquals(5, cine.frameIndexProperty().get());
        assertEquals(5, cine.displayedProperty().get().index());
    }

    @Test
    void pausedTheClockMovesButTheFrameDoesNotAndTheDisplayPulseStops(@TempDir Path dir) throws IOException {
        loadDemo(dir);
        cine.pause();
        nanos.addAndGet(10 * FRAME_NANOS);
        cine.tick();

        assertFalse(cine.playingProperty().get());
        assertEquals(0, cine.frameIndexProperty().get());
        assertFalse(cine.animatingProperty().get());
    }

    @Test
    void steppingWrapsAroundTheLoop(@TempDir Path dir) throws IOException {
        loadDemo(dir);
        cine.step(-1);
        cine.tick();
        assertEquals(DemoCine.FRAMES - 1, cine.frameIndexProperty().get());
        assertEquals(DemoCine.FRAMES - 1, cine.displayedProperty().get().index());
    }

    @Test
    void sweepAndSpeedAreTheViewersToSet(@TempDir Path dir) throws IOException {
        loadDemo(dir);
        cine.setSequencing(CineTiming.Sequencing.SWEEP);
        cine.setSpeed(8);
        assertEquals(CineTiming.Sequencing.SWEEP, cine.sequencingProperty().get());
        assertEquals(4, cine.speedProperty().get(), "speed is held to ×4");
    }
}
