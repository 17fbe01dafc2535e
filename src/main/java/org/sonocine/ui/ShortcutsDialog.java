package org.sonocine.ui;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Modality;
import javafx.stage.Window;

import java.util.ArrayList;
import java.util.List;

/**
 * Help › Keyboard Shortcuts: a table of keys and what they do, gathered from where they are defined: the cine
 * keys, the menus' accelerators, and the image's mouse gestures.
 */
final class ShortcutsDialog {
    /** One line of the table. */
    record Shortcut(String keys, String action) {
    }

    private static final double ROW_HEIGHT = 24;
    private static final double HEADER_HEIGHT = 26;

    private ShortcutsDialog() {
    }

    /** The cine keys, then every menu item with an accelerator ("View › Fit to Window"), then the gestures. */
    static List<Shortcut> gather(List<Menu> menus, List<Shortcut> gestures) {
        List<Shortcut> rows = new ArrayList<>();
        for (CineKey key : CineKey.values()) {
            rows.add(new Shortcut(key.keys(), key.action()));
        }
        for (Menu menu : menus) {
            addAccelerators(menu.getText(), menu.getItems(), rows);
        }
        rows.addAll(gestures);
        return rows;
    }

    private static void addAccelerators(String path, List<MenuItem> items, List<Shortcut> rows) {
        for (MenuItem item : items) {
            if (item instanceof Menu sub) {
                addAccelerators(path + " › " + sub.getText(), sub.getItems(), rows);
            } else if (item.getAccelerator() != null) {
                rows.add(new Shortcut(item.getAccelerator().getDisplayText(), path + " › " + item.getText()));
            }
        }
    }

    static Dialog<Void> create(Window owner, List<Shortcut> rows) {
        TableView<Shortcut> table = new TableView<>(FXCollections.observableArrayList(rows));
        table.setId("shortcutsTable");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(column("Keys", Shortcut::keys, 130));
        table.getColumns().add(column("Action", Shortcut::action, 400));
        // Every row in view without scrolling, within a 640 pixel high window.
        table.setFixedCellSize(ROW_HEIGHT);
        table.setPrefHeight(HEADER_HEIGHT + ROW_HEIGHT * rows.size() + 2);
        table.setPrefWidth(540);

        Dialog<Void> dialog = new Dialog<>();
        dialog.setTitle("Keyboard Shortcuts");
        dialog.initOwner(owner);
        dialog.initModality(Modality.NONE);
        dialog.setResizable(true);
        dialog.getDialogPane().setId("shortcutsDialog");
        dialog.getDialogPane().setContent(table);
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        if (owner != null && owner.getScene() != null) {
            dialog.getDialogPane().getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        return dialog;
    }

    private static TableColumn<Shortcut, String> column(String title,
            java.util.function.Function<Shortcut, String> value, double width) {
        TableColumn<Shortcut, String> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        column.setPrefWidth(width);
        column.setSortable(false);
        return column;
    }
}
