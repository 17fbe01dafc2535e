package org.sonocine.ui;

import javafx.geometry.Dimension2D;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Control;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The window a start shows before the viewer is made in it: at once, of its size, in the viewer's colour. */
@ExtendWith(ApplicationExtension.class)
class FirstWindowUiTest {
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @Test
    void theFirstWindowIsShownEmptyAtItsSizeWithNothingToStyle(FxRobot robot) {
        Scene[] shown = new Scene[1];
        robot.interact(() -> shown[0] = ViewerApp.showFirst(stage, new Dimension2D(1100, 700)));
        Scene scene = shown[0];

        assertTrue(stage.isShowing());
        assertEquals("Sonocine", stage.getTitle());
        assertEquals(1100, stage.getWidth(), 1);
        assertEquals(700, stage.getHeight(), 1);
        assertThat(scene.getStylesheets()).as("no style sheet to read before the first paint").isEmpty();
        Parent root = scene.getRoot();
        assertThat(root).isNotInstanceOf(Control.class);
        assertThat(root.getChildrenUnmodifiable()).isEmpty();
        robot.interact(stage::hide);
    }

    @Test
    void itsColourIsTheBackgroundOfTheViewerItWillHold() throws IOException {
        String css;
        try (InputStream in = ViewerApp.class.getResourceAsStream("sonocine.css")) {
            css = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Matcher background = Pattern.compile("\\.root\\s*\\{[^}]*?-fx-background:\\s*(#[0-9a-fA-F]{6})").matcher(css);
        assertTrue(background.find(), "the style sheet gives the window's background");
        assertEquals(Color.web(background.group(1)), ViewerApp.WINDOW_COLOUR);
    }
}
