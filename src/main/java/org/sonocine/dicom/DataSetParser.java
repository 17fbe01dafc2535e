package org.sonocine.dicom;

import java.io.EOFException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses the elements of a data set from a {@link DicomInput} into {@link Attributes}: explicit or implicit VR,
 * either byte order, sequences and items of defined and undefined length, UN of undefined length as an
 * implicit little-endian sequence. Stops at the top-level Pixel Data and records where it lies.
 *
 * <p>Strict where the stream would otherwise be misread (lengths beyond the end, nesting beyond the limit),
 * tolerant of what real files get wrong (invalid VR codes, items outside their sequence, stray delimiters); each
 * tolerance leaves a warning.
 *
 * <p>Top-level elements the options do not keep are read as all others are, their content included, and left out:
 * their values are stepped over and the content of a left-out sequence goes into no data set ({@code null} where a
 * data set is expected below).
 */
final class DataSetParser {
    private static final int UNDEFINED = -1;
    /** In place of a sequence's tag: an item met where an element belongs. No tag is this long. */
    private static final long OUTSIDE_SEQUENCE = -1L << 32;

    /** Explicit-VR streams rarely need the dictionary: it is loaded only when a VR must be looked up. */
    private static ElementDictionary dictionary() {
        return ElementDictionary.standard();
    }

    private final DicomInput in;
    private final ReadOptions options;
    private final List<String> warnings;
    private final boolean seekable;
    private final KeptElements kept;
    private boolean explicitVR;
    /** Whether a top-level element was read and left out, so that the data set as read is not empty. */
    private boolean leftOut;

    DataSetParser(DicomInput in, boolean explicitVR, ReadOptions options, List<String> warnings, boolean seekable) {
        this.in = in;
        this.explicitVR = explicitVR;
        this.options = options;
        this.warnings = warnings;
        this.seekable = seekable;
        this.kept = options.kept();
    }

    boolean explicitVR() {
        return explicitVR;
    }

    /** Whether a top-level element was read but not kept: the data set holds fewer elements than were read. */
    boolean leftOut() {
        return leftOut;
    }

    /** Reads the top-level data set until the end of input or Pixel Data. */
    void readTopLevel(Attributes dataset) throws IOException {
        readItemContent(dataset, UNDEFINED, 0);
    }

    /** Reads elements until {@code end} (or an Item Delimitation Item when {@code end} is undefined). */
    private void readItemContent(Attributes ds, long end, int depth) throws IOException {
        int lastTag = -1;
        while (true) {
            if (end != UNDEFINED && in.position() >= end) {
                if (in.position() > end) {
                    throw new DicomException("an element ends " + (in.position() - end)
                            + " bytes beyond the end of its item at byte " + end);
                }
                return;
            }
            if (!in.request(1)) {
                if (depth == 0 && end == UNDEFINED) {
                    return;
                }
                throw new EOFException("the data ends inside a sequence item (nesting level " + depth + ")");
            }
            long elementStart = in.position();
            if (!in.request(8)) {
                throw new EOFException("the data ends inside an element header at byte " + elementStart);
            }
            int tag = in.tag();
            if (tag == Tags.ITEM_DELIMITATION) {
                in.i32();
                if (depth > 0 && end == UNDEFINED) {
                    return;
                }
                warnings.add("stray Item Delimitation Item at byte " + elementStart + " ignored");
                continue;
            }
            if (tag == Tags.SEQUENCE_DELIMITATION) {
                in.i32();
                warnings.add("stray Sequence Delimitation Item at byte " + elementStart + " ignored");
                continue;
            }
            if (tag == Tags.ITEM) {
                readOrphanItem(ds, lastTag, elementStart, depth);
                continue;
            }
            VR vr;
            long length;
            if (explicitVR) {
                int code = in.vrCode();
                vr = VR.ofCode(code);
                if (vr == null) {
                    // Some writers switch to implicit VR mid-stream; read this element as implicit.
                    in.unread(2);
                    vr = implicitVR(tag, ds);
                    length = in.i32() & 0xFFFFFFFFL;
                    warnings.add("element " + Tags.toString(tag) + " at byte " + elementStart
                            + " has no valid VR; read as implicit VR " + vr);
                } else if (vr.hasLongHeader()) {
                    in.u16();
                    length = in.i32() & 0xFFFFFFFFL;
                } else {
                    length = in.u16();
                }
            } else {
                vr = implicitVR(tag, ds);
                length = in.i32() & 0xFFFFFFFFL;
            }
            boolean undefined = length == 0xFFFFFFFFL;
            if (tag == Tag.PixelData && depth == 0) {
                readPixelData(ds, vr, undefined ? UNDEFINED : length, elementStart);
                return;
            }
            readValue(ds, tag, vr, undefined ? UNDEFINED : length, depth, elementStart);
            lastTag = tag;
        }
    }

    private VR implicitVR(int tag, Attributes ds) {
        VR vr = dictionary().vrOf(tag);
        if (vr == VR.OB && dictionary().lookup(tag).map(e -> e.vrs().contains(VR.OW)).orElse(false)) {
            // PS3.5 A.1: "OB or OW" data (Pixel Data, overlays, LUTs) is OW in implicit VR.
            return VR.OW;
        }
        if (vr == VR.US) {
            // "US or SS" elements follow Pixel Representation.
            var entry = dictionary().lookup(tag);
            // a value left out (no data set) is stepped over alike as US or SS
            if (entry.isPresent() && entry.get().vrs().contains(VR.SS) && ds != null
                    && ds.getInt(Tag.PixelRepresentation, 0) == 1) {
                return VR.SS;
            }
        }
        return vr;
    }

    private void readValue(Attributes within, int tag, VR vr, long length, int depth, long elementStart)
            throws IOException {
        // where the value goes: nowhere when it is left out, as is whatever is nested in it
        Attributes ds = within != null && (depth > 0 || kept.keeps(tag)) ? within : null;
        if (length == UNDEFINED) {
            if (vr == VR.SQ || vr == VR.UN || (vr != VR.OB && vr != VR.OW)) {
                boolean wasExplicit = explicitVR;
                boolean wasBigEndian = in.bigEndian();
                if (vr == VR.UN) {
                    // PS3.5 6.2.2: UN of undefined length holds an implicit VR little-endian sequence.
                    explicitVR = false;
                    in.bigEndian(false);
                }
                try {
                    readSequence(ds, tag, UNDEFINED, depth);
                } finally {
                    explicitVR = wasExplicit;
                    in.bigEndian(wasBigEndian);
                }
            } else {
                store(ds, tag, vr, readFragmentsInMemory(tag, depth), depth);
            }
            return;
        }
        if (length > in.remaining()) {
            throw in.beyondEnd("element " + describe(tag) + " at byte " + elementStart + " declares "
                    + length + " bytes, but only " + in.remaining() + " remain: the file is truncated or corrupt");
        }
        if (vr == VR.SQ) {
            readSequence(ds, tag, length, depth);
            return;
        }
        if (vr == VR.UN && length > 0 && dictionary().vrOf(tag) == VR.SQ) {
            readUnknownAsSequence(ds, tag, (int) length, depth);
            return;
        }
        if (length > options.inlineLimit() && seekable) {
            long offset = in.position();
            in.skip(length);
            store(ds, tag, vr, new BulkData(offset, length, length), depth);
            return;
        }
        if (length > Integer.MAX_VALUE - 8) {
            throw new DicomException("element " + describe(tag) + " declares " + length
                    + " bytes, too many to hold in memory");
        }
        if (ds == null) {
            in.skipValue((int) length);
            store(null, tag, vr, null, depth);
            return;
        }
        byte[] value = in.readBytes((int) length);
        if (vr == VR.UN && !in.bigEndian()) {
            VR known = dictionary().vrOf(tag);
            if (known != VR.UN && known != VR.SQ) {
                vr = known;
            }
        }
        ds.set(tag, vr, value);
    }

    /** Keeps a value read in {@code ds}, or notes a top-level one left out (no {@code ds}). */
    private void store(Attributes ds, int tag, VR vr, Object value, int depth) {
        if (ds != null) {
            ds.set(tag, vr, value);
        } else if (depth == 0) {
            leftOut = true;
        }
    }

    /** A known sequence written as UN with a defined length: its content is implicit VR little endian. */
    private void readUnknownAsSequence(Attributes ds, int tag, int length, int depth) throws IOException {
        byte[] content = in.readBytes(length);
        DicomInput sub = new DicomInput(content, 0, content.length);
        DataSetParser parser = new DataSetParser(sub, false, options, warnings, false);
        try {
            parser.readSequence(ds, tag, length, depth);
        } finally {
            leftOut |= parser.leftOut;
        }
    }

    private void readSequence(Attributes ds, int tag, long length, int depth) throws IOException {
        if (depth + 1 > options.maxDepth()) {
            throw new DicomException("sequences nested deeper than " + options.maxDepth() + " levels at "
                    + describe(tag) + ": refusing to read further");
        }
        Sequence seq = null;
        if (ds != null) {
            seq = ds.newSequence(tag);
        } else if (depth == 0) {
            leftOut = true;
        }
        long end = length == UNDEFINED ? UNDEFINED : in.position() + length;
        while (end == UNDEFINED || in.position() < end) {
            long itemStart = in.position();
            if (!in.request(8)) {
                throw new EOFException("the data ends inside sequence " + describe(tag));
            }
            int itemTag = in.tag();
            long itemLength = in.i32() & 0xFFFFFFFFL;
            if (itemTag == Tags.SEQUENCE_DELIMITATION) {
                if (end != UNDEFINED) {
                    warnings.add("Sequence Delimitation Item inside defined-length sequence " + describe(tag));
                }
                return;
            }
            if (itemTag != Tags.ITEM) {
                throw new DicomException("sequence " + describe(tag) + " holds " + Tags.toString(itemTag)
                        + " at byte " + itemStart + " where an item was expected");
            }
            // Added before its content is read, so that a file cut inside the item keeps what was read of it.
            Attributes item = null;
            if (seq != null) {
                item = new Attributes(in.bigEndian(), 16);
                seq.add(item);
            }
            readItem(item, itemStart, itemLength, depth, tag);
        }
        if (in.position() > end) {
            throw new DicomException("the items of sequence " + describe(tag) + " run past its declared length");
        }
    }

    /**
     * Reads the content of an item of sequence {@code sequenceTag} (or {@link #OUTSIDE_SEQUENCE}) whose header (at
     * {@code start}) was just read, of defined or undefined length.
     */
    private void readItem(Attributes item, long start, long itemLength, int depth, long sequenceTag)
            throws IOException {
        if (item != null) {
            item.setItemPosition(start);
        }
        if (itemLength == 0xFFFFFFFFL) {
            readItemContent(item, UNDEFINED, depth + 1);
        } else {
            if (itemLength > in.remaining()) {
                // described only here: naming the sequence takes the dictionary, which a valid file may never need
                String what = sequenceTag == OUTSIDE_SEQUENCE ? "an item outside any sequence"
                        : "an item of " + describe((int) sequenceTag);
                throw in.beyondEnd(what + " at byte " + start + " declares " + itemLength + " bytes, but only "
                        + in.remaining() + " remain");
            }
            readItemContent(item, in.position() + itemLength, depth + 1);
        }
    }

    /**
     * An item where an element belongs. Real files (a known ultrasound device) drop a sequence header and leave
     * its item behind: join it to the sequence just read, or, for an ultrasound region, to Sequence of Ultrasound
     * Regions; otherwise skip it. Each case is reported.
     */
    private void readOrphanItem(Attributes ds, int lastTag, long start, int depth) throws IOException {
        long itemLength = in.i32() & 0xFFFFFFFFL;
        if (depth + 1 > options.maxDepth()) {
            throw new DicomException("items nested deeper than " + options.maxDepth() + " levels");
        }
        if (ds == null) {
            readItem(null, start, itemLength, depth, OUTSIDE_SEQUENCE);
            return;
        }
        Attributes item = new Attributes(in.bigEndian(), 16);
        readItem(item, start, itemLength, depth, OUTSIDE_SEQUENCE);
        Sequence previous = lastTag != -1 ? ds.getSequence(lastTag) : null;
        if (previous != null) {
            previous.add(item);
            warnings.add("item at byte " + start + " follows sequence " + describe(lastTag)
                    + " outside it; joined to it");
        } else if (item.contains(Tag.RegionSpatialFormat) && !ds.contains(Tag.SequenceOfUltrasoundRegions)) {
            ds.newSequence(Tag.SequenceOfUltrasoundRegions).add(item);
            warnings.add("item at byte " + start + " has no sequence header (after " + describe(lastTag)
                    + "); it holds an ultrasound region, so it was read as Sequence of Ultrasound Regions"
                    + " (0018,6011)");
        } else {
            warnings.add("item at byte " + start + " outside any sequence (after " + describe(lastTag)
                    + ") skipped");
        }
    }

    /** Encapsulated data nested in a sequence (e.g. an icon image): small, so it is loaded. */
    private Fragments readFragmentsInMemory(int tag, int depth) throws IOException {
        Fragments fragments = new Fragments();
        while (true) {
            if (!in.request(8)) {
                throw new EOFException("the data ends inside the fragments of " + describe(tag));
            }
            int itemTag = in.tag();
            long length = in.i32() & 0xFFFFFFFFL;
            if (itemTag == Tags.SEQUENCE_DELIMITATION) {
                return fragments;
            }
            if (itemTag != Tags.ITEM || length == 0xFFFFFFFFL) {
                throw new DicomException("fragments of " + describe(tag) + " hold " + Tags.toString(itemTag)
                        + " where an item was expected");
            }
            if (length > in.remaining() || length > options.inlineLimit()) {
                throw new DicomException("a fragment of " + describe(tag) + " declares " + length
                        + " bytes, more than the file holds or the reader accepts");
            }
            fragments.add(in.readBytes((int) length));
        }
    }

    private void readPixelData(Attributes ds, VR vr, long length, long elementStart) throws IOException {
        if (length != UNDEFINED) {
            long offset = in.position();
            // where the length is unknown (a header-only read of a deflated data set), the pixel data is not there
            // to be counted: what it declares stands
            long available = in.lengthKnown() ? Math.min(length, in.remaining()) : length;
            ds.set(Tag.PixelData, vr, new NativePixelData(vr, new BulkData(offset, length, available)));
            if (available < length) {
                throw new DicomException("Pixel Data (7FE0,0010) declares " + length + " bytes at byte " + offset
                        + ", but the file ends after " + available + " of them: the file is truncated");
            }
            return;
        }
        if (options.headerOnly()) {
            ds.set(Tag.PixelData, vr, EncapsulatedPixelData.notScanned());
            return;
        }
        readEncapsulated(ds, vr, elementStart);
    }

    private void readEncapsulated(Attributes ds, VR vr, long elementStart) throws IOException {
        List<Fragment> fragments = new ArrayList<>();
        long[] offsetTable = new long[0];
        long firstFragmentItem = -1;
        boolean first = true;
        try {
            while (true) {
                long itemStart = in.position();
                if (!in.request(8)) {
                    throw new DicomException("Pixel Data ends without a Sequence Delimitation Item after "
                            + fragments.size() + " fragments: the file is truncated");
                }
                int itemTag = in.tag();
                long length = in.i32() & 0xFFFFFFFFL;
                if (itemTag == Tags.SEQUENCE_DELIMITATION) {
                    ds.set(Tag.PixelData, vr, new EncapsulatedPixelData(offsetTable, List.copyOf(fragments), true,
                            true));
                    return;
                }
                if (itemTag != Tags.ITEM || length == 0xFFFFFFFFL) {
                    throw new DicomException("Pixel Data holds " + Tags.toString(itemTag) + " at byte " + itemStart
                            + " where a fragment item was expected");
                }
                if (first) {
                    first = false;
                    offsetTable = readOffsetTable(length);
                    continue;
                }
                if (firstFragmentItem < 0) {
                    firstFragmentItem = itemStart;
                }
                if (fragments.size() >= options.maxFragments()) {
                    throw new DicomException("Pixel Data has more than " + options.maxFragments()
                            + " fragments: refusing to read further");
                }
                long offset = in.position();
                int head = in.request(4) && length >= 4
                        ? (in.peek(0) << 24) | (in.peek(1) << 16) | (in.peek(2) << 8) | in.peek(3) : -1;
                long available = Math.min(length, in.remaining());
                fragments.add(new Fragment(offset, length, itemStart - firstFragmentItem, head));
                if (available < length) {
                    throw new DicomException("Pixel Data fragment " + fragments.size() + " declares " + length
                            + " bytes, but the file ends after " + available + " of them: the file is truncated");
                }
                in.skip(length);
            }
        } catch (DicomException | EOFException e) {
            ds.set(Tag.PixelData, vr, new EncapsulatedPixelData(offsetTable, List.copyOf(fragments), false, true));
            throw e;
        }
    }

    private long[] readOffsetTable(long length) throws IOException {
        if (length > in.remaining() || length % 4 != 0 || length > (long) options.maxFragments() * 4) {
            throw new DicomException("the Basic Offset Table declares " + length
                    + " bytes, which the file cannot hold as offsets");
        }
        byte[] b = in.readBytes((int) length);
        long[] table = new long[b.length / 4];
        for (int i = 0; i < table.length; i++) {
            table[i] = Bytes.int32(b, 4 * i, false) & 0xFFFFFFFFL;
        }
        return table;
    }

    private static String describe(int tag) {
        if (tag == -1) {
            return "the start";
        }
        String keyword = dictionary().keywordOf(tag);
        return keyword.isEmpty() ? Tags.toString(tag) : Tags.toString(tag) + " " + keyword;
    }
}
