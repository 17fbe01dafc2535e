package org.sonocine.imaging.jpeg2000;

/** Bytes {@code from} to {@code to} − 1 of {@code bytes}: a tile's coded data or packed packet headers. */
record ByteSpan(byte[] bytes, int from, int to) {
    static final ByteSpan EMPTY = new ByteSpan(new byte[0], 0, 0);

    int length() {
        return to - from;
    }

    /** The spans one after another: the spans themselves when there is one, else a copy. */
    static ByteSpan join(java.util.List<ByteSpan> spans) {
        if (spans.isEmpty()) {
            return EMPTY;
        }
        if (spans.size() == 1) {
            return spans.get(0);
        }
        long total = 0;
        for (ByteSpan s : spans) {
            total += s.length();
        }
        byte[] all = new byte[(int) total];
        int at = 0;
        for (ByteSpan s : spans) {
            System.arraycopy(s.bytes, s.from, all, at, s.length());
            at += s.length();
        }
        return new ByteSpan(all, 0, all.length);
    }
}
