package org.sonocine.ui.measure;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.util.function.Consumer;

/**
 * The measurements of the open instance as a list with their values; choosing one selects it on the image, Delete
 * or the context menu removes it, the context menu shows it on every frame or on its own only, Copy puts the list on the clipboard as tab-separated text and Export hands CSV text to the caller,
 * which chooses where to write it.
 */
public final class MeasurementsPanel extends VBox {
    private final TableView<Measurement> table = new TableView<>();

    public MeasurementsPanel(MeasurementsViewModel vm, Consumer<String> exportCsv) {
        setId("measurementsPanel");
        setSpacing(6);
        table.setId("measurementTable");
        table.setItems(vm.measurements());
        table.setPlaceholder(new Label("No measurements: choose a tool above the image and draw on it"));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(column("Tool", m -> m.tool().title()));
        table.getColumns().add(column("Frame", m -> m.onAllFrames() ? "all" : Integer.toString(m.frame() + 1)));
        table.getColumns().add(column("Value", m -> vm.read(m).text()));
        table.getColumns().add(column("Calibration", m -> vm.read(m).source()));
        VBox.setVgrow(table, Priority.ALWAYS);
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) {
                vm.selectedProperty().set(b);
            }
        });
        vm.selectedProperty().addListener((o, a, b) -> {
            if (b != null && table.getSelectionModel().getSelectedItem() != b) {
                table.getSelectionModel().select(b);
            }
        });
        vm.readerProperty().addListener((o, a, b) -> table.refresh());
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DELETE || e.getCode() == KeyCode.BACK_SPACE) {
                vm.deleteSelected();
                e.consume();
            }
        });
        CheckMenuItem hold = new CheckMenuItem("Show on all frames");
        hold.setOnAction(e -> vm.holdSelectedOnAllFrames(hold.isSelected()));
        MenuItem delete = new MenuItem("Delete");
        delete.setOnAction(e -> vm.deleteSelected());
        ContextMenu menu = new ContextMenu(hold, delete);
        menu.setOnShowing(e -> {
            Measurement m = vm.selectedProperty().get();
            hold.setSelected(m != null && m.onAllFrames());
            hold.setDisable(m == null);
            delete.setDisable(m == null);
        });
        table.setContextMenu(menu);
        Button copy = new Button("Copy");
        copy.setId("copyMeasurements");
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(MeasurementText.tabSeparated(vm.measurements(), vm.readerProperty().get()));
            Clipboard.getSystemClipboard().setContent(content);
        });
        Button export = new Button("Export CSV…");
        export.setId("exportMeasurements");
        export.setOnAction(e -> exportCsv.accept(MeasurementText.csv(vm.measurements(), vm.readerProperty().get())));
        copy.disableProperty().bind(javafx.beans.binding.Bindings.isEmpty(vm.measurements()));
        export.disableProperty().bind(copy.disableProperty());
        getChildren().addAll(table, new HBox(6, copy, export));
    }

    private static TableColumn<Measurement, String> column(String title,
                                                           java.util.function.Function<Measurement, String> value) {
        TableColumn<Measurement, String> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
        column.setSortable(false);
        return column;
    }

    TableView<Measurement> table() {
        return table;
    }
}
