package org.sonocine.dicom;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;

/**
 * Encapsulated pixel data held in memory, as the writer takes it: the Basic Offset Table item first (may be
 * empty), then one byte array per fragment.
 */
public final class Fragments extends AbstractList<byte[]> {
    private final List<byte[]> items = new ArrayList<>();

    @Override
    public boolean add(byte[] fragment) {
        return items.add(fragment);
    }

    @Override
    public byte[] get(int index) {
        return items.get(index);
    }

    @Override
    public int size() {
        return items.size();
    }
}
