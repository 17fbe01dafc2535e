package org.sonocine.cine;

import org.sonocine.imaging.DisplayFrame;
import org.sonocine.imaging.FrameRenderer;
import org.sonocine.imaging.FrameSource;
import org.sonocine.imaging.ScaledRenderer;
import org.sonocine.study.CineTiming;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.LongSupplier;

/**
 * One cine on screen: the clock, the frame cache and the decisions between them, with no window. The viewer and
 * {@code bench --playback} both drive it, so the figures the benchmark reports are the window's.
 *
 * <p>What it promises: playback degrades rather than freezes. Each tick shows the newest decoded frame at or
 * before the playhead, so the clock stays real time and the shown rate falls smoothly to what the machine can
 * decode. Decoding is planned by time: frames due within a horizon (longer when decoding is slow) are queued in
 * the order they are due; a frame that could not be ready in time is not asked for; and when the measured decode
 * rate is below the target, or the display pulses come slower than the frames, only a share of the frames is
 * decoded, spread evenly (every other one, two in three, ...). Paused, only the frame asked for is decoded (the
 * latest request wins); a new display size is applied once it has settled, and frames of the old size are shown
 * meanwhile. Not thread-safe: drive it from one thread, with {@link #tick} on every display pulse while
 * {@link #needsTicks()} says so.
 */
public final class Playback implements AutoCloseable {
    /** Where frames go: a window, or nothing but a count in the benchmark. */
    public interface Screen {
        void show(int frame, DisplayFrame image);

        void showError(int frame, String reason);
    }

    /** How long the display size must stay the same before frames are rendered at it. */
    public static final long RESIZE_SETTLE_NANOS = 150_000_000L;
    /** Decoding is planned to use at most this share of the measured capacity, leaving room for jitter. */
    private static final double UTILISATION = 0.85;
    /** ... and a larger share of the frames is taken on again only when this utilisation would do. */
    private static final double RELAX_UTILISATION = 0.7;
    private static final long MIN_HORIZON_NANOS = 500_000_000L;
    private static final long MAX_HORIZON_NANOS = 3_000_000_000L;
    /** The horizon covers this many decode times of one frame, so a slow machine looks further ahead. */
    private static final int HORIZON_DECODES = 8;
    /**
     * The shares of the frames that may be decoded, largest first: from all of them down to one in sixteen, in
     * steps small enough that the shown rate falls smoothly rather than halving at once.
     */
    private static final double[] SHARES = {1, 0.9, 0.8, 0.75, 2 / 3.0, 0.6, 0.5, 0.45, 0.4, 1 / 3.0, 0.3, 0.25, 0.2,
        1 / 6.0, 0.125, 0.1, 1 / 12.0, 0.0625};
    /**
     * Display pulses slower than this many per frame cap the share decoded at their rate; at or above it, the
     * pulses keep up (their timing jitters around the display's refresh, which may equal the cine's rate).
     */
    private static final double PULSE_UTILISATION = 0.9;
    private static final int LOOK_AHEAD_SLOTS = 1024;

    private final CinePlayer player;
    private final FrameCache cache;
    private final DecodeRate rate;
    private final LongSupplier clock;
    private final FrameRateMeter meter = new FrameRateMeter();
    private FrameRenderer baseRenderer;
    private int displayWidth = -1;
    private int displayHeight = -1;
    private int pendingWidth;
    private int pendingHeight;
    private long pendingSince;
    private boolean resizePending;

    private int shownFrame = -1;
    private int requestedFrame = -1;
    private boolean shownCurrent;
    private boolean shownError;
    private long lastShownOrdinal;
    /** The share of the frames decoded: 1 while decoding keeps up, 0.5 for every other frame, and so on. */
    private double share = 1;
    private double pulseNanos = Double.NaN;
    private long lastTickNanos = Long.MIN_VALUE;
    private final long[] lookOrdinal = new long[LOOK_AHEAD_SLOTS];
    private final int[] lookIndex = new int[LOOK_AHEAD_SLOTS];
    private final long[] lookDue = new long[LOOK_AHEAD_SLOTS];
    private final boolean[] lookReady = new boolean[LOOK_AHEAD_SLOTS];
    private int lookCount;
    private int[] seenStamp = new int[0];
    private int visitStamp;

    private long framesShown;
    private long framesDropped;
    private long lastShownNanos;
    private long longestGapNanos;

    /**
     * @param threads how many threads {@code decoder} runs (the measured rate of one thread is multiplied by it)
     */
    public Playback(FrameSource source, CineTiming timing, FrameRenderer renderer, Executor decoder, int threads,
                    LongSupplier clock, long budgetBytes) {
        this(source, timing, renderer, decoder, new DecodeRate(threads), clock, budgetBytes);
    }

    /** As above, with the decode rate given: measured by the cache as it decodes, or fixed in a simulation. */
    public Playback(FrameSource source, CineTiming timing, FrameRenderer renderer, Executor decoder,
                    DecodeRate rate, LongSupplier clock, long budgetBytes) {
        this.clock = clock;
        this.baseRenderer = renderer;
        this.rate = rate;
        this.player = new CinePlayer(timing, clock);
        this.cache = new FrameCache(source, renderer, budgetBytes, decoder, clock, rate);
    }

    public CinePlayer player() {
        return player;
    }

    public FrameCache cache() {
        return cache;
    }

    public DecodeRate decodeRate() {
        return rate;
    }

    /**
     * Shows a frame already rendered at the image's own size (the load task's first frame), resized to the
     * display size, without decoding it again.
     */
    public void showPrepared(DisplayFrame frame, Screen screen) {
        cache.offerFullSize(player.frame(), baseRenderer, frame);
        DisplayFrame image = cache.renderer() instanceof ScaledRenderer scaled ? scaled.resize(frame) : frame;
        cache.pin(image);
        show(player.frame(), image, true, screen);
    }

    /** The frame index shown last (-1 before any). */
    public int shownFrame() {
        return shownFrame;
    }

    /** Advances the clock, shows what is due and decoded, and plans the next decodes. */
    public void tick(Screen screen) {
        long now = clock.getAsLong();
        if (resizePending && now - pendingSince >= RESIZE_SETTLE_NANOS) {
            applyDisplaySize(pendingWidth, pendingHeight);
        }
        int frame = player.tick();
        if (player.isPlaying()) {
            measurePulse(now);
            showNewestDue(screen);
            plan(now);
        } else if (frame != shownFrame || !shownCurrent) {
            showOrRequest(frame, screen);
        }
    }

    /** Whether ticks are needed: playing, a frame on its way, or a display size settling. Otherwise idle is idle. */
    public boolean needsTicks() {
        if (player.isPlaying() || resizePending) {
            return true;
        }
        return player.frame() != shownFrame || !shownCurrent;
    }

    private void showNewestDue(Screen screen) {
        long playhead = player.ordinal();
        long behind = Math.min(playhead - lastShownOrdinal, cache.capacityFrames());
        for (long j = 0; j < behind; j++) {
            long ordinal = playhead - j;
            int index = player.frameOfOrdinal(ordinal);
            boolean current = cache.isReady(index);
            Optional<DisplayFrame> image = cache.pinIfReady(index, false);
            if (image.isPresent()) {
                countShown(ordinal);
                show(index, image.get(), current, screen);
                return;
            }
            Optional<String> failure = j == 0 ? cache.failure(index) : Optional.empty();
            if (failure.isPresent()) {
                countShown(ordinal);
                showError(index, failure.get(), screen);
                return;
            }
        }
    }

    private void countShown(long ordinal) {
        long now = clock.getAsLong();
        framesDropped += Math.max(0, ordinal - lastShownOrdinal - 1);
        longestGapNanos = Math.max(longestGapNanos, now - lastShownNanos);
        framesShown++;
        lastShownNanos = now;
        lastShownOrdinal = ordinal;
    }

    /**
     * Queues the frames that can still be shown, due within the horizon, on the grid of the share: the largest
     * share for which every frame on its grid not yet decoded can be decoded, most urgent first, before it is
     * due, and which the display pulses can show.
     */
    private void plan(long now) {
        double frameNanos = rate.known() ? rate.frameNanos() : player.slotNanos();
        long horizon = (long) Math.max(MIN_HORIZON_NANOS, Math.min(MAX_HORIZON_NANOS, HORIZON_DECODES * frameNanos));
        look(now, horizon);
        double pulsesPerSlot = Double.isNaN(pulseNanos) ? 1 : player.slotNanos() / pulseNanos;
        // Pulses about as fast as the frames (a 60 fps cine on a 60 Hz display) can show them all.
        double pulseCap = pulsesPerSlot >= PULSE_UTILISATION ? 1 : pulsesPerSlot;
        double chosen = largestFeasibleShare(now, frameNanos, UTILISATION, pulseCap, 0);
        share = chosen <= share ? chosen : largestFeasibleShare(now, frameNanos, RELAX_UTILISATION, pulseCap, share);
        List<FrameCache.Wanted> wanted = new ArrayList<>();
        forEachOnGrid(share, now, frameNanos, (index, due, ready) -> {
            wanted.add(new FrameCache.Wanted(index, due));
            return true;
        });
        keepWhatFits(wanted, now, frameNanos);
        cache.prefetch(wanted);
    }

    /**
     * When the whole played range fits in the cache and comes round again within the look-ahead, a frame decoded too
     * late for this round is shown on the next.
     * So frames already on their way are kept however late they come, and decoders the plan leaves idle take the
     * frames it left out, soonest due first. A loop shorter than one decode (two frames at 30 frames/s on a busy
     * machine) thus fills up and then plays in full, rather than showing its first frame for ever because no frame
     * could ever be ready in time.
     */
    private void keepWhatFits(List<FrameCache.Wanted> wanted, long now, double frameNanos) {
        int range = player.lastPlayed() - player.firstPlayed() + 1;
        if (range > cache.capacityFrames() || lookCount < 2 * range) {
            // Either not all frames stay, or a frame too late now is not due again within the look-ahead: decoding
            // it would cost processor time for no frame shown soon.
            return;
        }
        java.util.Set<Integer> chosen = new java.util.HashSet<>();
        int busy = cache.pendingCount();
        for (int i = 0; i < wanted.size(); i++) {
            FrameCache.Wanted w = wanted.get(i);
            chosen.add(w.index());
            boolean pending = cache.isPending(w.index());
            if (!cache.isReady(w.index()) && !pending) {
                busy++;
            }
            if (pending && w.dueNanos() - now < frameNanos) {
                wanted.set(i, new FrameCache.Wanted(w.index(), w.dueNanos(), true));
            }
        }
        int idle = rate.threads() - busy;
        for (int s = 0; s < lookCount && idle > 0; s++) {
            int index = lookIndex[s];
            if (lookReady[s] || chosen.contains(index) || cache.isPending(index)) {
                continue;
            }
            chosen.add(index);
            wanted.add(new FrameCache.Wanted(index, lookDue[s], true));
            idle--;
        }
    }

    /** Measures how often ticks come while playing: the window's display pulses, slower on a busy machine. */
    private void measurePulse(long now) {
        if (lastTickNanos != Long.MIN_VALUE) {
            long interval = Math.max(1, now - lastTickNanos);
            pulseNanos = Double.isNaN(pulseNanos) ? interval : pulseNanos + 0.1 * (interval - pulseNanos);
        }
        lastTickNanos = now;
    }

    /** The frames of the slots after the playhead, up to the horizon: index, due time and whether decoded. */
    private void look(long now, long horizon) {
        lookCount = 0;
        long playhead = player.ordinal();
        int most = Math.min(LOOK_AHEAD_SLOTS, 4 * cache.capacityFrames());
        for (long ordinal = playhead + 1; lookCount < most; ordinal++) {
            long due = player.dueNanos(ordinal);
            if (due - now > horizon) {
                break;
            }
            int index = player.frameOfOrdinal(ordinal);
            lookOrdinal[lookCount] = ordinal;
            lookIndex[lookCount] = index;
            lookDue[lookCount] = due;
            // A frame that cannot be decoded costs no decoding: count it as done.
            lookReady[lookCount] = cache.isReady(index) || cache.failure(index).isPresent();
            lookCount++;
        }
    }

    private interface SlotVisitor {
        /** Returns whether to go on. */
        boolean visit(int index, long due, boolean ready);
    }

    /**
     * Visits the looked-at slots on the grid of {@code share}: the slots where the count of {@code share} per slot
     * passes a whole number (every slot for 1, every other for 0.5), a property of the slot alone, so that the
     * grid stays put as the playhead moves. Each frame once, at most half the cache's capacity of them, at its
     * first showing that a decode starting now could still make: a frame of a short loop that is due too soon this
     * time round is visited at its showing on a later round rather than never.
     */
    private void forEachOnGrid(double share, long now, double decodeNanos, SlotVisitor visitor) {
        int most = Math.max(1, cache.capacityFrames() / 2);
        int visited = 0;
        visitStamp++;
        for (int s = 0; s < lookCount && visited < most; s++) {
            if (!onGrid(lookOrdinal[s], share)) {
                continue;
            }
            int index = lookIndex[s];
            if (seenStamp.length <= index) {
                seenStamp = java.util.Arrays.copyOf(seenStamp, Math.max(index + 1, 2 * seenStamp.length));
            }
            if (seenStamp[index] == visitStamp) {
                continue;
            }
            if (!lookReady[s] && lookDue[s] - now < decodeNanos && !cache.isPending(index)) {
                continue;
            }
            seenStamp[index] = visitStamp;
            visited++;
            if (!visitor.visit(index, lookDue[s], lookReady[s])) {
                return;
            }
        }
    }

    private static boolean onGrid(long ordinal, double share) {
        return share >= 1 || Math.floor(ordinal * share + 1e-9) != Math.floor((ordinal - 1) * share + 1e-9);
    }

    /** The largest share, at most {@code cap}, that is feasible, or {@code floor} if none above it is. */
    private double largestFeasibleShare(long now, double frameNanos, double utilisation, double cap, double floor) {
        for (double candidate : SHARES) {
            if (candidate <= floor) {
                return floor;
            }
            if (candidate <= cap + 1e-9 && feasible(candidate, now, frameNanos, utilisation)) {
                return candidate;
            }
        }
        return Math.max(floor, SHARES[SHARES.length - 1]);
    }

    /**
     * Whether the threads, earliest due first, can decode every frame of the grid not yet decoded before it is
     * due, counting each decode as taking the measured time divided by {@code utilisation}. Frames due sooner
     * than one decode are left out, as {@link #plan} does not ask for them.
     */
    private boolean feasible(double share, long now, double frameNanos, double utilisation) {
        int threads = rate.threads();
        int[] needed = {0};
        boolean[] ok = {true};
        forEachOnGrid(share, now, frameNanos, (index, due, ready) -> {
            if (ready || due - now < frameNanos) {
                return true;
            }
            needed[0]++;
            double finish = frameNanos * Math.ceil((double) needed[0] / threads) / utilisation;
            ok[0] = finish <= due - now;
            return ok[0];
        });
        return ok[0];
    }

    private void showOrRequest(int frame, Screen screen) {
        Optional<DisplayFrame> current = cache.pinIfReady(frame, true);
        if (current.isPresent()) {
            show(frame, current.get(), true, screen);
            return;
        }
        Optional<String> failure = cache.failure(frame);
        if (failure.isPresent()) {
            showError(frame, failure.get(), screen);
            return;
        }
        if (frame != shownFrame || shownError) {
            cache.pinIfReady(frame, false).ifPresent(stale -> show(frame, stale, false, screen));
        }
        if (frame != requestedFrame || !cache.isPending(frame)) {
            // The latest frame asked for goes first, even if playback had queued it for later.
            cache.requestAlone(frame);
            requestedFrame = frame;
        }
    }

    /** Shows {@code image}, which the cache has pinned (or which is not the cache's). */
    private void show(int frame, DisplayFrame image, boolean current, Screen screen) {
        boolean newFrame = frame != shownFrame || shownError;
        shownFrame = frame;
        shownCurrent = current;
        shownError = false;
        if (newFrame) {
            meter.frameShown(clock.getAsLong());
        }
        screen.show(frame, image);
    }

    private void showError(int frame, String reason, Screen screen) {
        shownFrame = frame;
        shownCurrent = true;
        shownError = true;
        screen.showError(frame, reason);
    }

    public void play() {
        if (player.lastPlayed() > player.firstPlayed() && !player.isPlaying()) {
            player.play();
            restartCounting();
        }
    }

    public void pause() {
        player.pause();
        cache.cancelPrefetches();
    }

    public boolean isPlaying() {
        return player.isPlaying();
    }

    /** Shows frame {@code index} (0-based) as when the scrub bar is dragged: playback stops, only it is decoded. */
    public void seek(int index) {
        pause();
        player.seek(index);
    }

    public void step(int delta) {
        pause();
        player.step(delta);
    }

    public void firstFrame() {
        pause();
        player.firstFrame();
    }

    public void lastFrame() {
        pause();
        player.lastFrame();
    }

    public void setSpeed(double value) {
        player.setSpeed(value);
    }

    public void setSequencing(CineTiming.Sequencing value) {
        player.setSequencing(value);
        if (player.isPlaying()) {
            restartCounting();
        }
    }

    /** The frame shown at play start counts as shown; the frames after it are the ones to count from. */
    private void restartCounting() {
        long ordinal = player.ordinal();
        lastShownOrdinal = shownFrame == player.frame() ? ordinal : ordinal - 1;
        lastShownNanos = clock.getAsLong();
        lastTickNanos = Long.MIN_VALUE;
    }

    /** Renders frames with {@code renderer} (before scaling) from now on, as when the grey-level window changes. */
    public void setBaseRenderer(FrameRenderer renderer) {
        baseRenderer = renderer;
        cache.setRenderer(effectiveRenderer(displayWidth, displayHeight));
        shownCurrent = false;
    }

    public FrameRenderer baseRenderer() {
        return baseRenderer;
    }

    /**
     * The size frames are shown at, in screen pixels (zero for the image's own size, when zoomed in). Frames are
     * rendered at that size on the decoding threads once it has stayed the same for {@link #RESIZE_SETTLE_NANOS};
     * the first size is taken at once.
     */
    public void setDisplaySize(int width, int height) {
        if (displayWidth < 0) {
            applyDisplaySize(width, height);
            return;
        }
        if (width == displayWidth && height == displayHeight) {
            resizePending = false;
            return;
        }
        if (!resizePending || width != pendingWidth || height != pendingHeight) {
            pendingWidth = width;
            pendingHeight = height;
            pendingSince = clock.getAsLong();
            resizePending = true;
        }
    }

    private void applyDisplaySize(int width, int height) {
        resizePending = false;
        if (width == displayWidth && height == displayHeight) {
            return;
        }
        displayWidth = width;
        displayHeight = height;
        cache.setRenderer(effectiveRenderer(width, height));
        shownCurrent = false;
    }

    private FrameRenderer effectiveRenderer(int width, int height) {
        return width > 0 && height > 0 ? new ScaledRenderer(baseRenderer, width, height) : baseRenderer;
    }

    /** Distinct frames shown per second over the last second. */
    public double measuredFramesPerSecond() {
        return meter.framesPerSecond(clock.getAsLong());
    }

    /** Frames shown while playing since it started (or since the counters were last restarted). */
    public long framesShown() {
        return framesShown;
    }

    /** Frames whose time came while playing but that were never shown. */
    public long framesDropped() {
        return framesDropped;
    }

    /** The longest time between two new frames on screen while playing, in ms. */
    public double longestGapMs() {
        return longestGapNanos / 1e6;
    }

    /** The share of the frames decoded: 1 while decoding keeps up, 0.5 for every other frame. */
    public double decodedShare() {
        return share;
    }

    /** Clears the counters, e.g. after a warm-up. */
    public void resetCounters() {
        framesShown = 0;
        framesDropped = 0;
        longestGapNanos = 0;
        restartCounting();
    }

    @Override
    public void close() {
        cache.close();
    }
}
