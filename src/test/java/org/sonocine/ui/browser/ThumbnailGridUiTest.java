package org.sonocine.ui.browser;

import javafx.beans.property.SimpleIntegerProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.image.ImageView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sonocine.imaging.DisplayFrame;
import org.sonocine.imaging.codec.DecodeException;
import org.sonocine.study.InstanceEntry;
import org.sonocine.ui.task.Lane;
import org.sonocine.ui.task.SteppedTaskExecutor;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The browser's grid of thumbnails with their work run step by step by the test: cells that scroll away give up
 * what they waited for, and a file with no picture says why.
 */
@ExtendWith(ApplicationExtension.class)
class ThumbnailGridUiTest {
    private static final int INSTANCES = 600;
    private final SteppedTaskExecutor thumbnailTasks = new SteppedTaskExecutor();
    private final Set<Path> made = ConcurrentHashMap.newKeySet();
    private final ObservableList<InstanceEntry> found = FXCollections.observableArrayList();
    private BrowserPane browser;
    private ThumbnailService thumbnails;

    @Start
    void start(Stage stage) {
        thumbnails = new ThumbnailService(thumbnailTasks, ThumbnailService.CACHE_BYTES, (file, size) -> {
            made.add(file);
            if (file.getFileName().toString().equals("IMG1")) {
                throw new DecodeException("frame 1 could not be decoded: the JPEG data ends early");
            }
            return new DisplayFrame(0, size, size * 3 / 4, new int[size * size * 3 / 4]);
        });
        browser = new BrowserPane(new BrowserViewModel(found, FXCollections.observableArrayList(),
                new SimpleIntegerProperty(0), file -> { }), thumbnails);
        stage.setScene(new Scene(browser, 300, 700));
        stage.show();
    }

    @AfterEach
    void stop() {
        thumbnailTasks.close();
    }

    private void fill(FxRobot robot) {
        List<InstanceEntry> entries = new ArrayList<>();
        for (int i = 1; i <= INSTANCES; i++) {
            entries.add(new InstanceEntry(Path.of("exam", "IMG" + i), "P1", "Doe^Jane", "1.2.1", "20260101", "",
                    "Echo", "1.2.1.1", 1, "Apical", "US", "1.2.840.10008.5.1.4.1.1.3.1", "1.2.1.1." + i, i, 1,
                    true, ""));
        }
        robot.interact(() -> found.addAll(entries));
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Runs the thumbnail work, and that of cells the answers made the grid lay out anew, until none is left. */
    private void runThumbnails(FxRobot robot) {
        for (int round = 0; round < 10 && thumbnailTasks.queued(Lane.THUMBNAILS) > 0; round++) {
            robot.interact(thumbnailTasks::runAll);
            WaitForAsyncUtils.waitForFxEvents();
        }
    }

    /** Whether {@code node} and every node above it are visible: the grid hides the rows it keeps for reuse. */
    private static boolean onScreen(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return node.getScene() != null;
    }

    @Test
    void scrollingToTheEndMakesOnlyTheThumbnailsShownThere(FxRobot robot) {
        fill(robot);
        int firstScreen = thumbnails.pending();
        assertThat(firstScreen).isBetween(4, 100);
        VirtualFlow<?> flow = robot.lookup("#instanceGrid .virtual-flow").queryAs(VirtualFlow.class);
        for (int row = 0; row < flow.getCellCount(); row += 10) {
            int to = row;
            robot.interact(() -> {
                flow.scrollTo(to);
                flow.layout();
            });
        }
        robot.interact(() -> flow.scrollTo(flow.getCellCount() - 1));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(thumbnailTasks.queued(Lane.THUMBNAILS)).as("requests made on the way, most of them cancelled")
                .isGreaterThan(3 * firstScreen);
        assertThat(thumbnails.pending()).as("files still waited for").isLessThanOrEqualTo(firstScreen + 10);
        runThumbnails(robot);
        assertThat(made).as("files decoded").hasSizeLessThanOrEqualTo(firstScreen + 10)
                .contains(Path.of("exam", "IMG" + INSTANCES));
        assertFalse(made.contains(Path.of("exam", "IMG1")), "the first cells scrolled away before their turn");
        assertThat(robot.lookup("#instanceGrid .thumbnail").queryAllAs(ImageView.class))
                .filteredOn(ThumbnailGridUiTest::onScreen).isNotEmpty().allMatch(v -> v.getImage() != null);
    }

    @Test
    void aFileWithNoPictureShowsAWarningAndItsReason(FxRobot robot) {
        fill(robot);
        runThumbnails(robot);
        Label mark = robot.lookup("#instanceGrid .no-thumbnail").queryAllAs(Label.class).stream()
                .filter(ThumbnailGridUiTest::onScreen).findFirst().orElseThrow();
        assertEquals("⚠", mark.getText());
        Control cell = (Control) mark.getParent().getParent();
        assertEquals("#1", ((Label) mark.getParent().lookup(".caption")).getText());
        assertEquals("no image: frame 1 could not be decoded: the JPEG data ends early",
                cell.getTooltip().getText());
        assertEquals(1, robot.lookup("#instanceGrid .no-thumbnail").queryAllAs(Label.class).stream()
                .filter(ThumbnailGridUiTest::onScreen).count(), "only the broken file has no picture");
        assertEquals(0, thumbnails.pending());
        assertEquals(0, thumbnailTasks.queued(Lane.THUMBNAILS));
    }
}
