package org.sonocine.ui;

import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.ToggleButton;
import org.sonocine.ui.controls.Tooltips;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.sonocine.study.CineTiming;

import java.util.Locale;

/**
 * Cine controls under the image: the scrub bar across the whole width, so that each frame of a long loop gets
 * room; below it first, step back, play/pause, step forward, last; frame number and time; speed; loop or sweep.
 * The speed box and the loop/sweep button have fixed widths, so nothing moves when their text changes.
 */
final class CineBar extends VBox {
    private final Slider scrub = new Slider(1, 1, 1);
    private boolean updating;

    CineBar(CineViewModel cine) {
        setId("cineBar");
        getStyleClass().add("cine-bar");
        setSpacing(2);
        setPadding(new Insets(4, 10, 6, 10));

        Button first = button(Icons.FIRST, CineKey.FIRST_FRAME, "firstButton", cine);
        Button back = button(Icons.STEP_BACK, CineKey.PREVIOUS_FRAME, "stepBackButton", cine);
        Button play = button(Icons.PLAY, CineKey.PLAY_PAUSE, "playButton", cine);
        play.graphicProperty().bind(cine.playingProperty().map(p -> Icons.of(p ? Icons.PAUSE : Icons.PLAY)));
        Button forward = button(Icons.STEP_FORWARD, CineKey.NEXT_FRAME, "stepForwardButton", cine);
        Button last = button(Icons.LAST, CineKey.LAST_FRAME, "lastButton", cine);

        scrub.setId("scrubBar");
        scrub.setBlockIncrement(1);
        scrub.setMajorTickUnit(1);
        scrub.setMinorTickCount(0);
        scrub.setSnapToTicks(true);
        scrub.setFocusTraversable(false);
        scrub.setMaxWidth(Double.MAX_VALUE);
        scrub.valueProperty().addListener((o, a, b) -> {
            if (!updating && (scrub.isValueChanging() || scrub.isPressed() || scrub.isFocused())) {
                int frame = (int) Math.round(b.doubleValue()) - 1;
                if (frame != cine.frameIndexProperty().get()) {
                    cine.seek(frame);
                }
            }
        });
        scrub.valueChangingProperty().addListener((o, a, changing) -> {
            if (!changing) {
                cine.seek((int) Math.round(scrub.getValue()) - 1);
            }
        });
        cine.frameCountProperty().addListener((o, a, b) -> syncScrub(cine));
        cine.frameIndexProperty().addListener((o, a, b) -> syncScrub(cine));
        scrub.disableProperty().bind(cine.frameCountProperty().lessThan(2));

        Label frame = new Label();
        frame.setId("frameLabel");
        frame.getStyleClass().add("frame-label");
        // The label gives way first in a narrow window: the overlay on the image shows the same.
        frame.setMinWidth(40);
        frame.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(frame, Priority.ALWAYS);
        frame.textProperty().bind(cine.frameTextProperty());

        ComboBox<Double> speed = new ComboBox<>(FXCollections.observableArrayList(0.25, 0.5, 1.0, 2.0, 4.0));
        speed.setId("speed");
        speed.setFocusTraversable(false);
        speed.getStyleClass().add("speed-box");
        Tooltips.onHover(speed, "Playback speed (" + CineKey.SLOWER.keys() + " " + CineKey.SLOWER.action()
                .toLowerCase(Locale.ROOT) + ", " + CineKey.FASTER.keys() + " "
                + CineKey.FASTER.action().toLowerCase(Locale.ROOT) + ")");
        speed.setConverter(new StringConverter<>() {
            @Override
            public String toString(Double v) {
                return v == null ? "" : "×" + CineViewModel.speedText(v);
            }

            @Override
            public Double fromString(String s) {
                return Double.valueOf(s.replace("×", ""));
            }
        });
        speed.setValue(1.0);
        speed.valueProperty().addListener((o, a, b) -> {
            if (b != null && b != cine.speedProperty().get()) {
                cine.setSpeed(b);
            }
        });
        cine.speedProperty().addListener((o, a, b) -> speed.setValue(b.doubleValue()));

        ToggleButton sweep = new ToggleButton("Loop");
        sweep.setId("sequencing");
        sweep.setFocusTraversable(false);
        sweep.getStyleClass().add("sequencing-button");
        Tooltips.onHover(sweep, "Loop (restart at the first frame) or sweep (play back and forth)");
        sweep.selectedProperty().addListener((o, a, b) -> cine.setSequencing(b ? CineTiming.Sequencing.SWEEP
                : CineTiming.Sequencing.LOOP));
        cine.sequencingProperty().addListener((o, a, b) -> sweep.setSelected(b == CineTiming.Sequencing.SWEEP));
        sweep.textProperty().bind(sweep.selectedProperty().map(s -> s ? "Sweep" : "Loop"));

        HBox controls = new HBox(4, first, back, play, forward, last, frame, speed, sweep);
        controls.setId("cineControls");
        controls.setAlignment(Pos.CENTER_LEFT);
        HBox.setMargin(frame, new Insets(0, 0, 0, 6));
        getChildren().addAll(scrub, controls);
        disableProperty().bind(cine.frameCountProperty().isEqualTo(0));
    }

    private void syncScrub(CineViewModel cine) {
        updating = true;
        try {
            scrub.setMax(Math.max(1, cine.frameCountProperty().get()));
            scrub.setValue(cine.frameIndexProperty().get() + 1);
        } finally {
            updating = false;
        }
    }

    Slider scrub() {
        return scrub;
    }

    private static Button button(String icon, CineKey key, String id, CineViewModel cine) {
        Button b = new Button(null, Icons.of(icon));
        b.setId(id);
        Tooltips.onHover(b, key.tooltip());
        b.setFocusTraversable(false);
        b.setOnAction(e -> key.run(cine));
        b.getStyleClass().add("cine-button");
        return b;
    }
}
