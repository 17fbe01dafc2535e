package org.sonocine.ui;

import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The first frame's window is completed only once the renderer has drawn the frame: the call that waits for it
 * answers on the JavaFX thread, after the pulse that handed the frame over.
 */
@ExtendWith(ApplicationExtension.class)
class LayoutPulsesUiTest {
    private Scene scene;

    @Start
    void start(Stage stage) {
        scene = new Scene(new Region(), 300, 200);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void afterRenderedAnswersOnTheJavaFxThreadAfterThePulseThatHandedTheSceneOver(FxRobot robot) throws Exception {
        List<String> order = new CopyOnWriteArrayList<>();
        CountDownLatch drawn = new CountDownLatch(1);

        robot.interact(() -> LayoutPulses.afterNext(scene, () -> {
            order.add("laid out");
            LayoutPulses.afterRendered(() -> {
                order.add(Platform.isFxApplicationThread() ? "drawn, on the JavaFX thread" : "drawn, elsewhere");
                drawn.countDown();
            });
        }));

        assertThat(drawn.await(10, TimeUnit.SECONDS)).as("the renderer's answer").isTrue();
        assertThat(order).containsExactly("laid out", "drawn, on the JavaFX thread");
    }
}
