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
 * The shortcuts of menus whose menu bar is not yet in its window: a menu bar's skin is what gives the scene its
 * accelerators, and a start makes the menu bar only after the first frame is painted. A shortcut pressed before
 * is run here, as the menu would run it, so that none is lost; once the menu bar has its skin it serves them alone.
 */
final class EarlyShortcuts {
    private final Scene scene;
    private final EventHandler<KeyEvent> onKey;
    private boolean handedOver;

    private EarlyShortcuts(Scene scene, List<Menu> menus) {
        this.scene = scene;
        onKey = e -> {
            MenuItem item = itemFor(e, menus);
            if (item != null) {
                e.consume();
                run(item);
            }
        };
    }

    /** Serves the shortcuts of {@code menus}' items on {@code scene} until {@link #handOver} says otherwise. */
    static EarlyShortcuts serve(Scene scene, List<Menu> menus) {
        EarlyShortcuts shortcuts = new EarlyShortcuts(scene, menus);
        scene.addEventHandler(KeyEvent.KEY_PRESSED, shortcuts.onKey);
        return shortcuts;
    }

    /** Stops serving once {@code bar}, which holds the menus, has its skin (at once if it has one). */
    void handOver(MenuBar bar) {
        if (handedOver) {
            return;
        }
        handedOver = true;
        if (bar.getSkin() != null) {
            scene.removeEventHandler(KeyEvent.KEY_PRESSED, onKey);
            return;
        }
        bar.skinProperty().addListener(new ChangeListener<Skin<?>>() {
            @Override
            public void changed(ObservableValue<? extends Skin<?>> o, Skin<?> was, Skin<?> now) {
                if (now != null) {
                    bar.skinProperty().removeListener(this);
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
