package org.sonocine.ui;

import javafx.scene.Scene;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A menu bar's shortcuts before the menu bar is in its window, and after. */
@ExtendWith(ApplicationExtension.class)
class EarlyShortcutsUiTest {
    private final AtomicInteger opened = new AtomicInteger();
    private final MenuItem open = item("Open", "F2");
    private final MenuItem disabled = item("Export", "F3");
    private final MenuItem hidden = item("Connect", "F4");
    private final MenuItem nested = item("Recent", "F5");
    private final CheckMenuItem overlay = new CheckMenuItem("Overlay");
    private MenuBar menus;
    private StackPane top;

    @Start
    void start(Stage stage) {
        open.setOnAction(e -> opened.incrementAndGet());
        disabled.setDisable(true);
        hidden.setVisible(false);
        overlay.setAccelerator(KeyCombination.keyCombination("O"));
        Menu file = new Menu("File", null, open, disabled, hidden, new Menu("Open Recent", null, nested));
        menus = new MenuBar(file, new Menu("View", null, overlay));
        top = new StackPane();
        Scene scene = new Scene(top, 300, 200);
        EarlyShortcuts.serve(scene, menus.getMenus()).handOver(menus);
        stage.setScene(scene);
        stage.show();
    }

    private static MenuItem item(String text, String accelerator) {
        MenuItem item = new MenuItem(text);
        item.setAccelerator(KeyCombination.keyCombination(accelerator));
        return item;
    }

    @Test
    void onlyEnabledVisibleItemsAnswerTheirShortcutsInSubmenusToo() {
        List<Menu> all = menus.getMenus();
        assertSame(open, EarlyShortcuts.itemFor(pressed(KeyCode.F2), all));
        assertNull(EarlyShortcuts.itemFor(pressed(KeyCode.F3), all), "a disabled item");
        assertNull(EarlyShortcuts.itemFor(pressed(KeyCode.F4), all), "a hidden item");
        assertSame(nested, EarlyShortcuts.itemFor(pressed(KeyCode.F5), all));
        assertNull(EarlyShortcuts.itemFor(pressed(KeyCode.F6), all), "no item has it");
    }

    @Test
    void aShortcutRunsItsItemBeforeTheMenuBarIsInAndOnceAfter(FxRobot robot) {
        robot.type(KeyCode.F2);
        robot.type(KeyCode.O);
        assertEquals(1, opened.get());
        assertTrue(overlay.isSelected(), "a check item is toggled, as its menu would");

        robot.interact(() -> top.getChildren().add(menus));
        WaitForAsyncUtils.waitForFxEvents();
        robot.type(KeyCode.F2);
        robot.type(KeyCode.O);

        assertEquals(2, opened.get(), "run once, by the menu bar alone");
        assertFalse(overlay.isSelected());
    }

    private static KeyEvent pressed(KeyCode code) {
        return new KeyEvent(KeyEvent.KEY_PRESSED, "", "", code, false, false, false, false);
    }
}
