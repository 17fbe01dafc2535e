package org.sonocine.ui.browser;

import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.Skin;
import javafx.scene.control.SkinBase;
import javafx.scene.control.skin.CellSkinBase;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.layout.Region;

import java.util.HashSet;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Items as a grid of equally sized cells, row after row, as wide as it is given room for; only the rows in view have
 * cells with items. A row shows the items of its place in the list as the list is now: it is filled anew whenever the
 * list changes, whenever it is given another place, and whenever it is shown, set aside or taken out of the flow (the
 * flow keeps spare rows hidden, and one for measuring; their cells hold nothing). So no cell can show an item of a
 * list shown before, and a list shown in place of another is right at once, not only once the grid is laid out again.
 */
public final class ItemGrid<T> extends Region {
    /** Room kept for the vertical scroll bar whether it shows or not, so that it does not change the columns. */
    private static final double SCROLL_BAR_ROOM = 18;

    private final ObservableList<T> items;
    private final Supplier<? extends ItemCell<T>> cellFactory;
    private final double cellWidth;
    private final double cellHeight;
    private final double spacing;
    private final VirtualFlow<Row> flow = new VirtualFlow<>();
    /** The rows in the flow: those in view, its spares, the one it measures with; not those it has dropped. */
    private final Set<Row> rows = new HashSet<>();
    private int columns = 1;

    /**
     * @param items       what to show; the grid follows its changes
     * @param cellFactory makes a cell, which the grid then gives item after item
     * @param spacing     around each cell, on every side
     */
    public ItemGrid(ObservableList<T> items, Supplier<? extends ItemCell<T>> cellFactory, double cellWidth,
                    double cellHeight, double spacing) {
        this.items = items;
        this.cellFactory = cellFactory;
        this.cellWidth = cellWidth;
        this.cellHeight = cellHeight;
        this.spacing = spacing;
        getStyleClass().add("item-grid");
        flow.setVertical(true);
        flow.setPannable(false);
        flow.setFixedCellSize(cellHeight + 2 * spacing);
        flow.setCellFactory(f -> new Row());
        getChildren().add(flow);
        items.addListener((ListChangeListener<T>) change -> refill());
        widthProperty().addListener((o, was, now) -> {
            int fit = columnsThatFit();
            if (fit != columns) {
                columns = fit;
                refill();
            }
        });
        refill();
    }

    /** Scrolls as little as it takes to show {@code item}, if it is among the items. */
    public void scrollIntoView(T item) {
        int index = items.indexOf(item);
        if (index >= 0) {
            flow.scrollTo(index / columns);
        }
    }

    private int columnsThatFit() {
        double room = getWidth() - snappedLeftInset() - snappedRightInset() - SCROLL_BAR_ROOM;
        return Math.max(1, (int) Math.floor(room / (cellWidth + 2 * spacing)));
    }

    /** Sizes the flow to the new number of rows and fills every row at once, whether the flow lays it out or not. */
    private void refill() {
        flow.setCellCount((items.size() + columns - 1) / columns);
        rows.forEach(Row::fill);
    }

    @Override
    protected void layoutChildren() {
        flow.resizeRelocate(snappedLeftInset(), snappedTopInset(),
                getWidth() - snappedLeftInset() - snappedRightInset(),
                getHeight() - snappedTopInset() - snappedBottomInset());
    }

    @Override
    protected double computePrefWidth(double height) {
        return snappedLeftInset() + SCROLL_BAR_ROOM + cellWidth + 2 * spacing + snappedRightInset();
    }

    @Override
    protected double computePrefHeight(double width) {
        return snappedTopInset() + cellHeight + 2 * spacing + snappedBottomInset();
    }

    /** A cell of the grid, given an item and its index in the list, or emptied with index -1. */
    public static class ItemCell<T> extends IndexedCell<T> {
        public ItemCell() {
            getStyleClass().add("grid-cell");
        }

        @Override
        protected Skin<?> createDefaultSkin() {
            return new CellSkinBase<>(this);
        }

        final void show(int index, T item) {
            updateIndex(index);
            updateItem(item, index < 0);
        }
    }

    /** One row of cells: those of the items at its place while it is in view; none once it is set aside. */
    private final class Row extends IndexedCell<Void> {
        private final RowSkin skin = new RowSkin(this);

        Row() {
            getStyleClass().add("grid-row");
            setSkin(skin);
            visibleProperty().addListener((o, was, now) -> fill());
            parentProperty().addListener((o, was, now) -> {
                if (now == null) {
                    rows.remove(this);
                } else {
                    rows.add(this);
                }
                fill();
            });
        }

        @Override
        protected Skin<?> createDefaultSkin() {
            return skin;
        }

        /** The flow gives a row its place even when the place stays the same, and then the row is filled anew. */
        @Override
        public void updateIndex(int index) {
            super.updateIndex(index);
            fill();
        }

        void fill() {
            int first = getIndex() * columns;
            boolean inView = getIndex() >= 0 && isVisible() && getParent() != null;
            int count = inView ? Math.max(0, Math.min(columns, items.size() - first)) : 0;
            ObservableList<Node> cells = skin.getChildren();
            while (cells.size() < count) {
                cells.add(cellFactory.get());
            }
            for (int i = 0; i < cells.size(); i++) {
                @SuppressWarnings("unchecked")
                ItemCell<T> cell = (ItemCell<T>) cells.get(i);
                if (i < count) {
                    cell.show(first + i, items.get(first + i));
                } else {
                    cell.show(-1, null);
                }
            }
            cells.remove(count, cells.size());
        }
    }

    /** Lays the cells of a row side by side, each with {@code spacing} around it. */
    private final class RowSkin extends SkinBase<Row> {
        RowSkin(Row row) {
            super(row);
        }

        @Override
        protected void layoutChildren(double x, double y, double w, double h) {
            double left = 0;
            for (Node cell : getChildren()) {
                cell.resizeRelocate(left + spacing, spacing, cellWidth, cellHeight);
                left += cellWidth + 2 * spacing;
            }
        }

        @Override
        protected double computeMinWidth(double height, double top, double right, double bottom, double left) {
            return 0;
        }

        @Override
        protected double computePrefWidth(double height, double top, double right, double bottom, double left) {
            return getChildren().size() * (cellWidth + 2 * spacing);
        }

        @Override
        protected double computePrefHeight(double width, double top, double right, double bottom, double left) {
            return cellHeight + 2 * spacing;
        }

        @Override
        protected double computeMinHeight(double width, double top, double right, double bottom, double left) {
            return computePrefHeight(width, top, right, bottom, left);
        }

        @Override
        protected double computeMaxHeight(double width, double top, double right, double bottom, double left) {
            return computePrefHeight(width, top, right, bottom, left);
        }
    }
}
