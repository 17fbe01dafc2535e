package org.sonocine.ui;

import javafx.beans.value.ChangeListener;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import org.controlsfx.control.GridCell;
import org.controlsfx.control.GridView;
import org.sonocine.study.InstanceEntry;
import org.sonocine.study.ScanSummary;
import org.sonocine.ui.task.Cancellable;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The exams found so far: patients, studies and series in a tree, the instances of the chosen series as a grid
 * of thumbnails (double-click opens one), and the files that could not be read, with their reasons.
 */
final class BrowserPane extends BorderPane {
    /** A node of the tree: a patient, a study or a series, with the instances under it. */
    record Node(String kind, String key, String label, List<InstanceEntry> instances) {
        @Override
        public String toString() {
            return label;
        }
    }

    private final TreeView<Node> tree = new TreeView<>();
    private final TreeItem<Node> root = new TreeItem<>(new Node("root", "", "Exams", new java.util.ArrayList<>()));
    private final Map<String, TreeItem<Node>> items = new HashMap<>();
    private final GridView<InstanceEntry> grid = new GridView<>();
    private final ListView<String> failed = new ListView<>();
    private final TitledPane failedPane = new TitledPane("Could not read", failed);
    private final Label skipped = new Label();

    BrowserPane(ViewerViewModel vm, ThumbnailService thumbnails, Consumer<Path> open) {
        setId("browser");
        getStyleClass().add("browser");
        tree.setId("browserTree");
        tree.setRoot(root);
        tree.setShowRoot(false);
        tree.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> showInstances(b));
        grid.setId("instanceGrid");
        grid.setCellWidth(ThumbnailService.SIZE + 8);
        grid.setCellHeight(ThumbnailService.SIZE + 24);
        grid.setCellFactory(g -> new InstanceCell(thumbnails, open));
        failed.setId("failedList");
        failed.setPrefHeight(120);
        failedPane.setExpanded(false);
        failedPane.setVisible(false);
        failedPane.setManaged(false);
        skipped.setId("skippedLabel");
        skipped.textProperty().bind(vm.skippedProperty().asString("%d files skipped (not DICOM)"));
        skipped.visibleProperty().bind(vm.skippedProperty().greaterThan(0));
        SplitPane split = new SplitPane(tree, grid);
        split.setOrientation(javafx.geometry.Orientation.VERTICAL);
        split.setDividerPositions(0.5);
        setCenter(split);
        VBox bottom = new VBox(4, skipped, failedPane);
        bottom.setPadding(new Insets(4));
        setBottom(bottom);
        setPrefWidth(260);
        vm.instances().addListener((ListChangeListener<InstanceEntry>) c -> {
            while (c.next()) {
                c.getAddedSubList().forEach(this::add);
            }
        });
        vm.failures().addListener((ListChangeListener<ScanSummary.Failure>) c -> {
            while (c.next()) {
                c.getAddedSubList().forEach(f -> failed.getItems().add(f.file().getFileName() + ": " + f.reason()));
            }
            failedPane.setText("Could not read (" + failed.getItems().size() + ")");
            failedPane.setVisible(true);
            failedPane.setManaged(true);
        });
    }

    private void add(InstanceEntry e) {
        String patientKey = "P" + e.patientKey();
        String studyKey = patientKey + "S" + e.studyUid();
        String seriesKey = studyKey + "R" + e.seriesUid();
        TreeItem<Node> patient = items.computeIfAbsent(patientKey, k -> child(root, new Node("patient", k,
                blank(e.patientName(), "(no name)") + (e.patientId().isEmpty() ? "" : "  " + e.patientId()),
                new java.util.ArrayList<>())));
        TreeItem<Node> study = items.computeIfAbsent(studyKey, k -> child(patient, new Node("study", k,
                (formatDate(e.studyDate()) + "  " + e.studyDescription()).trim(), new java.util.ArrayList<>())));
        TreeItem<Node> series = items.computeIfAbsent(seriesKey, k -> child(study, new Node("series", k,
                ("Series " + e.seriesNumber() + "  " + e.modality() + "  " + e.seriesDescription()).trim(),
                new java.util.ArrayList<>())));
        series.getValue().instances().add(e);
        patient.setExpanded(true);
        study.setExpanded(true);
        if (tree.getSelectionModel().getSelectedItem() == null) {
            tree.getSelectionModel().select(series);
        } else if (tree.getSelectionModel().getSelectedItem() == series) {
            grid.getItems().add(e);
        }
    }

    private static TreeItem<Node> child(TreeItem<Node> parent, Node node) {
        TreeItem<Node> item = new TreeItem<>(node);
        parent.getChildren().add(item);
        return item;
    }

    private static String blank(String s, String otherwise) {
        return s == null || s.isBlank() ? otherwise : s;
    }

    private static String formatDate(String da) {
        return da != null && da.length() == 8 ? da.substring(0, 4) + "-" + da.substring(4, 6) + "-" + da.substring(6)
                : da == null ? "" : da;
    }

    private void showInstances(TreeItem<Node> selected) {
        grid.getItems().clear();
        if (selected == null) {
            return;
        }
        List<InstanceEntry> all = new java.util.ArrayList<>();
        collect(selected, all);
        all.sort(java.util.Comparator.comparingInt(InstanceEntry::instanceNumber)
                .thenComparing(e -> e.path().toString()));
        grid.getItems().setAll(all);
    }

    private static void collect(TreeItem<Node> item, List<InstanceEntry> out) {
        out.addAll(item.getValue().instances());
        for (TreeItem<Node> child : item.getChildren()) {
            collect(child, out);
        }
    }

    TreeView<Node> tree() {
        return tree;
    }

    GridView<InstanceEntry> grid() {
        return grid;
    }

    /**
     * A thumbnail and a caption; double-click opens the instance. A file with no thumbnail shows a warning sign,
     * with the reason in a tooltip. A cell asks for its thumbnail only while it is on screen: given another item,
     * emptied, or set aside by the grid (its row parked out of sight, or dropped), it gives up what it waited for,
     * so that scrolling through thousands of instances decodes only those that stopped in view.
     */
    private static final class InstanceCell extends GridCell<InstanceEntry> {
        private final ThumbnailService thumbnails;
        private final ImageView picture = new ImageView();
        private final Label noPicture = new Label("⚠");
        private final Label caption = new Label();
        private final VBox box;
        /** A change listener, not an invalidation one: those go quiet until the value is read again. */
        private final ChangeListener<Object> whereShown = (o, was, now) -> askOrStop();
        /** The item whose thumbnail is shown or waited for. */
        private InstanceEntry shown;
        private boolean answered;
        private Cancellable waiting;

        InstanceCell(ThumbnailService thumbnails, Consumer<Path> open) {
            this.thumbnails = thumbnails;
            getStyleClass().add("instance-cell");
            caption.getStyleClass().add("caption");
            picture.getStyleClass().add("thumbnail");
            picture.managedProperty().bind(picture.visibleProperty());
            noPicture.getStyleClass().add("no-thumbnail");
            // Takes the picture's place, so that the captions of a row stay aligned.
            noPicture.setPrefSize(ThumbnailService.SIZE, ThumbnailService.SIZE);
            noPicture.setAlignment(Pos.CENTER);
            noPicture.setStyle("-fx-font-size: 2.5em;");
            noPicture.managedProperty().bind(noPicture.visibleProperty());
            noPicture.setVisible(false);
            box = new VBox(2, picture, noPicture, caption);
            // The grid hides rows it keeps for reuse rather than emptying their cells.
            parentProperty().addListener((o, was, now) -> {
                if (was != null) {
                    was.visibleProperty().removeListener(whereShown);
                }
                if (now != null) {
                    now.visibleProperty().addListener(whereShown);
                }
                askOrStop();
            });
            sceneProperty().addListener(whereShown);
            setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && getItem() != null) {
                    open.accept(getItem().path());
                }
            });
        }

        @Override
        protected void updateItem(InstanceEntry item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                forget();
                setGraphic(null);
                setTooltip(null);
                return;
            }
            setGraphic(box);
            if (item != shown) {
                forget();
                shown = item;
                caption.setText("#" + item.instanceNumber() + (item.frames() > 1 ? "  " + item.frames() + " fr" : "")
                        + (item.isIntact() ? "" : "  ⚠"));
                show(null);
            }
            askOrStop();
        }

        private boolean onScreen() {
            return getScene() != null && getParent() != null && getParent().isVisible();
        }

        private void askOrStop() {
            if (!onScreen()) {
                stopWaiting();
                return;
            }
            InstanceEntry item = shown;
            if (item == null || answered || waiting != null || !item.hasPixelData()) {
                return;
            }
            Cancellable request = thumbnails.request(item.path(), thumbnail -> {
                if (shown == item) {
                    waiting = null;
                    answered = true;
                    show(thumbnail);
                }
            });
            if (!answered) {
                waiting = request;
            }
        }

        private void show(ThumbnailService.Thumbnail thumbnail) {
            picture.setImage(thumbnail instanceof ThumbnailService.Picture p ? p.image() : null);
            noPicture.setVisible(thumbnail instanceof ThumbnailService.Failure);
            picture.setVisible(!noPicture.isVisible());
            setTooltip(thumbnail instanceof ThumbnailService.Failure f ? new Tooltip(f.message()) : null);
        }

        private void forget() {
            stopWaiting();
            shown = null;
            answered = false;
        }

        private void stopWaiting() {
            if (waiting != null) {
                waiting.cancel();
                waiting = null;
            }
        }
    }
}
