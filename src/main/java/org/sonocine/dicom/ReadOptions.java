package org.sonocine.dicom;

/**
 * What the reader loads and the limits that protect it from hostile input.
 *
 * @param headerOnly     stop at Pixel Data without walking its fragments (folder scans)
 * @param inlineLimit    values longer than this stay in the file as {@link BulkData} instead of being loaded
 * @param maxDepth       deepest nesting of sequences accepted
 * @param maxInflated    most bytes a deflated data set may inflate to
 * @param maxFragments   most pixel-data fragments accepted
 * @param kept           the top-level elements held once read; the others are read past all the same, so that a
 *                       file's defects are found and reported as they are when all are kept (warnings about what is
 *                       not kept may be fewer)
 */
public record ReadOptions(boolean headerOnly, int inlineLimit, int maxDepth, long maxInflated, int maxFragments,
                          KeptElements kept) {

    public static final ReadOptions DEFAULT = new ReadOptions(false, 16 << 20, 64, 1L << 30, 4_000_000);

    /** For folder scans: everything before Pixel Data, nothing of it. */
    public static final ReadOptions HEADER_ONLY = DEFAULT.withHeaderOnly(true);

    /** Options that keep every element. */
    public ReadOptions(boolean headerOnly, int inlineLimit, int maxDepth, long maxInflated, int maxFragments) {
        this(headerOnly, inlineLimit, maxDepth, maxInflated, maxFragments, KeptElements.ALL);
    }

    public ReadOptions withHeaderOnly(boolean value) {
        return new ReadOptions(value, inlineLimit, maxDepth, maxInflated, maxFragments, kept);
    }

    public ReadOptions withMaxInflated(long value) {
        return new ReadOptions(headerOnly, inlineLimit, maxDepth, value, maxFragments, kept);
    }

    public ReadOptions withKept(KeptElements value) {
        return new ReadOptions(headerOnly, inlineLimit, maxDepth, maxInflated, maxFragments, value);
    }
}
