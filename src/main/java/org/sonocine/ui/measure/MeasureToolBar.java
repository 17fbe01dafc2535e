package org.sonocine.ui.measure;

import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.ToolBar;
import org.sonocine.ui.controls.Tooltips;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/** One toggle per tool; pressing the chosen one again, or Esc on the image, leaves measuring. */
public final class MeasureToolBar extends ToolBar {
    private static final Map<MeasureTool, String> SHORT = new EnumMap<>(Map.of(
            MeasureTool.DISTANCE, "Distance", MeasureTool.TRACE, "Trace", MeasureTool.ELLIPSE, "Ellipse",
            MeasureTool.POLYGON, "Polygon", MeasureTool.POINT, "Point", MeasureTool.TIME, "Time · HR",
            MeasureTool.VELOCITY, "Velocity", MeasureTool.SLOPE, "Slope", MeasureTool.VTI, "VTI"));

    public MeasureToolBar(MeasurementsViewModel vm) {
        setId("measureToolBar");
        ToggleGroup group = new ToggleGroup();
        for (MeasureTool tool : MeasureTool.values()) {
            ToggleButton button = new ToggleButton(SHORT.get(tool));
            button.setId("tool" + tool.name().charAt(0) + tool.name().substring(1).toLowerCase(Locale.ROOT));
            button.setUserData(tool);
            button.setToggleGroup(group);
            button.setMnemonicParsing(false);
            Tooltips.onHover(button, tool.title() + (tool.isTrace()
                    ? ": click each point, double-click or Enter to end" : ": drag, or click each point"));
            getItems().add(button);
        }
        group.selectedToggleProperty().addListener((o, a, b) -> vm.toolProperty().set(
                b == null ? null : (MeasureTool) b.getUserData()));
        vm.toolProperty().addListener((o, a, tool) -> {
            if (tool == null) {
                group.selectToggle(null);
            } else {
                group.getToggles().stream().filter(t -> t.getUserData() == tool).findFirst()
                        .ifPresent(group::selectToggle);
            }
        });
    }
}
