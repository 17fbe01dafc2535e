package org.sonocine.ui;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Pane;
import javafx.scene.layout.StackPane;
import javafx.scene.shape.Rectangle;
import org.sonocine.imaging.DisplayFrame;
import org.sonocine.imaging.VoiWindow;
import org.sonocine.ui.ShortcutsDialog.Shortcut;
import org.sonocine.ui.measure.ImageMapping;
import org.sonocine.ui.measure.MeasurementLayer;

import java.nio.IntBuffer;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import java.util.function.Supplier;

/**
 * The image: fitted to the space, with each pixel drawn {@code displayAspect} times as tall as it is wide (Pixel
 * Aspect Ratio or Pixel Spacing); Ctrl+wheel zooms, dragging pans, right-dragging sets the grey-level window,
 * the wheel alone steps frames, a double click fits again. Frames go to the screen through a
 * {@link PixelBuffer}, without conversion.
 */
final class ImageViewport extends StackPane {
    private final ImageView view = new ImageView();
    private final Pane canvas = new Pane(view);
    /**
     * The frame and rate text, and a frame's error: made when first needed, so that a start's first frame is painted
     * with no control and no text to style and lay out (see {@link MainWindow#forStart}).
     */
    private Label overlay;
    private Label error;
    private PixelBuffer<IntBuffer> buffer;
    private WritableImage image;
    private double displayAspect = 1;
    private int imageColumns;
    private int imageRows;
    private java.util.function.BiConsumer<Integer, Integer> onDisplaySize = (w, h) -> { };
    private double zoom = 1;
    private double panX;
    private double panY;
    private double dragX;
    private double dragY;
    private VoiWindow dragWindow;
    private IntConsumer onWheelStep = d -> { };
    private Consumer<VoiWindow> onWindow = w -> { };
    private Supplier<VoiWindow> currentWindow = () -> null;
    private MeasurementLayer measurements;

    /** What the mouse does on the image, as the handlers below do it; Help › Keyboard Shortcuts lists these. */
    static final List<Shortcut> MOUSE_GESTURES = List.of(
            new Shortcut("Wheel", "Step frames"),
            new Shortcut("Ctrl+Wheel", "Zoom"),
            new Shortcut("Drag", "Pan"),
            new Shortcut("Right-drag", "Grey-level window (up/down level, left/right width)"),
            new Shortcut("Double-click", "Fit to window"),
            new Shortcut("Drag or click (with a measuring tool)", "Draw a measurement; drag a handle to move a point"),
            new Shortcut("Double-click or Enter (tracing)", "End the trace"),
            new Shortcut("Esc", "Drop the measurement being drawn; again, leave the tool"),
            new Shortcut("Delete", "Remove the selected measurement"));

    ImageViewport() {
        getStyleClass().add("image-viewport");
        setId("viewport");
        view.setId("imageView");
        view.setPreserveRatio(false);
        view.setSmooth(false);
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(widthProperty());
        clip.heightProperty().bind(heightProperty());
        setClip(clip);
        canvas.setManaged(true);
        getChildren().add(canvas);
        widthProperty().addListener((o, a, b) -> layoutImage());
        heightProperty().addListener((o, a, b) -> layoutImage());
        addEventHandler(ScrollEvent.SCROLL, this::onScroll);
        addEventHandler(MouseEvent.MOUSE_PRESSED, this::onPress);
        addEventHandler(MouseEvent.MOUSE_DRAGGED, this::onDrag);
        addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getClickCount() == 2 && e.getButton() == MouseButton.PRIMARY) {
                fit();
            }
        });
    }

    /** Draws {@code layer} over the image, mapped as the image is, and lets it take the pointer first. */
    void addMeasurementLayer(MeasurementLayer layer) {
        measurements = layer;
        layer.prefWidthProperty().bind(widthProperty());
        layer.prefHeightProperty().bind(heightProperty());
        getChildren().add(getChildren().indexOf(canvas) + 1, layer);
        StackPane.setAlignment(layer, Pos.TOP_LEFT);
        layer.listenTo(this);
        layoutImage();
    }

    /** Hears the size, in screen pixels, frames are drawn at; (0, 0) when zoomed (frames at their own size). */
    void onDisplaySize(java.util.function.BiConsumer<Integer, Integer> handler) {
        onDisplaySize = handler;
    }

    void onWheelStep(IntConsumer handler) {
        onWheelStep = handler;
    }

    void onWindowChange(Supplier<VoiWindow> current, Consumer<VoiWindow> handler) {
        currentWindow = current;
        onWindow = handler;
    }

    /** The text over the image's top left corner, made on the first call. */
    Label overlay() {
        if (overlay == null) {
            overlay = new Label();
            overlay.setId("overlay");
            overlay.getStyleClass().add("overlay");
            StackPane.setAlignment(overlay, Pos.TOP_LEFT);
            overlay.setMouseTransparent(true);
            getChildren().add(overlay);
        }
        return overlay;
    }

    ImageView imageView() {
        return view;
    }

    /** Shows {@code frame}, or nothing when null. */
    void show(DisplayFrame frame) {
        if (frame == null) {
            view.setImage(null);
            return;
        }
        if (buffer == null || buffer.getWidth() != frame.width() || buffer.getHeight() != frame.height()) {
            IntBuffer pixels = IntBuffer.allocate(frame.width() * frame.height());
            buffer = new PixelBuffer<>(frame.width(), frame.height(), pixels, PixelFormat.getIntArgbPreInstance());
            image = new WritableImage(buffer);
            view.setImage(image);
        }
        IntBuffer pixels = buffer.getBuffer();
        pixels.clear();
        pixels.put(frame.argb(), 0, Math.min(frame.argb().length, pixels.capacity()));
        pixels.flip();
        buffer.updateBuffer(b -> null);
        if (view.getImage() != image) {
            view.setImage(image);
        }
        StartupReport.frameShownIn(view);
    }

    void showError(String message) {
        boolean has = message != null && !message.isEmpty();
        if (error == null) {
            if (!has) {
                return;
            }
            error = new Label();
            error.setId("frameError");
            error.getStyleClass().add("frame-error");
            error.setWrapText(true);
            error.setMouseTransparent(true);
            // above the image and its measurements, below the overlay
            getChildren().add(overlay == null ? getChildren().size() : getChildren().indexOf(overlay), error);
        }
        error.setText(has ? message : "");
        error.setVisible(has);
        if (has) {
            view.setImage(null);
        }
    }

    /** The image's own size, and the height / width of one displayed pixel. */
    void setImage(int columns, int rows, double aspect) {
        imageColumns = columns;
        imageRows = rows;
        displayAspect = aspect > 0 && Double.isFinite(aspect) ? aspect : 1;
        fit();
    }

    void fit() {
        zoom = 1;
        panX = 0;
        panY = 0;
        layoutImage();
    }

    /** One image pixel per screen pixel across. */
    void actualSize() {
        double fitScale = fitScale();
        zoom = fitScale > 0 ? 1 / fitScale : 1;
        panX = 0;
        panY = 0;
        layoutImage();
    }

    void zoomBy(double factor) {
        zoom = Math.max(0.1, Math.min(32, zoom * factor));
        layoutImage();
    }

    private double fitScale() {
        if (imageColumns <= 0 || imageRows <= 0 || getWidth() <= 0 || getHeight() <= 0) {
            return 1;
        }
        return Math.min(getWidth() / imageColumns, getHeight() / (imageRows * displayAspect));
    }

    private void layoutImage() {
        if (imageColumns <= 0) {
            if (measurements != null) {
                measurements.setMapping(null);
            }
            return;
        }
        double scale = fitScale() * zoom;
        double w = imageColumns * scale;
        double h = imageRows * displayAspect * scale;
        if (zoom == 1) {
            // Whole pixels, so that a frame rendered at this size is drawn 1:1: without a GPU, drawing a frame
            // stretched by a fraction of a pixel costs several times a plain copy.
            w = Math.max(1, Math.floor(w));
            h = Math.max(1, Math.floor(h));
        }
        view.setFitWidth(w);
        view.setFitHeight(h);
        view.setLayoutX(Math.round((getWidth() - w) / 2 + panX));
        view.setLayoutY(Math.round((getHeight() - h) / 2 + panY));
        if (measurements != null) {
            measurements.setMapping(new ImageMapping(view.getLayoutX(), view.getLayoutY(), w / imageColumns,
                    h / imageRows));
        }
        double pixels = getScene() != null && getScene().getWindow() != null ? getScene().getWindow().getOutputScaleX()
                : 1;
        if (zoom == 1 && w >= 1 && h >= 1) {
            onDisplaySize.accept((int) Math.round(w * pixels), (int) Math.round(h * pixels));
        } else {
            onDisplaySize.accept(0, 0);
        }
    }

    private void onScroll(ScrollEvent e) {
        if (e.getDeltaY() == 0) {
            return;
        }
        if (e.isControlDown() || e.isShortcutDown()) {
            zoomBy(e.getDeltaY() > 0 ? 1.15 : 1 / 1.15);
        } else {
            onWheelStep.accept(e.getDeltaY() > 0 ? -1 : 1);
        }
        e.consume();
    }

    private void onPress(MouseEvent e) {
        dragX = e.getX();
        dragY = e.getY();
        dragWindow = e.getButton() == MouseButton.SECONDARY ? currentWindow.get() : null;
    }

    private void onDrag(MouseEvent e) {
        double dx = e.getX() - dragX;
        double dy = e.getY() - dragY;
        if (e.getButton() == MouseButton.SECONDARY) {
            if (dragWindow != null) {
                double width = Math.max(1, dragWindow.width() * Math.pow(1.005, dx));
                double center = dragWindow.center() + dy * dragWindow.width() / Math.max(1, getHeight());
                onWindow.accept(new VoiWindow(center, width, dragWindow.function()));
            }
            return;
        }
        panX += dx;
        panY += dy;
        dragX = e.getX();
        dragY = e.getY();
        layoutImage();
    }
}
