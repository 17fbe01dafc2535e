package org.sonocine.ui;

import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.util.StringConverter;
import org.sonocine.study.CineTiming;

/**
 * Cine controls under the image: first, step back, play/pause, step forward, last; the scrub bar; frame number
 * and time; speed; loop or sweep.
 */
final class CineBar extends HBox {
    private final Slider scrub = new Slider(1, 1, 1);
    private boolean updating;

    CineBar(CineViewModel cine) {
        setId("cineBar");
        getStyleClass().add("cine-bar");
        setSpacing(6);
        setPadding(new Insets(6, 10, 6, 10));
        setAlignment(Pos.CENTER_LEFT);

        Button first = button(Icons.FIRST, "First frame (Home)", "firstButton", cine::firstFrame);
        Button back = button(Icons.STEP_BACK, "Previous frame (←)", "stepBackButton", () -> cine.step(-1));
        Button play = button(Icons.PLAY, "Play / pause (Space)", "playButton", cine::togglePlay);
        play.graphicProperty().bind(cine.playingProperty().map(p -> Icons.of(p ? Icons.PAUSE : Icons.PLAY)));
        Button forward = button(Icons.STEP_FORWARD, "Next frame (→)", "stepForwardButton", () -> cine.step(1));
        Button last = button(Icons.LAST, "Last frame (End)", "lastButton", cine::lastFrame);

        scrub.setId("scrubBar");
        scrub.setBlockIncrement(1);
        scrub.setMajorTickUnit(1);
        scrub.setMinorTickCount(0);
        scrub.setSnapToTicks(true);
        scrub.setFocusTraversable(false);
        HBox.setHgrow(scrub, Priority.ALWAYS);
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
        frame.setMinWidth(170);
        frame.textProperty().bind(cine.frameTextProperty());

        ComboBox<Double> speed = new ComboBox<>(FXCollections.observableArrayList(0.25, 0.5, 1.0, 2.0, 4.0));
        speed.setId("speed");
        speed.setFocusTraversable(false);
        speed.setTooltip(new Tooltip("Playback speed ([ slower, ] faster)"));
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
        sweep.setTooltip(new Tooltip("Loop (restart at the first frame) or sweep (play back and forth)"));
        sweep.selectedProperty().addListener((o, a, b) -> cine.setSequencing(b ? CineTiming.Sequencing.SWEEP
                : CineTiming.Sequencing.LOOP));
        cine.sequencingProperty().addListener((o, a, b) -> sweep.setSelected(b == CineTiming.Sequencing.SWEEP));
        sweep.textProperty().bind(sweep.selectedProperty().map(s -> s ? "Sweep" : "Loop"));

        getChildren().addAll(first, back, play, forward, last, scrub, frame, speed, sweep);
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

    private static Button button(String icon, String tip, String id, Runnable action) {
        Button b = new Button(null, Icons.of(icon));
        b.setId(id);
        b.setTooltip(new Tooltip(tip));
        b.setFocusTraversable(false);
        b.setOnAction(e -> action.run());
        b.getStyleClass().add("cine-button");
        return b;
    }
}
