package org.sonocine.ui.measure;

import javafx.collections.ListChangeListener;
import javafx.scene.Cursor;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.shape.Ellipse;
import javafx.scene.shape.Line;
import javafx.scene.shape.Polygon;
import javafx.scene.shape.Polyline;
import javafx.scene.shape.Rectangle;
import javafx.scene.shape.Shape;

import java.util.List;

/**
 * Draws the measurements of the shown frame over the image, in image coordinates mapped to the screen, each with
 * its value next to it, and turns pointer events on the image into the view model's press, drag and release.
 * It takes the pointer only while a tool is chosen or a handle is grabbed; otherwise the image pans and zooms as
 * before. It draws and listens; what a measurement is worth is the view model's reader's to say.
 */
public final class MeasurementLayer extends Pane {
    /** How near, in screen pixels, a press must come to a handle to grab it. */
    static final double HANDLE_REACH = 6;
    private static final double HANDLE_SIZE = 6;
    private static final Color LINE = Color.web("#ffd54a");
    private static final Color SELECTED = Color.web("#4fc3f7");
    private static final Color REFUSED = Color.web("#ff8a80");

    private final MeasurementsViewModel vm;
    private ImageMapping mapping = ImageMapping.NONE;
    private boolean mapped;
    private boolean capturing;
    /** What the pointer is over, while a tool is chosen; made when first needed (no label before the first frame). */
    private Label hover;

    public MeasurementLayer(MeasurementsViewModel vm) {
        this.vm = vm;
        setId("measurementLayer");
        getStyleClass().add("measurement-layer");
        setMouseTransparent(true);
        setPickOnBounds(false);
        vm.measurements().addListener((ListChangeListener<Measurement>) c -> redraw());
        vm.drawingProperty().addListener((o, a, b) -> redraw());
        vm.selectedProperty().addListener((o, a, b) -> redraw());
        vm.frameProperty().addListener((o, a, b) -> redraw());
        vm.readerProperty().addListener((o, a, b) -> redraw());
        vm.toolProperty().addListener((o, a, b) -> {
            if (b == null) {
                clearHover();
            }
            redraw();
        });
    }

    /** Where the image is now; null while there is none. */
    public void setMapping(ImageMapping value) {
        mapped = value != null;
        mapping = value != null ? value : ImageMapping.NONE;
        redraw();
    }

    /** Listens to the pointer on {@code source}, the node the image is drawn in, ahead of its own handlers. */
    public void listenTo(Node source) {
        vm.toolProperty().addListener((o, a, tool) -> source.setCursor(tool == null ? Cursor.DEFAULT : Cursor.CROSSHAIR));
        source.addEventFilter(MouseEvent.MOUSE_PRESSED, this::onPressed);
        source.addEventFilter(MouseEvent.MOUSE_DRAGGED, this::onDragged);
        source.addEventFilter(MouseEvent.MOUSE_RELEASED, this::onReleased);
        source.addEventFilter(MouseEvent.MOUSE_MOVED, this::onMoved);
        source.addEventFilter(MouseEvent.MOUSE_CLICKED, this::onClicked);
        source.addEventFilter(MouseEvent.MOUSE_EXITED, e -> clearHover());
    }

    private double tolerance() {
        return HANDLE_REACH * mapping.imagePixelsPerScreenPixel();
    }

    private ImagePoint point(MouseEvent e) {
        var local = sceneToLocal(e.getSceneX(), e.getSceneY());
        return mapping.toImage(local.getX(), local.getY());
    }

    private void onPressed(MouseEvent e) {
        if (!mapped || e.getButton() != MouseButton.PRIMARY) {
            return;
        }
        ImagePoint p = point(e);
        if (vm.toolProperty().get() != null || vm.hitsHandle(p, tolerance())) {
            capturing = true;
            vm.press(p, tolerance());
            e.consume();
        }
    }

    private void onDragged(MouseEvent e) {
        if (capturing) {
            vm.drag(point(e));
            e.consume();
        }
    }

    private void onReleased(MouseEvent e) {
        if (capturing) {
            capturing = false;
            vm.release(point(e), tolerance());
            e.consume();
        }
    }

    private void onMoved(MouseEvent e) {
        if (!mapped || vm.toolProperty().get() == null) {
            return;
        }
        ImagePoint p = point(e);
        vm.move(p);
        Label label = hover();
        label.setText(vm.describePlace(p));
        var local = sceneToLocal(e.getSceneX(), e.getSceneY());
        place(label, local.getX() + 6, local.getY() + 10);
    }

    private void onClicked(MouseEvent e) {
        if (vm.toolProperty().get() != null && e.getButton() == MouseButton.PRIMARY) {
            if (e.getClickCount() == 2) {
                vm.doubleClick();
            }
            // A double-click would otherwise also fit the image to the window.
            e.consume();
        }
    }

    private void redraw() {
        getChildren().clear();
        if (!mapped) {
            return;
        }
        for (Measurement m : vm.shown()) {
            draw(m, m.equals(vm.selectedProperty().get()) ? "selected" : "done");
        }
        Measurement drawing = vm.drawingProperty().get();
        if (drawing != null) {
            draw(drawing, "drawing");
        }
        if (hover != null) {
            getChildren().add(hover);
        }
    }

    private Label hover() {
        if (hover == null) {
            hover = new Label();
            hover.getStyleClass().add("measurement-hover");
            hover.setTextFill(Color.WHITE);
            hover.setStyle("-fx-background-color: rgba(0,0,0,0.6); -fx-padding: 1 4 1 4;");
            hover.setMouseTransparent(true);
            hover.visibleProperty().bind(hover.textProperty().isNotEmpty());
            if (mapped) {
                getChildren().add(hover);
            }
        }
        return hover;
    }

    private void clearHover() {
        if (hover != null) {
            hover.setText("");
        }
    }

    private void draw(Measurement m, String state) {
        List<ImagePoint> points = m.points();
        Shape shape = shape(m.tool(), points);
        // Colours in code as well as in the style sheet: a shape's default fill would cover the image.
        Color colour = "selected".equals(state) ? SELECTED : LINE;
        shape.setFill(Color.TRANSPARENT);
        shape.setStroke(colour);
        shape.setStrokeWidth(1.5);
        if ("drawing".equals(state)) {
            shape.getStrokeDashArray().setAll(6.0, 4.0);
        }
        shape.getStyleClass().addAll("measurement", state);
        getChildren().add(shape);
        for (ImagePoint p : points) {
            Rectangle handle = new Rectangle(mapping.screenX(p) - HANDLE_SIZE / 2, mapping.screenY(p) - HANDLE_SIZE / 2,
                    HANDLE_SIZE, HANDLE_SIZE);
            handle.setFill(Color.TRANSPARENT);
            handle.setStroke(colour);
            handle.getStyleClass().addAll("measurement-handle", state);
            getChildren().add(handle);
        }
        if (!"drawing".equals(state) || points.size() >= m.tool().minimumPoints()) {
            MeasurementReader.Reading reading = vm.read(m);
            Label label = new Label(reading.text());
            label.setTextFill(reading.refused() ? REFUSED : colour);
            label.setStyle("-fx-background-color: rgba(0,0,0,0.6); -fx-padding: 1 4 1 4;");
            label.getStyleClass().addAll("measurement-label", state);
            if (reading.refused()) {
                label.getStyleClass().add("refused");
            }
            ImagePoint last = points.get(points.size() - 1);
            getChildren().add(label);
            place(label, mapping.screenX(last), mapping.screenY(last));
        }
    }

    /**
     * Puts {@code label} just right of and below (x, y), or on the other side where it would leave the layer, so
     * that a value next to the image's edge is still read in full.
     */
    private void place(Label label, double x, double y) {
        label.applyCss();
        double w = label.prefWidth(-1);
        double h = label.prefHeight(w);
        double left = x + 8 + w <= getWidth() ? x + 8 : Math.max(0, x - 8 - w);
        double top = y + 4 + h <= getHeight() ? y + 4 : Math.max(0, y - 4 - h);
        label.resizeRelocate(left, top, w, h);
    }

    private Shape shape(MeasureTool tool, List<ImagePoint> points) {
        switch (tool) {
            case ELLIPSE -> {
                ImagePoint a = points.get(0);
                ImagePoint b = points.get(points.size() - 1);
                double cx = (mapping.screenX(a) + mapping.screenX(b)) / 2;
                double cy = (mapping.screenY(a) + mapping.screenY(b)) / 2;
                return new Ellipse(cx, cy, Math.abs(mapping.screenX(b) - mapping.screenX(a)) / 2,
                        Math.abs(mapping.screenY(b) - mapping.screenY(a)) / 2);
            }
            case POLYGON -> {
                return new Polygon(screen(points));
            }
            case POINT, VELOCITY -> {
                ImagePoint p = points.get(0);
                double x = mapping.screenX(p);
                double y = mapping.screenY(p);
                return new Polyline(x - 8, y, x + 8, y, x, y, x, y - 8, x, y + 8);
            }
            default -> {
                if (points.size() == 2) {
                    return new Line(mapping.screenX(points.get(0)), mapping.screenY(points.get(0)),
                            mapping.screenX(points.get(1)), mapping.screenY(points.get(1)));
                }
                return new Polyline(screen(points));
            }
        }
    }

    private double[] screen(List<ImagePoint> points) {
        double[] xy = new double[points.size() * 2];
        for (int i = 0; i < points.size(); i++) {
            xy[2 * i] = mapping.screenX(points.get(i));
            xy[2 * i + 1] = mapping.screenY(points.get(i));
        }
        return xy;
    }
}
