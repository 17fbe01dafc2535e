package org.sonocine.ui.browser;

import javafx.beans.property.SimpleIntegerProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.skin.VirtualFlow;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sonocine.imaging.DisplayFrame;
import org.sonocine.study.InstanceEntry;
import org.sonocine.ui.task.SteppedTaskExecutor;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The grid of thumbnails when one series is shown in place of another: each cell shows the instance at its place in
 * the series now shown, never one of the series before, right after the switch as well as once laid out, and the
 * cells the grid keeps out of sight hold nothing. Series of 1 to 45 instances, each instance named after its series.
 */
@ExtendWith(ApplicationExtension.class)
class SeriesSwitchGridUiTest {
    private static final int LONGEST = 45;
    private final SteppedTaskExecutor thumbnailTasks = new SteppedTaskExecutor();
    private BrowserViewModel model;

    @Start
    void start(Stage stage) {
        ThumbnailService thumbnails = new ThumbnailService(thumbnailTasks, ThumbnailService.CACHE_BYTES,
                (file, size) -> new DisplayFrame(0, size, size, new int[size * size]));
        ObservableList<InstanceEntry> found = FXCollections.observableArrayList();
        for (int series = 1; series <= LONGEST; series++) {
            for (int i = 1; i <= series; i++) {
                found.add(new InstanceEntry(Path.of("exam", "S" + series + "-" + i), "P1", "Doe^Jane", "1.2.1",
                        "20260101", "", "Echo", "1.2.1." + series, series, "", "US", "1.2.840.10008.5.1.4.1.1.3.1",
                        "1.2.1." + series + "." + i, i, 1, true, ""));
            }
        }
        model = new BrowserViewModel(found, FXCollections.observableArrayList(), new SimpleIntegerProperty(0),
                file -> { });
        // Two columns of thumbnails, three to four rows in view.
        stage.setScene(new Scene(new BrowserPane(model, thumbnails), 300, 1000));
        stage.show();
    }

    @AfterEach
    void stop() {
        thumbnailTasks.close();
    }

    private BrowserNode series(int instances) {
        BrowserNode study = model.patients().get(0).children().get(0);
        return study.children().stream().filter(s -> s.instances().size() == instances).findFirst().orElseThrow();
    }

    private static List<String> names(List<InstanceEntry> instances) {
        return instances.stream().map(i -> i.path().getFileName().toString()).toList();
    }

    /** The instances of the cells on screen, row by row and left to right, and those of cells out of sight. */
    private record Seen(List<String> onScreen, List<String> outOfSight) {
        static Seen now(FxRobot robot) {
            List<IndexedCell<InstanceEntry>> cells = new ArrayList<>();
            for (Node node : robot.lookup("#instanceGrid .instance-cell").queryAll()) {
                @SuppressWarnings("unchecked")
                IndexedCell<InstanceEntry> cell = (IndexedCell<InstanceEntry>) node;
                if (cell.getItem() != null) {
                    cells.add(cell);
                }
            }
            // By the rows' places and the cells' order in them: a cell just added to a row is not laid out yet.
            cells.sort(Comparator.comparingDouble((Node n) -> n.getParent().localToScene(0, 0).getY())
                    .thenComparingInt(n -> n.getParent().getChildrenUnmodifiable().indexOf(n)));
            return new Seen(names(cells.stream().filter(ItemGridUiTest::inSight).map(IndexedCell::getItem)
                    .toList()),
                    names(cells.stream().filter(c -> !ItemGridUiTest.inSight(c)).map(IndexedCell::getItem).toList()));
        }
    }

    private static <T> T onFx(Supplier<T> query) {
        try {
            return WaitForAsyncUtils.asyncFx(query::get).get(10, TimeUnit.SECONDS);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new AssertionError("the grid could not be read", e);
        }
    }

    /** Shows series {@code to}, reading the grid in the same event, before any layout, and once laid out. */
    private List<Seen> switchTo(int to, FxRobot robot) {
        Seen atOnce = onFx(() -> {
            model.select(series(to));
            return Seen.now(robot);
        });
        WaitForAsyncUtils.waitForFxEvents();
        return List.of(atOnce, onFx(() -> Seen.now(robot)));
    }

    private static void assertShowsARunOf(List<String> series, Seen seen, String when) {
        assertThat(seen.outOfSight()).as("cells out of sight " + when).isEmpty();
        assertThat(seen.onScreen()).as("cells on screen " + when).isNotEmpty();
        int first = series.indexOf(seen.onScreen().get(0));
        assertThat(first).as("the first cell on screen " + when + ", " + seen.onScreen()).isNotNegative();
        assertThat(seen.onScreen()).as("cells on screen " + when)
                .isEqualTo(series.subList(first, Math.min(series.size(), first + seen.onScreen().size())));
    }

    @Test
    void aSeriesShownInPlaceOfOneOfAboutItsSizeShowsOnlyItsOwnInstances(FxRobot robot) {
        for (int from = 1; from <= 12; from++) {
            for (int to = Math.max(1, from - 3); to <= from + 3; to++) {
                if (to == from) {
                    continue;
                }
                switchTo(from, robot);
                List<String> shown = names(series(to).instances());
                List<Seen> seen = switchTo(to, robot);
                String when = "when series " + to + " is shown in place of series " + from;
                assertShowsARunOf(shown, seen.get(0), "right " + when);
                assertShowsARunOf(shown, seen.get(1), "once laid out " + when);
                assertThat(seen.get(1).onScreen()).as("the first rows, once laid out " + when)
                        .startsWith(shown.subList(0, Math.min(4, to)).toArray(String[]::new));
            }
        }
    }

    @Test
    void aSeriesShownWhileTheGridIsScrolledShowsItsInstancesWhereTheGridStands(FxRobot robot) {
        VirtualFlow<?> flow = robot.lookup("#instanceGrid .virtual-flow").queryAs(VirtualFlow.class);
        for (int[] pair : new int[][] {{45, 44}, {44, 45}, {41, 38}, {30, 33}, {45, 12}, {20, 3}}) {
            switchTo(pair[0], robot);
            robot.interact(() -> flow.scrollTo(flow.getCellCount() - 1));
            WaitForAsyncUtils.waitForFxEvents();
            List<String> shown = names(series(pair[1]).instances());
            List<Seen> seen = switchTo(pair[1], robot);
            String when = "when series " + pair[1] + " is shown in place of series " + pair[0] + " scrolled to its end";
            assertShowsARunOf(shown, seen.get(0), "right " + when);
            assertShowsARunOf(shown, seen.get(1), "once laid out " + when);
        }
    }

    @Test
    void seriesSwitchedSeveralTimesInOneEventShowTheLastOne(FxRobot robot) {
        switchTo(9, robot);
        Seen atOnce = onFx(() -> {
            model.select(series(8));
            model.select(series(10));
            model.select(series(7));
            return Seen.now(robot);
        });
        WaitForAsyncUtils.waitForFxEvents();
        List<String> shown = names(series(7).instances());
        assertShowsARunOf(shown, atOnce, "right after series 8, 10 and 7 are shown in turn");
        Seen laidOut = onFx(() -> Seen.now(robot));
        assertShowsARunOf(shown, laidOut, "once laid out");
        assertThat(laidOut.onScreen()).startsWith(shown.subList(0, 4).toArray(String[]::new));
    }
}
