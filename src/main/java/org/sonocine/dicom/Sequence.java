package org.sonocine.dicom;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;

/** The items of a sequence (SQ) element, each a nested data set whose parent is the data set holding the SQ. */
public final class Sequence extends AbstractList<Attributes> {
    private final Attributes parent;
    private final List<Attributes> items;

    Sequence(Attributes parent, int initialCapacity) {
        this.parent = parent;
        this.items = new ArrayList<>(initialCapacity);
    }

    public Attributes parent() {
        return parent;
    }

    /** Appends a new, empty item and returns it. */
    public Attributes addItem() {
        Attributes item = new Attributes(parent.bigEndian(), 8);
        item.setParent(parent);
        items.add(item);
        return item;
    }

    @Override
    public boolean add(Attributes item) {
        item.setParent(parent);
        return items.add(item);
    }

    @Override
    public Attributes get(int index) {
        return items.get(index);
    }

    @Override
    public int size() {
        return items.size();
    }
}
