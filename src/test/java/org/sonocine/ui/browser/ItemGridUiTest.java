package org.sonocine.ui.browser;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The grid as its list changes in every way a list can, and as it is made wider: each time, right away and once laid
 * out, the cells holding an item are all on screen and show, row by row, the items at their places in the list.
 */
@ExtendWith(ApplicationExtension.class)
class ItemGridUiTest {
    private final ObservableList<String> items = FXCollections.observableArrayList();
    private ItemGrid<String> grid;
    private Stage stage;

    /** Shows its item as its text. */
    private static final class TextCell extends ItemGrid.ItemCell<String> {
        TextCell() {
            getStyleClass().add("text-cell");
        }

        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty ? null : item);
        }
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        // Cells 110 wide with their spacing: two columns in 300, four in 480; rows 50 high, six in view.
        grid = new ItemGrid<>(items, TextCell::new, 100, 40, 5);
        stage.setScene(new Scene(grid, 300, 300));
        stage.sizeToScene();
        stage.show();
    }

    private static <T> T onFx(Supplier<T> query) {
        try {
            return WaitForAsyncUtils.asyncFx(query::get).get(10, TimeUnit.SECONDS);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new AssertionError("the grid could not be read", e);
        }
    }

    /** Whether {@code node} and all above it are visible: the grid hides the rows it keeps aside. */
    static boolean inSight(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    /** The items of the cells on screen, by their rows' places and their order in the row, and of those out of sight. */
    private record Seen(List<String> onScreen, List<String> outOfSight) {
    }

    private Seen seen() {
        List<TextCell> cells = new ArrayList<>();
        for (Node node : grid.lookupAll(".text-cell")) {
            if (((TextCell) node).getItem() != null) {
                cells.add((TextCell) node);
            }
        }
        cells.sort(Comparator.comparingDouble((Node n) -> n.getParent().localToScene(0, 0).getY())
                .thenComparingInt(n -> n.getParent().getChildrenUnmodifiable().indexOf(n)));
        return new Seen(cells.stream().filter(ItemGridUiTest::inSight).map(TextCell::getItem).toList(),
                cells.stream().filter(c -> !inSight(c)).map(TextCell::getItem).toList());
    }

    /**
     * Changes the list (or the window), checking the grid in the same event and once laid out, with {@code columns}
     * to a row; returns the items on screen once laid out.
     */
    private List<String> change(String what, Runnable change, int columns) {
        Seen atOnce = onFx(() -> {
            change.run();
            return seen();
        });
        WaitForAsyncUtils.waitForFxEvents();
        Seen laidOut = onFx(this::seen);
        List<String> now = onFx(() -> List.copyOf(items));
        assertRun(now, atOnce, "right after " + what, columns);
        assertRun(now, laidOut, "once laid out after " + what, columns);
        return laidOut.onScreen();
    }

    private static void assertRun(List<String> list, Seen seen, String when, int columns) {
        assertThat(seen.outOfSight()).as("items of cells out of sight " + when).isEmpty();
        if (list.isEmpty()) {
            assertThat(seen.onScreen()).as(when).isEmpty();
            return;
        }
        assertThat(seen.onScreen()).as(when).isNotEmpty();
        int first = list.indexOf(seen.onScreen().get(0));
        assertThat(first).as(when + ": the first cell on screen shows " + seen.onScreen().get(0) + ", of the list")
                .isNotNegative();
        assertThat(first % columns).as(when + ": the first cell on screen, " + seen.onScreen().get(0)
                + ", begins a row").isZero();
        assertThat(seen.onScreen()).as(when)
                .isEqualTo(list.subList(first, Math.min(list.size(), first + seen.onScreen().size())));
    }

    private static List<String> named(String prefix, int count) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> prefix + i).toList();
    }

    @Test
    void everyChangeOfTheListShowsAtOnceInTheCellsOnScreen(FxRobot robot) {
        assertThat(change("setting 9 items", () -> items.setAll(named("a", 9)), 2)).isEqualTo(named("a", 9));
        assertThat(change("replacing them by 10 others", () -> items.setAll(named("b", 10)), 2))
                .isEqualTo(named("b", 10));
        change("inserting one first", () -> items.add(0, "c1"), 2);
        change("removing the fourth", () -> items.remove(3), 2);
        change("replacing the second", () -> items.set(1, "d1"), 2);
        assertThat(change("adding 5 last", () -> items.addAll(named("e", 5)), 2))
                .as("six rows of two in view")
                .containsExactly("c1", "d1", "b2", "b4", "b5", "b6", "b7", "b8", "b9", "b10", "e1", "e2");
        change("removing the first 7", () -> items.remove(0, 7), 2);
        assertThat(change("emptying it", items::clear, 2)).isEmpty();
        change("adding 30", () -> items.addAll(named("f", 30)), 2);
        assertThat(change("making the window wider", () -> stage.setWidth(480), 4))
                .as("six rows of four in view").isEqualTo(named("f", 24));
        assertThat(change("replacing them by 29 others", () -> items.setAll(named("g", 29)), 4))
                .isEqualTo(named("g", 24));
    }

    @Test
    void changesWhileScrolledShowAtOnceWhereTheGridStands(FxRobot robot) {
        change("setting 40 items", () -> items.setAll(named("a", 40)), 2);
        robot.interact(() -> grid.scrollIntoView("a40"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(change("replacing them by 39 others", () -> items.setAll(named("b", 39)), 2))
                .as("the end still in view").endsWith("b39");
        change("inserting one first", () -> items.add(0, "c1"), 2);
        change("removing the last 3", () -> items.remove(37, 40), 2);
        assertThat(change("replacing them by 12 others", () -> items.setAll(named("d", 12)), 2))
                .as("all in view").isEqualTo(named("d", 12));
    }
}
