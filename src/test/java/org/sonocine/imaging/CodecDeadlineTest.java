package org.sonocine.imaging;

import org.sonocine.imaging.codec.DecodeException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CodecDeadlineTest {
    /** Holds the "stuck" calls until the test ends, as a codec in an endless loop would hold them for ever. */
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void releaseStuckCalls() {
        release.countDown();
    }

    /** Spins, as a codec in an endless loop does, deaf to interrupts, until the test ends. */
    private Object stuck() {
        while (release.getCount() > 0) {
            Thread.onSpinWait();
        }
        return "late";
    }

    @Test
    void aCallThatMissesItsDeadlineIsAbandonedAndSaysSo() throws Exception {
        CodecDeadline deadline = new CodecDeadline(100, 0, 2);
        AtomicBoolean released = new AtomicBoolean();
        long start = System.nanoTime();
        DecodeException e = assertThrows(DecodeException.class,
                () -> deadline.call("JPEG 2000", 6, 10, 0, this::stuck, () -> released.set(true)));
        assertThat(e.getMessage()).isEqualTo("frame 7 could not be decoded: the JPEG 2000 decoder did not finish"
                + " within 0.1 s of processor time (its data may be corrupt)");
        assertThat(System.nanoTime() - start).isLessThan(TimeUnit.SECONDS.toNanos(5));
        assertTrue(released.get(), "what the stuck call still holds is given up");
        assertEquals(1, deadline.abandonedCalls());
        assertEquals("ok", deadline.call("JPEG 2000", 7, 10, 0, () -> "ok", () -> { }), "later calls still run");
    }

    @Test
    void onceTooManyCallsAreStuckTheCodecIsNotCalledUntilOneEnds() throws Exception {
        CodecDeadline deadline = new CodecDeadline(50, 0, 2);
        for (int i = 0; i < 2; i++) {
            assertThrows(DecodeException.class, () -> deadline.call("JPEG 2000", 0, 10, 0, this::stuck, () -> { }));
        }
        AtomicBoolean called = new AtomicBoolean();
        DecodeException e = assertThrows(DecodeException.class,
                () -> deadline.call("JPEG 2000", 2, 10, 0, () -> called.getAndSet(true), () -> { }));
        assertThat(e.getMessage()).isEqualTo("frame 3 was not decoded: 2 earlier JPEG 2000 frames never finished"
                + " decoding, so the JPEG 2000 decoder is not used again until they do");
        assertThat(called).isFalse();

        release.countDown();
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (deadline.abandonedCalls() > 0 && System.nanoTime() < until) {
            Thread.sleep(5);
        }
        assertEquals(0, deadline.abandonedCalls(), "calls that end at last are no longer counted");
        assertEquals(true, deadline.call("JPEG 2000", 2, 10, 0, () -> true, () -> { }));
    }

    @Test
    void theDeadlineGrowsWithTheInput() throws Exception {
        CodecDeadline deadline = new CodecDeadline(0, 1_000, 1);
        String result = deadline.call("JPEG", 0, 1 << 20, 0, () -> {
            spinFor(TimeUnit.MILLISECONDS.toNanos(200));
            return "done";
        }, () -> { });
        assertEquals("done", result, "a MiB of input earns a second of processor time");
    }

    @Test
    void anInterruptedCallerLeavesNothingCountedAgainstTheCodec() throws Exception {
        CodecDeadline deadline = new CodecDeadline(10_000, 0, 1);
        for (int i = 0; i < 3; i++) {
            Thread.currentThread().interrupt();
            RetryableDecodeException e = assertThrows(RetryableDecodeException.class,
                    () -> deadline.call("JPEG 2000", 0, 10, 0, () -> {
                        release.await(); // still running, or not yet started, when the caller gives up
                        return "late";
                    }, () -> { }));
            assertThat(e.getMessage()).isEqualTo("frame 1 was not decoded: decoding was stopped");
            assertTrue(Thread.interrupted(), "the interrupt stays set for the caller");
        }
        assertEquals(0, deadline.abandonedCalls());
        assertEquals("ok", deadline.call("JPEG 2000", 0, 10, 0, () -> "ok", () -> { }));
    }

    @Test
    void aCodecBusyWithStuckCallsIsRetryableNotTheFramesFault() {
        CodecDeadline deadline = new CodecDeadline(50, 0, 1);
        assertThrows(DecodeException.class, () -> deadline.call("JPEG 2000", 0, 10, 0, this::stuck, () -> { }));
        assertThrows(RetryableDecodeException.class,
                () -> deadline.call("JPEG 2000", 1, 10, 0, () -> "x", () -> { }));
    }

    @Test
    void theDeadlineGrowsWithTheSamplesDecoded() throws Exception {
        CodecDeadline deadline = new CodecDeadline(0, 1_000, 1);
        String result = deadline.call("JPEG", 0, 10, 4L << 20, () -> {
            spinFor(TimeUnit.MILLISECONDS.toNanos(200));
            return "done";
        }, () -> { });
        assertEquals("done", result, "4 million samples earn a second of processor time");
    }

    @Test
    void aReusedThreadStartsEachCallWithAFreshBudget() throws Exception {
        CodecDeadline deadline = new CodecDeadline(400, 0, 1);
        Set<String> threads = new HashSet<>();
        for (int i = 0; i < 4; i++) {
            threads.add(deadline.call("JPEG 2000", i, 10, 0, () -> {
                spinFor(TimeUnit.MILLISECONDS.toNanos(150)); // 600 ms in all, 150 ms per call
                return Thread.currentThread().getName();
            }, () -> { }));
        }
        assertThat(threads).as("the calls ran on a reused thread").hasSizeLessThan(4);
    }

    private static void spinFor(long processorNanos) {
        ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        long start = bean.getCurrentThreadCpuTime();
        while (bean.getCurrentThreadCpuTime() - start < processorNanos) {
            Thread.onSpinWait();
        }
    }

    @Test
    void waitingIsNotSpinning() throws Exception {
        CodecDeadline deadline = new CodecDeadline(100, 0, 1);
        String result = deadline.call("JPEG", 0, 10, 0, () -> {
            Thread.sleep(400); // a sound decode that a busy machine keeps waiting
            return "done";
        }, () -> { });
        assertEquals("done", result, "only processor time counts against the deadline");
    }

    @Test
    void whatTheCallThrowsComesThroughUnchanged() {
        CodecDeadline deadline = new CodecDeadline(1000, 0, 1);
        DecodeException corrupt = new DecodeException("frame 1: the JPEG data is corrupt");
        assertSame(corrupt, assertThrows(DecodeException.class,
                () -> deadline.call("JPEG", 0, 1, 0, () -> { throw corrupt; }, () -> { })));
        IllegalStateException bug = new IllegalStateException("x");
        assertSame(bug, assertThrows(IllegalStateException.class,
                () -> deadline.call("JPEG", 0, 1, 0, () -> { throw bug; }, () -> { })));
    }
}
