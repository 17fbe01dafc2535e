package org.sonocine.ui;

import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.sonocine.cine.CinePlayer;
import org.sonocine.cine.FrameCache;
import org.sonocine.cine.FrameRateMeter;
import org.sonocine.imaging.DisplayFrame;
import org.sonocine.imaging.FrameRenderer;
import org.sonocine.imaging.GreyscaleRenderer;
import org.sonocine.imaging.ScaledRenderer;
import org.sonocine.imaging.VoiWindow;
import org.sonocine.study.CineTiming;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.function.LongSupplier;

/**
 * The state of cine playback for the open instance, for the view to bind to: which frame is shown, the frame
 * itself (or the reason it cannot be shown), play state, speed, loop or sweep, and the overlay texts. Driven by
 * {@link #tick()} on every animation pulse; time comes from an injectable clock.
 */
public final class CineViewModel {
    private static final long CACHE_CEILING = 512L << 20;

    private final LongSupplier clock;
    private final Executor decoder;
    private final FrameRateMeter meter = new FrameRateMeter();
    private CinePlayer player;
    private FrameCache cache;
    private LoadedInstance instance;
    private int shownFrame = -1;
    /** The renderer before scaling to the display size (greyscale, colour or palette). */
    private FrameRenderer baseRenderer;
    private int displayWidth;
    private int displayHeight;

    private final IntegerProperty frameIndex = new SimpleIntegerProperty(0);
    private final IntegerProperty frameCount = new SimpleIntegerProperty(0);
    private final ObjectProperty<DisplayFrame> displayed = new SimpleObjectProperty<>();
    private final StringProperty frameError = new SimpleStringProperty("");
    private final BooleanProperty playing = new SimpleBooleanProperty(false);
    private final DoubleProperty speed = new SimpleDoubleProperty(1);
    private final ObjectProperty<CineTiming.Sequencing> sequencing =
            new SimpleObjectProperty<>(CineTiming.Sequencing.LOOP);
    private final ReadOnlyStringWrapper frameText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper rateText = new ReadOnlyStringWrapper("");

    public CineViewModel(LongSupplier clock, Executor decoder) {
        this.clock = clock;
        this.decoder = decoder;
    }

    /** Shows {@code loaded} from its first played frame (null to show nothing). */
    public void load(LoadedInstance loaded) {
        if (cache != null) {
            cache.close();
        }
        instance = loaded;
        meter.reset();
        shownFrame = -1;
        if (loaded == null || !loaded.hasImage()) {
            player = null;
            cache = null;
            frameCount.set(0);
            frameIndex.set(0);
            displayed.set(null);
            frameError.set(loaded == null ? "" : loaded.imageProblem());
            playing.set(false);
            updateTexts();
            return;
        }
        player = new CinePlayer(loaded.timing(), clock);
        player.setSpeed(speed.get());
        sequencing.set(loaded.timing().sequencing());
        long budget = Math.min(CACHE_CEILING, Runtime.getRuntime().maxMemory() / 4);
        baseRenderer = loaded.renderer();
        cache = new FrameCache(loaded.frames(), effectiveRenderer(), budget, decoder);
        frameCount.set(loaded.frameCount());
        playing.set(false);
        if (loaded.firstFrame() != null) {
            // The load task rendered frame 1 at the image's own size: resize it rather than decode it again.
            show(player.frame(), cache.renderer() instanceof ScaledRenderer scaled
                    ? scaled.resize(loaded.firstFrame()) : loaded.firstFrame());
        } else {
            frameIndex.set(player.frame());
            displayed.set(null);
            frameError.set(loaded.frameProblem());
            shownFrame = player.frame();
        }
        updateTexts();
        if (loaded.frameCount() > 1 && loaded.frameProblem() == null) {
            play();
        }
    }

    public LoadedInstance instance() {
        return instance;
    }

    /** Advances the clock and shows the frame whose time has come, if decoded; asks for the next ones. */
    public void tick() {
        if (player == null) {
            return;
        }
        int frame = player.tick();
        if (frame != shownFrame) {
            showOrRequest(frame);
        }
        if (player.isPlaying()) {
            cache.prefetch(upcoming(frame));
        }
        updateTexts();
    }

    private void showOrRequest(int frame) {
        var ready = cache.getIfReady(frame);
        if (ready.isPresent()) {
            show(frame, ready.get());
            return;
        }
        var failure = cache.failure(frame);
        if (failure.isPresent()) {
            showError(frame, failure.get());
            return;
        }
        if (!player.isPlaying()) {
            // Paused or scrubbing: show this exact frame as soon as it is decoded.
            FrameCache requested = cache;
            cache.request(frame).whenComplete((f, e) -> Platform.runLater(() -> {
                if (requested == cache && player.frame() == frame) {
                    if (f != null) {
                        show(frame, f);
                    } else if (e != null && !(e instanceof java.util.concurrent.CancellationException)) {
                        showError(frame, rootMessage(e));
                    }
                    updateTexts();
                }
            }));
        } else {
            cache.request(frame);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && (t instanceof java.util.concurrent.CompletionException)) {
            t = t.getCause();
        }
        return t.getMessage();
    }

    private void show(int frame, DisplayFrame image) {
        shownFrame = frame;
        frameIndex.set(frame);
        frameError.set("");
        displayed.set(image);
        meter.frameShown(clock.getAsLong());
    }

    private void showError(int frame, String reason) {
        shownFrame = frame;
        frameIndex.set(frame);
        displayed.set(null);
        frameError.set(reason);
    }

    private List<Integer> upcoming(int frame) {
        List<Integer> next = new ArrayList<>();
        int first = player.firstPlayed();
        int count = player.lastPlayed() - first + 1;
        int ahead = Math.min(count - 1, Math.max(4, (int) Math.ceil(player.targetFramesPerSecond() / 2)));
        for (int k = 1; k <= ahead; k++) {
            next.add(first + Math.floorMod(frame - first + k, count));
        }
        return next;
    }

    public void play() {
        if (player != null && frameCount.get() > 1) {
            player.play();
            playing.set(true);
        }
    }

    public void pause() {
        if (player != null) {
            player.pause();
            playing.set(false);
            tick();
        }
    }

    public void togglePlay() {
        if (playing.get()) {
            pause();
        } else {
            play();
        }
    }

    public void step(int delta) {
        if (player != null) {
            player.step(delta);
            playing.set(false);
            tick();
        }
    }

    public void firstFrame() {
        if (player != null) {
            player.firstFrame();
            playing.set(false);
            tick();
        }
    }

    public void lastFrame() {
        if (player != null) {
            player.lastFrame();
            playing.set(false);
            tick();
        }
    }

    /** Shows frame {@code index} (0-based), as when the scrub bar is dragged; playback stops. */
    public void seek(int index) {
        if (player != null) {
            player.pause();
            playing.set(false);
            player.seek(index);
            tick();
        }
    }

    public void setSpeed(double value) {
        double clamped = Math.max(CinePlayer.MIN_SPEED, Math.min(CinePlayer.MAX_SPEED, value));
        speed.set(clamped);
        if (player != null) {
            player.setSpeed(clamped);
        }
        updateTexts();
    }

    /** Halves or doubles the speed, within 0.25-4. */
    public void faster(boolean up) {
        setSpeed(up ? speed.get() * 2 : speed.get() / 2);
    }

    public void setSequencing(CineTiming.Sequencing value) {
        sequencing.set(value);
        if (player != null) {
            player.setSequencing(value);
        }
        updateTexts();
    }

    /** Changes the grey-level window (grey images only); frames are re-rendered. */
    public void setWindow(VoiWindow window) {
        if (cache != null && baseRenderer instanceof GreyscaleRenderer grey) {
            baseRenderer = grey.withWindow(window);
            rerender();
        }
    }

    /**
     * The size frames are shown at, in screen pixels; frames are then rendered at that size on the decoding
     * threads, so that drawing them is a plain copy. Zero for the image's own size (when zoomed in).
     */
    public void setDisplaySize(int width, int height) {
        if (width == displayWidth && height == displayHeight) {
            return;
        }
        displayWidth = width;
        displayHeight = height;
        if (cache != null) {
            rerender();
        }
    }

    private FrameRenderer effectiveRenderer() {
        return displayWidth > 0 && displayHeight > 0 ? new ScaledRenderer(baseRenderer, displayWidth, displayHeight)
                : baseRenderer;
    }

    private void rerender() {
        cache.setRenderer(effectiveRenderer());
        shownFrame = -1;
        showOrRequest(player.frame());
    }

    /** The window currently applied to grey images, if any. */
    public VoiWindow window() {
        if (cache != null && baseRenderer instanceof GreyscaleRenderer grey) {
            return grey.windowFor(Math.max(0, frameIndex.get()));
        }
        return null;
    }

    private void updateTexts() {
        if (player == null) {
            frameText.set(frameCount.get() == 0 ? "" : "Frame 1/1");
            rateText.set("");
            return;
        }
        int f = frameIndex.get();
        frameText.set(String.format(Locale.ROOT, "Frame %d/%d  ·  %.0f ms", f + 1, frameCount.get(),
                player.timeOfFrameMs(f)));
        if (frameCount.get() < 2) {
            rateText.set("");
            return;
        }
        CineTiming t = player.timing();
        String measured = playing.get() ? String.format(Locale.ROOT, "  ·  measured %.1f fps",
                meter.framesPerSecond(clock.getAsLong())) : "";
        rateText.set(String.format(Locale.ROOT, "%.1f fps (%s%s)%s", player.targetFramesPerSecond(), t.source(),
                speed.get() == 1 ? "" : String.format(Locale.ROOT, " × %s", speedText(speed.get())), measured));
    }

    static String speedText(double s) {
        return s == Math.rint(s) ? Integer.toString((int) s) : Double.toString(s);
    }

    public IntegerProperty frameIndexProperty() {
        return frameIndex;
    }

    public IntegerProperty frameCountProperty() {
        return frameCount;
    }

    public ObjectProperty<DisplayFrame> displayedProperty() {
        return displayed;
    }

    public StringProperty frameErrorProperty() {
        return frameError;
    }

    public BooleanProperty playingProperty() {
        return playing;
    }

    public DoubleProperty speedProperty() {
        return speed;
    }

    public ObjectProperty<CineTiming.Sequencing> sequencingProperty() {
        return sequencing;
    }

    public ReadOnlyStringProperty frameTextProperty() {
        return frameText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty rateTextProperty() {
        return rateText.getReadOnlyProperty();
    }

    public void close() {
        if (cache != null) {
            cache.close();
        }
    }
}
