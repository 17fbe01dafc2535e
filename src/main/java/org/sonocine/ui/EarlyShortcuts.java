package org.sonocine.ui;

import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.event.EventHandler;
import javafx.scene.Scene;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.Skin;
import javafx.scene.input.KeyEvent;

import java.util.List;

/**
 * The shortcuts of a menu bar that is not yet in its window: a menu bar's skin is what gives the scene its
 * accelerators, and a start puts the menu bar in only after the first frame is painted. A shortcut pressed before
 * is run here, as the menu would run it, so that none is lost; once the skin is there it serves them alone.
 */
final class EarlyShortcuts {
    private EarlyShortcuts() {
    }

    /** Serves the shortcuts of {@code menus}' items on {@code scene} until {@code menus} gets its skin. */
    static void serve(Scene scene, MenuBar menus) {
        if (menus.getSkin() != null) {
            return;
        }
        EventHandler<KeyEvent> onKey = e -> {
            MenuItem item = itemFor(e, menus.getMenus());
            if (item != null) {
                e.consume();
                run(item);
            }
        };
        scene.addEventHandler(KeyEvent.KEY_PRESSED, onKey);
        menus.skinProperty().addListener(new ChangeListener<Skin<?>>() {
            @Override
            public void changed(ObservableValue<? extends Skin<?>> o, Skin<?> was, Skin<?> now) {
                if (now != null) {
                    menus.skinProperty().removeListener(this);
                    scene.removeEventHandler(KeyEvent.KEY_PRESSED, onKey);
                }
            }
        });
    }

    /** The enabled, visible item whose accelerator {@code e} is, or null. */
    static MenuItem itemFor(KeyEvent e, List<? extends MenuItem> items) {
        for (MenuItem item : items) {
            if (item.isDisable() || !item.isVisible()) {
                continue;
            }
            if (item.getAccelerator() != null && item.getAccelerator().match(e)) {
                return item;
            }
            if (item instanceof Menu menu) {
                MenuItem inner = itemFor(e, menu.getItems());
                if (inner != null) {
                    return inner;
                }
            }
        }
        return null;
    }

    /** What a menu bar does for an accelerator: a check or radio item is toggled, then the item fired. */
    private static void run(MenuItem item) {
        if (item instanceof RadioMenuItem radio) {
            radio.setSelected(!radio.isSelected());
        } else if (item instanceof CheckMenuItem check) {
            check.setSelected(!check.isSelected());
        }
        item.fire();
    }
}
