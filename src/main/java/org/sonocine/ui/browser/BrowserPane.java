package org.sonocine.ui.browser;

import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import org.sonocine.study.InstanceEntry;
import org.sonocine.ui.task.Cancellable;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The exam browser: patients, studies and series in a tree, the instances of the chosen one as a grid of
 * thumbnails, and the files that could not be read, with their reasons. A click on a series or a thumbnail opens
 * it (a series opens its first image), and so do a double-click and Enter; arrow keys in the tree only show a
 * series' instances. The selection follows the file on display, and newly found patients scroll into view.
 */
public final class BrowserPane extends BorderPane {
    static final String HINT = "Click an image to open it";
    private static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");
    /** Room around each thumbnail, on every side. */
    private static final double GRID_SPACING = 12;

    private final BrowserViewModel model;
    private final TreeView<BrowserNode> tree = new TreeView<>();
    private final TreeItem<BrowserNode> root = new TreeItem<>();
    private final Map<BrowserNode, TreeItem<BrowserNode>> items = new HashMap<>();
    private final ItemGrid<InstanceEntry> grid;
    private final ListView<String> failed = new ListView<>();
    private final TitledPane failedPane = new TitledPane("Could not read", failed);
    private final Label skipped = new Label();
    /** Set while the tree's selection is being made to follow the model, so that it is not sent back. */
    private boolean following;
    /** Parents whose rows lag behind the model, with the nodes they mirror, until the tree catches up. */
    private final Map<TreeItem<BrowserNode>, ObservableList<BrowserNode>> behind = new LinkedHashMap<>();
    private boolean catchUpQueued;
    private BrowserNode newestPatient;

    public BrowserPane(BrowserViewModel model, ThumbnailService thumbnails) {
        this.model = model;
        setId("browser");
        getStyleClass().add("browser");
        tree.setId("browserTree");
        tree.setRoot(root);
        tree.setShowRoot(false);
        tree.setCellFactory(t -> new NodeCell());
        tree.setTooltip(new Tooltip("Click a series to open its first image; Enter opens the selected one"));
        tree.getSelectionModel().selectedItemProperty().addListener((o, was, item) -> {
            if (!following && item != null) {
                model.select(item.getValue());
            }
        });
        tree.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            TreeItem<BrowserNode> item = tree.getSelectionModel().getSelectedItem();
            if (e.getCode() == KeyCode.ENTER && item != null) {
                model.open(item.getValue());
                e.consume();
            }
        });
        mirror(root, model.patients(), true);
        model.selectedProperty().addListener((o, was, node) -> followSelection());

        grid = new ItemGrid<>(model.shownInstances(), () -> new InstanceCell(thumbnails), ThumbnailService.SIZE + 8,
                ThumbnailService.SIZE + 24, GRID_SPACING);
        grid.setId("instanceGrid");
        grid.setFocusTraversable(true);
        Tooltip.install(grid, new Tooltip(HINT + "; Enter opens the selected one"));
        grid.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER) {
                model.openSelectedInstance();
                e.consume();
            }
        });
        model.selectedInstanceProperty().addListener((o, was, instance) -> {
            grid.lookupAll(".instance-cell").forEach(n -> {
                if (n instanceof InstanceCell cell) {
                    cell.showSelection();
                }
            });
            grid.scrollIntoView(instance);
        });
        Label hint = new Label(HINT);
        hint.setId("browserHint");
        hint.getStyleClass().add("hint");
        BorderPane thumbnailsPane = new BorderPane(grid);
        thumbnailsPane.setTop(hint);

        failed.setId("failedList");
        failed.setPrefHeight(120);
        failed.setItems(model.failureLines());
        failedPane.setId("failedPane");
        failedPane.setExpanded(false);
        failedPane.textProperty().bind(model.failureTitleProperty());
        failedPane.visibleProperty().bind(Bindings.isNotEmpty(model.failureLines()));
        failedPane.managedProperty().bind(failedPane.visibleProperty());
        skipped.setId("skippedLabel");
        skipped.textProperty().bind(model.skippedTextProperty());
        skipped.visibleProperty().bind(model.anySkippedProperty());
        skipped.managedProperty().bind(skipped.visibleProperty());
        SplitPane split = new SplitPane(tree, thumbnailsPane);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.5);
        setCenter(split);
        VBox bottom = new VBox(4, skipped, failedPane);
        bottom.setPadding(new Insets(4));
        setBottom(bottom);
        setPrefWidth(260);
        followSelection();
    }

    public TreeView<BrowserNode> tree() {
        return tree;
    }

    public ItemGrid<InstanceEntry> grid() {
        return grid;
    }

    /**
     * Keeps the children of {@code parent} the items of {@code nodes}, in their order, as nodes are inserted. The
     * tree catches up once per burst of insertions rather than once per node: each change to a tree's rows costs
     * the whole tree a recount, and a scan of thousands of files inserts hundreds of nodes a second.
     */
    private void mirror(TreeItem<BrowserNode> parent, ObservableList<BrowserNode> nodes, boolean patients) {
        for (BrowserNode node : nodes) {
            parent.getChildren().add(itemFor(node));
        }
        nodes.addListener((ListChangeListener<BrowserNode>) c -> {
            while (c.next()) {
                if (patients && c.wasAdded()) {
                    newestPatient = c.getAddedSubList().get(c.getAddedSize() - 1);
                }
            }
            behind.put(parent, nodes);
            if (!catchUpQueued) {
                catchUpQueued = true;
                Platform.runLater(this::catchUp);
            }
        });
    }

    /** Brings the rows of every parent that changed up to date, in one change each. */
    private void catchUp() {
        catchUpQueued = false;
        following = true;
        try {
            behind.forEach((parent, nodes) -> parent.getChildren().setAll(nodes.stream().map(this::itemFor).toList()));
        } finally {
            following = false;
        }
        behind.clear();
        // Rows inserted above the selected one must not move the selection to another series.
        followSelection();
        if (newestPatient != null) {
            scrollIntoView(tree, tree.getRow(items.get(newestPatient)));
            newestPatient = null;
        }
    }

    private TreeItem<BrowserNode> itemFor(BrowserNode node) {
        TreeItem<BrowserNode> existing = items.get(node);
        if (existing != null) {
            return existing;
        }
        TreeItem<BrowserNode> item = new TreeItem<>(node);
        item.setExpanded(node.kind() != BrowserNode.Kind.SERIES);
        items.put(node, item);
        mirror(item, node.children(), false);
        return item;
    }

    /** Selects, in the tree, the node the model has chosen, opening its parents and scrolling it into view. */
    private void followSelection() {
        TreeItem<BrowserNode> item = items.get(model.selectedProperty().get());
        if (item == tree.getSelectionModel().getSelectedItem()) {
            return;
        }
        following = true;
        try {
            if (item == null) {
                tree.getSelectionModel().clearSelection();
                return;
            }
            for (TreeItem<BrowserNode> p = item.getParent(); p != null; p = p.getParent()) {
                p.setExpanded(true);
            }
            tree.getSelectionModel().select(item);
            scrollIntoView(tree, tree.getRow(item));
        } finally {
            following = false;
        }
    }

    /** Scrolls as little as it takes to show the row (a control's own scrollTo puts it at the top). */
    private static void scrollIntoView(javafx.scene.Parent control, int row) {
        if (row >= 0 && control.lookup(".virtual-flow") instanceof VirtualFlow<?> flow) {
            flow.scrollTo(row);
        }
    }

    /** Whether a click landed on the arrow that opens or closes a tree row (which only does that). */
    private static boolean onDisclosure(TreeCell<?> cell, MouseEvent e) {
        Node disclosure = cell.getDisclosureNode();
        for (Node n = e.getTarget() instanceof Node target ? target : null; n != null && n != cell; n = n.getParent()) {
            if (n == disclosure) {
                return true;
            }
        }
        return false;
    }

    /**
     * A patient, study or series; a click shows its instances and opens the first. It acts on the press, not on the
     * click: while a scan inserts rows, the row under the pointer may be laid out anew between press and release,
     * and the click would then be lost.
     */
    private final class NodeCell extends TreeCell<BrowserNode> {
        NodeCell() {
            setOnMousePressed(e -> {
                if (e.getButton() == MouseButton.PRIMARY && getItem() != null && !onDisclosure(this, e)) {
                    model.open(getItem());
                }
            });
        }

        @Override
        protected void updateItem(BrowserNode item, boolean empty) {
            super.updateItem(item, empty);
            textProperty().unbind();
            if (empty || item == null) {
                setText(null);
            } else {
                textProperty().bind(item.labelProperty());
            }
        }
    }

    /**
     * A thumbnail and a caption; a click opens the instance. A file with no thumbnail shows a warning sign,
     * with the reason in a tooltip. A cell asks for its thumbnail only while it is on screen: given another item,
     * emptied (as the grid does to the cells of a row it sets aside) or taken out of the scene, it gives up what it
     * waited for, so that scrolling through thousands of instances decodes only those that stopped in view.
     */
    private final class InstanceCell extends ItemGrid.ItemCell<InstanceEntry> {
        private final ThumbnailService thumbnails;
        private final ImageView picture = new ImageView();
        private final Label noPicture = new Label("⚠");
        private final Label caption = new Label();
        private final VBox box;
        /** The item whose thumbnail is shown or waited for. */
        private InstanceEntry shown;
        private boolean answered;
        private Cancellable waiting;

        InstanceCell(ThumbnailService thumbnails) {
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
            // A change listener, not an invalidation one: those go quiet until the value is read again.
            sceneProperty().addListener((o, was, now) -> askOrStop());
            // On the press, as the tree's cells do: thumbnails arriving during a scan lay the grid out anew.
            setOnMousePressed(e -> {
                if (e.getButton() == MouseButton.PRIMARY && getItem() != null) {
                    grid.requestFocus();
                    model.open(getItem());
                }
            });
        }

        void showSelection() {
            pseudoClassStateChanged(SELECTED, getItem() != null
                    && getItem() == model.selectedInstanceProperty().get());
        }

        @Override
        protected void updateItem(InstanceEntry item, boolean empty) {
            super.updateItem(item, empty);
            showSelection();
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
                caption.setText(BrowserLabels.instance(item));
                show(null);
            }
            askOrStop();
        }

        private void askOrStop() {
            if (getScene() == null) {
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
