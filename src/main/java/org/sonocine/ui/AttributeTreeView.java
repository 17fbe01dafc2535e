package org.sonocine.ui;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableView;
import javafx.scene.layout.BorderPane;
import org.sonocine.dicom.Attributes;
import org.sonocine.dicom.DicomFile;
import org.sonocine.dicom.DumpFormatter;
import org.sonocine.dicom.ElementDictionary;
import org.sonocine.dicom.Sequence;
import org.sonocine.dicom.Tags;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** Every attribute of the open instance as a tree (sequences expandable), with a filter box. */
final class AttributeTreeView extends BorderPane {
    /** One line of the tree: an element, or an item of a sequence. */
    record Row(String tag, String name, String vr, String value, List<Row> children) {
        boolean matches(String filter) {
            return tag.toLowerCase(Locale.ROOT).contains(filter) || name.toLowerCase(Locale.ROOT).contains(filter)
                    || value.toLowerCase(Locale.ROOT).contains(filter);
        }
    }

    private static final DumpFormatter FORMAT = new DumpFormatter(line -> { }, 200);

    private final TreeTableView<Row> table = new TreeTableView<>();
    private final TextField filter = new TextField();
    private List<Row> rows = List.of();

    AttributeTreeView() {
        setId("attributes");
        filter.setId("attributeFilter");
        filter.setPromptText("Filter by tag, name or value");
        filter.textProperty().addListener((o, a, b) -> rebuild());
        table.setId("attributeTable");
        table.setShowRoot(false);
        table.setColumnResizePolicy(TreeTableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(column("Tag", Row::tag, 120));
        table.getColumns().add(column("Name", Row::name, 200));
        table.getColumns().add(column("VR", Row::vr, 40));
        table.getColumns().add(column("Value", Row::value, 300));
        setTop(filter);
        setCenter(table);
    }

    private static TreeTableColumn<Row, String> column(String title, Function<Row, String> value, double width) {
        TreeTableColumn<Row, String> c = new TreeTableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(p -> new ReadOnlyStringWrapper(value.apply(p.getValue().getValue())));
        return c;
    }

    void show(DicomFile file) {
        List<Row> all = new ArrayList<>();
        if (file != null) {
            all.addAll(rows(file.fileMeta()));
            all.addAll(rows(file.dataset()));
        }
        rows = all;
        rebuild();
    }

    private static List<Row> rows(Attributes ds) {
        List<Row> out = new ArrayList<>();
        ElementDictionary dictionary = ElementDictionary.standard();
        for (int i = 0; i < ds.size(); i++) {
            int tag = ds.tagAt(i);
            String name = dictionary.lookup(tag).map(e -> e.name()).orElseGet(() -> {
                String creator = ds.privateCreatorOf(tag);
                return Tags.isPrivateCreator(tag) ? "Private Creator" : creator != null ? "Private (" + creator + ")"
                        : "Unknown";
            });
            Object v = ds.valueAt(i);
            if (v instanceof Sequence seq) {
                List<Row> items = new ArrayList<>();
                for (int k = 0; k < seq.size(); k++) {
                    items.add(new Row("Item " + (k + 1), "", "", seq.get(k).size() + " elements",
                            rows(seq.get(k))));
                }
                out.add(new Row(Tags.toString(tag), name, "SQ", seq.size() + " items", items));
            } else {
                out.add(new Row(Tags.toString(tag), name, ds.vrAt(i).name(), FORMAT.describeValue(ds, i), List.of()));
            }
        }
        return out;
    }

    private void rebuild() {
        String f = filter.getText() == null ? "" : filter.getText().trim().toLowerCase(Locale.ROOT);
        TreeItem<Row> root = new TreeItem<>(new Row("", "", "", "", rows));
        for (Row r : rows) {
            TreeItem<Row> item = item(r, f);
            if (item != null) {
                root.getChildren().add(item);
            }
        }
        table.setRoot(root);
    }

    /** The item for {@code r} with the children that match; null when neither it nor any descendant matches. */
    private static TreeItem<Row> item(Row r, String filter) {
        TreeItem<Row> item = new TreeItem<>(r);
        for (Row child : r.children()) {
            TreeItem<Row> c = item(child, filter);
            if (c != null) {
                item.getChildren().add(c);
            }
        }
        boolean matches = filter.isEmpty() || r.matches(filter);
        if (!matches && item.getChildren().isEmpty()) {
            return null;
        }
        item.setExpanded(!filter.isEmpty());
        return item;
    }

    TreeTableView<Row> table() {
        return table;
    }
}
