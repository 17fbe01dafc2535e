package org.sonocine.ui;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.Comparator;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Dragging the dividers between the side panels and the image. */
@ExtendWith(ApplicationExtension.class)
class SidePanelsUiTest {
    private static final double LEFT_MIN = 100;
    private static final double CENTRE_MIN = 300;
    private static final double RIGHT_MIN = 120;
    private final Region left = new Region();
    private final Region centre = new Region();
    private final Region right = new Region();
    private SidePanels panels;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        panels = new SidePanels(left, centre, right, new PanelShares(0.2, 0.26, LEFT_MIN, CENTRE_MIN, RIGHT_MIN));
        Scene scene = new Scene(panels, 1000, 600);
        scene.getStylesheets().add(ViewerApp.class.getResource("sonocine.css").toExternalForm());
        stage.setScene(scene);
        // the stage may be showing already, at the size an earlier test gave it
        stage.sizeToScene();
        stage.show();
    }

    @Test
    void theSidePanelsTakeTheirSharesAndTheImageTheRest() {
        double total = panelsWidth();
        assertEquals(0.2 * total, left.getWidth(), 1);
        assertEquals(0.26 * total, right.getWidth(), 1);
        assertEquals(total, left.getWidth() + centre.getWidth() + right.getWidth(), 0.01);
        assertEquals(600 - 2, centre.getHeight(), 0.01, "within the frame of one pixel");
    }

    @Test
    void draggingADividerWidensOnePanelAndNarrowsTheImageAndTheSharesFollow(FxRobot robot) {
        double leftBefore = left.getWidth();
        double rightBefore = right.getWidth();
        double centreBefore = centre.getWidth();

        drag(robot, divider(robot, 0), 80);

        assertEquals(leftBefore + 80, left.getWidth(), 1);
        assertEquals(rightBefore, right.getWidth(), 0.01, "the other panel stays as it was");
        assertEquals(centreBefore - 80, centre.getWidth(), 1);
        assertEquals(left.getWidth() / panelsWidth(), panels.shares().leftShare(), 0.001);

        drag(robot, divider(robot, 1), -50);

        assertEquals(rightBefore + 50, right.getWidth(), 1);
        assertEquals(leftBefore + 80, left.getWidth(), 1);
        assertEquals(right.getWidth() / panelsWidth(), panels.shares().rightShare(), 0.001);
    }

    @Test
    void aDividerStopsWhereThePanelOrTheImageWouldGetNarrowerThanItsMinimum(FxRobot robot) {
        double rightBefore = right.getWidth();

        drag(robot, divider(robot, 0), 700);

        assertEquals(CENTRE_MIN, centre.getWidth(), 1, "the image keeps its minimum");
        assertEquals(rightBefore, right.getWidth(), 0.01);

        drag(robot, divider(robot, 0), -900);

        assertEquals(LEFT_MIN, left.getWidth(), 1, "the panel keeps its minimum");
    }

    @Test
    void aDividerStopsWhereTheImageKeepsAFifthAndTheOtherPanelStaysAsItIs(FxRobot robot) {
        // an image minimum well below a fifth of the width, as in a wide window
        robot.interact(() -> {
            panels = new SidePanels(left, centre, right, new PanelShares(0.2, 0.26, LEFT_MIN, 100, RIGHT_MIN));
            stage.getScene().setRoot(panels);
        });
        WaitForAsyncUtils.waitForFxEvents();
        double rightBefore = right.getWidth();

        drag(robot, divider(robot, 0), 700);

        assertEquals(panelsWidth() / 5, centre.getWidth(), 1, "the image keeps a fifth");
        assertEquals(rightBefore, right.getWidth(), 0.01, "the other panel stays as it was");
    }

    private double panelsWidth() {
        return left.getWidth() + centre.getWidth() + right.getWidth();
    }

    /** The {@code index}th divider from the left. */
    private static Node divider(FxRobot robot, int index) {
        List<Node> dividers = robot.lookup("." + SidePanels.DIVIDER_CLASS).queryAll().stream()
                .sorted(Comparator.comparingDouble(n -> n.localToScene(n.getLayoutBounds()).getMinX())).toList();
        assertEquals(2, dividers.size());
        return dividers.get(index);
    }

    private static void drag(FxRobot robot, Node divider, double dx) {
        robot.drag(divider, MouseButton.PRIMARY).moveBy(dx / 2, 0).moveBy(dx / 2, 0).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
