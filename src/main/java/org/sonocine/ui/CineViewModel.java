package org.sonocine.ui;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.sonocine.cine.CinePlayer;
import org.sonocine.cine.Playback;
import org.sonocine.export.OverlayText;
import org.sonocine.imaging.DisplayFrame;
import org.sonocine.imaging.GreyscaleRenderer;
import org.sonocine.imaging.VoiWindow;
import org.sonocine.study.CineTiming;

import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.function.LongSupplier;

/**
 * The state of cine playback for the open instance, for the view to bind to: which frame is shown, the frame
 * itself (or the reason it cannot be shown), play state, speed, loop or sweep, and the overlay texts. The
 * decisions are {@link Playback}'s; this adapts them to properties. Driven by {@link #tick()} on display pulses,
 * which are wanted only while {@link #animatingProperty()} is true: paused on a shown frame, nothing runs.
 */
public final class CineViewModel {
    private final LongSupplier clock;
    private final Executor decoder;
    private final int decoderThreads;
    private final long budgetBytes;
    private Playback playback;
    private LoadedInstance instance;
    private int displayWidth;
    private int displayHeight;
    private final Playback.Screen screen = new Playback.Screen() {
        @Override
        public void show(int frame, DisplayFrame image) {
            frameIndex.set(frame);
            frameError.set("");
            displayed.set(image);
        }

        @Override
        public void showError(int frame, String reason) {
            frameIndex.set(frame);
            displayed.set(null);
            frameError.set(reason);
        }
    };

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
    private final ReadOnlyBooleanWrapper animating = new ReadOnlyBooleanWrapper(false);
    /** Set while a cine {@link #loadHeld} waits to play. */
    private boolean playHeld;

    /**
     * @param decoderThreads how many threads {@code decoder} has
     * @param budgetBytes    how many bytes of decoded frames a cine may keep
     */
    public CineViewModel(LongSupplier clock, Executor decoder, int decoderThreads, long budgetBytes) {
        this.clock = clock;
        this.decoder = decoder;
        this.decoderThreads = decoderThreads;
        this.budgetBytes = budgetBytes;
    }

    /** Shows {@code loaded} from its first played frame (null to show nothing), and plays a cine. */
    public void load(LoadedInstance loaded) {
        load(loaded, true);
    }

    /**
     * As {@link #load}, but a cine waits to play until {@link #releaseHeldPlay}, unless the user plays, pauses or
     * moves it first. At start, decoding the frames that follow the first would compete on a modest machine with
     * the renderer drawing the first.
     */
    public void loadHeld(LoadedInstance loaded) {
        load(loaded, false);
    }

    /** Plays the cine {@link #loadHeld} held back, if the user has not taken over since. */
    public void releaseHeldPlay() {
        if (playHeld) {
            play();
        }
    }

    private void load(LoadedInstance loaded, boolean playNow) {
        playHeld = false;
        if (playback != null) {
            playback.close();
        }
        instance = loaded;
        if (loaded == null || !loaded.hasImage()) {
            playback = null;
            frameCount.set(0);
            frameIndex.set(0);
            displayed.set(null);
            frameError.set(loaded == null ? "" : loaded.imageProblem());
            playing.set(false);
            updateTexts();
            updateAnimating();
            return;
        }
        playback = new Playback(loaded.frames(), loaded.timing(), loaded.renderer(), decoder, decoderThreads, clock,
                budgetBytes);
        playback.setSpeed(speed.get());
        sequencing.set(loaded.timing().sequencing());
        if (displayWidth > 0 || displayHeight > 0) {
            playback.setDisplaySize(displayWidth, displayHeight);
        }
        frameCount.set(loaded.frameCount());
        playing.set(false);
        if (loaded.firstFrame() != null) {
            // The load task rendered frame 1 at the image's own size: resize it rather than decode it again.
            playback.showPrepared(loaded.firstFrame(), screen);
        } else {
            screen.showError(playback.player().frame(), loaded.frameProblem());
        }
        updateTexts();
        if (loaded.frameCount() > 1 && loaded.frameProblem() == null) {
            if (playNow) {
                play();
            } else {
                playHeld = true;
            }
        }
        updateAnimating();
    }

    public LoadedInstance instance() {
        return instance;
    }

    /** Advances the clock and shows the frame whose time has come, if decoded; asks for the next ones. */
    public void tick() {
        if (playback == null) {
            return;
        }
        playback.tick(screen);
        updateTexts();
        updateAnimating();
    }

    private void updateAnimating() {
        animating.set(playback != null && playback.needsTicks());
    }

    public void play() {
        playHeld = false;
        if (playback != null && frameCount.get() > 1) {
            playback.play();
            playing.set(playback.isPlaying());
            updateAnimating();
        }
    }

    public void pause() {
        playHeld = false;
        if (playback != null) {
            playback.pause();
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
        playHeld = false;
        if (playback != null) {
            playback.step(delta);
            playing.set(false);
            tick();
        }
    }

    public void firstFrame() {
        playHeld = false;
        if (playback != null) {
            playback.firstFrame();
            playing.set(false);
            tick();
        }
    }

    public void lastFrame() {
        playHeld = false;
        if (playback != null) {
            playback.lastFrame();
            playing.set(false);
            tick();
        }
    }

    /** Shows frame {@code index} (0-based), as when the scrub bar is dragged; playback stops. */
    public void seek(int index) {
        playHeld = false;
        if (playback != null) {
            playback.seek(index);
            playing.set(false);
            tick();
        }
    }

    public void setSpeed(double value) {
        double clamped = Math.max(CinePlayer.MIN_SPEED, Math.min(CinePlayer.MAX_SPEED, value));
        speed.set(clamped);
        if (playback != null) {
            playback.setSpeed(clamped);
        }
        updateTexts();
    }

    /** Halves or doubles the speed, within 0.25-4. */
    public void faster(boolean up) {
        setSpeed(up ? speed.get() * 2 : speed.get() / 2);
    }

    public void setSequencing(CineTiming.Sequencing value) {
        sequencing.set(value);
        if (playback != null) {
            playback.setSequencing(value);
        }
        updateTexts();
    }

    /** Changes the grey-level window (grey images only); frames are re-rendered. */
    public void setWindow(VoiWindow window) {
        if (playback != null && playback.baseRenderer() instanceof GreyscaleRenderer grey) {
            playback.setBaseRenderer(grey.withWindow(window));
            tick();
        }
    }

    /**
     * The size frames are shown at, in screen pixels; frames are then rendered at that size on the decoding
     * threads, so that drawing them is a plain copy. Zero for the image's own size (when zoomed in). A new size
     * is applied once it has settled.
     */
    public void setDisplaySize(int width, int height) {
        displayWidth = width;
        displayHeight = height;
        if (playback != null) {
            playback.setDisplaySize(width, height);
            updateAnimating();
        }
    }

    /** The window currently applied to grey images, if any. */
    public VoiWindow window() {
        if (playback != null && playback.baseRenderer() instanceof GreyscaleRenderer grey) {
            return grey.windowFor(Math.max(0, frameIndex.get()));
        }
        return null;
    }

    private void updateTexts() {
        if (playback == null) {
            frameText.set(frameCount.get() == 0 ? "" : "Frame 1/1");
            rateText.set("");
            return;
        }
        CinePlayer player = playback.player();
        int f = frameIndex.get();
        frameText.set(OverlayText.frameLine(f, frameCount.get(), player.timeOfFrameMs(f)));
        if (frameCount.get() < 2) {
            rateText.set("");
            return;
        }
        CineTiming t = player.timing();
        String measured = playing.get() ? String.format(Locale.ROOT, "  ·  measured %.1f fps, %d dropped",
                playback.measuredFramesPerSecond(), playback.framesDropped()) : "";
        rateText.set(String.format(Locale.ROOT, "%.1f fps (%s%s)%s", player.targetFramesPerSecond(), t.source(),
                speed.get() == 1 ? "" : String.format(Locale.ROOT, " × %s", speedText(speed.get())), measured));
    }

    /** Whether display pulses are wanted: playing, a frame on its way, or a new display size settling. */
    public ReadOnlyBooleanProperty animatingProperty() {
        return animating.getReadOnlyProperty();
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

    /** Whether frame {@code index} is decoded at the current display size: lets tests move a fake clock safely. */
    boolean isDecoded(int index) {
        return playback != null && playback.cache().isReady(index);
    }

    public void close() {
        if (playback != null) {
            playback.close();
        }
    }
}
