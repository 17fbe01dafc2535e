package org.sonocine.ui.task;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The lanes on real threads: bulk work gives way to interactive work, and cancelled work never starts. */
class PooledTaskExecutorTest {
    private final PooledTaskExecutor tasks = new PooledTaskExecutor(Runnable::run, 2);

    @AfterEach
    void close() {
        tasks.close();
    }

    @Test
    void scanWorkWaitsWhileTheUserIsWaitingForAFile() throws InterruptedException {
        CountDownLatch loading = new CountDownLatch(1);
        CountDownLatch loadStarted = new CountDownLatch(1);
        BackgroundTask.wrap(() -> {
            loadStarted.countDown();
            loading.await(10, TimeUnit.SECONDS);
            return null;
        }).executeWith(tasks, Lane.INTERACTIVE);
        assertTrue(loadStarted.await(5, TimeUnit.SECONDS));
        CountDownLatch scanned = new CountDownLatch(1);

        tasks.lane(Lane.SCAN).execute(scanned::countDown);

        assertFalse(scanned.await(300, TimeUnit.MILLISECONDS), "the scan waits while the file loads");
        loading.countDown();
        assertTrue(scanned.await(5, TimeUnit.SECONDS), "and goes on once it is loaded");
    }

    @Test
    void thumbnailWorkCancelledBeforeItStartsNeverRuns() throws InterruptedException {
        assertEquals(1, tasks.threads(Lane.THUMBNAILS));
        CountDownLatch busy = new CountDownLatch(1);
        CountDownLatch first = new CountDownLatch(1);
        BackgroundTask.wrap(() -> {
            first.countDown();
            busy.await(10, TimeUnit.SECONDS);
            return null;
        }).executeWith(tasks, Lane.THUMBNAILS);
        assertTrue(first.await(5, TimeUnit.SECONDS));
        AtomicBoolean ran = new AtomicBoolean();
        Cancellable waiting = BackgroundTask.wrap(() -> ran.getAndSet(true)).executeWith(tasks, Lane.THUMBNAILS);

        waiting.cancel();
        assertEquals(0, tasks.queued(Lane.THUMBNAILS), "it left the queue at once");
        busy.countDown();
        CountDownLatch after = new CountDownLatch(1);
        BackgroundTask.wrap(after::countDown).executeWith(tasks, Lane.THUMBNAILS);
        assertTrue(after.await(5, TimeUnit.SECONDS));
        assertFalse(ran.get());
    }
}
