package org.sonocine.ui.controls;

import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

@ExtendWith(ApplicationExtension.class)
class TooltipsUiTest {
    private Button hovered;
    private Button other;

    @Start
    void start(Stage stage) {
        hovered = new Button("Play");
        other = new Button("Stop");
        Tooltips.onHover(hovered, "Play or pause (Space)");
        Tooltips.onHover(other, "Stop");
        stage.setScene(new Scene(new HBox(40, hovered, other), 300, 100));
        stage.show();
    }

    @Test
    void theTooltipIsMadeWhenThePointerFirstComesOver(FxRobot robot) {
        assertNull(hovered.getTooltip());
        assertNull(other.getTooltip());
        assertEquals("Play or pause (Space)", hovered.getAccessibleHelp(), "screen readers have it at once");

        robot.moveTo(hovered);

        assertEquals("Play or pause (Space)", hovered.getTooltip().getText());
        robot.moveTo(other);
        assertEquals("Stop", other.getTooltip().getText());
    }
}
