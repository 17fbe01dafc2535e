package org.sonocine.dicom;

import java.util.function.Consumer;

/**
 * Prints a data set as dcmdump does: one line per element with tag, VR, value, length, multiplicity and keyword;
 * items and their elements indented below their sequence.
 */
public final class DumpFormatter {
    private static final ElementDictionary DICTIONARY = ElementDictionary.standard();

    private final int maxValueChars;
    private final Consumer<String> out;

    /** {@code maxValueChars} caps how much of each value is printed (0 for no limit). */
    public DumpFormatter(Consumer<String> out, int maxValueChars) {
        this.out = out;
        this.maxValueChars = maxValueChars;
    }

    public void print(Attributes ds) {
        print(ds, 0);
    }

    /** The value of element {@code i} of {@code ds} as the dump shows it (without tag, VR and length). */
    public String describeValue(Attributes ds, int i) {
        int tag = ds.tagAt(i);
        VR vr = ds.vrAt(i);
        Object value = ds.valueAt(i);
        if (value instanceof Sequence seq) {
            return "(Sequence #=" + seq.size() + ")";
        }
        if (value instanceof byte[] b) {
            return valueText(ds, tag, vr, b);
        }
        if (value instanceof NativePixelData n) {
            return "(not loaded: " + n.data().length() + " bytes at byte " + n.data().offset()
                    + (n.data().isTruncated() ? ", only " + n.data().available() + " in the file" : "") + ")";
        }
        if (value instanceof EncapsulatedPixelData e) {
            return e.scanned() ? "(PixelSequence: " + e.fragments().size() + " fragments, offset table "
                    + e.basicOffsetTable().length + " entries" + (e.complete() ? "" : ", incomplete") + ")"
                    : "(PixelSequence, not read)";
        }
        if (value instanceof BulkData bulk) {
            return "(not loaded: " + bulk.length() + " bytes at byte " + bulk.offset() + ")";
        }
        if (value instanceof Fragments f) {
            return "(PixelSequence: " + f.size() + " fragments)";
        }
        return "";
    }

    private void print(Attributes ds, int depth) {
        String indent = "  ".repeat(depth);
        for (int i = 0; i < ds.size(); i++) {
            int tag = ds.tagAt(i);
            VR vr = ds.vrAt(i);
            Object value = ds.valueAt(i);
            String keyword = keyword(ds, tag);
            String length = value instanceof byte[] b ? Integer.toString(b.length)
                    : value instanceof NativePixelData n ? Long.toString(n.data().length())
                    : value instanceof BulkData bulk ? Long.toString(bulk.length())
                    : value instanceof Sequence ? "" : "u/l";
            int vm = value instanceof byte[] || value instanceof Sequence ? ds.valueCount(tag) : 1;
            line(indent, tag, vr, describeValue(ds, i), length, vm, keyword);
            if (value instanceof Sequence seq) {
                for (int k = 0; k < seq.size(); k++) {
                    out.accept(indent + "  (FFFE,E000) na (Item #=" + seq.get(k).size() + ")"
                            + "  # item " + (k + 1));
                    print(seq.get(k), depth + 2);
                }
            }
        }
    }

    private static String keyword(Attributes ds, int tag) {
        String keyword = DICTIONARY.keywordOf(tag);
        if (keyword.isEmpty() && Tags.isPrivate(tag)) {
            String creator = ds.privateCreatorOf(tag);
            return creator != null ? "Private [" + creator + "]" : "Private";
        }
        return keyword.isEmpty() ? "Unknown" : keyword;
    }

    private String valueText(Attributes ds, int tag, VR vr, byte[] b) {
        if (b.length == 0) {
            return "(no value)";
        }
        String text;
        if (vr == VR.OB || vr == VR.UN) {
            StringBuilder hex = new StringBuilder();
            int n = Math.min(b.length, maxValueChars > 0 ? maxValueChars / 3 + 1 : b.length);
            for (int k = 0; k < n; k++) {
                hex.append(k > 0 ? "\\" : "").append(String.format("%02x", b[k] & 0xFF));
            }
            text = hex.toString();
        } else {
            text = ds.getRawString(tag);
            if (vr == VR.UI) {
                String name = UidDictionary.lookup(text).map(UidDictionary.Entry::name).orElse(null);
                text = "[" + text + "]" + (name != null ? " =" + name : "");
                return cap(text);
            }
        }
        return "[" + cap(text) + "]";
    }

    private String cap(String text) {
        // The line breaks of a multi-line text (LT, ST, UT) read best as spaces; any other control is escaped.
        String clean = OneLine.of(text.replace('\r', ' ').replace('\n', ' '));
        return maxValueChars > 0 && clean.length() > maxValueChars ? clean.substring(0, maxValueChars) + "..."
                : clean;
    }

    private void line(String indent, int tag, VR vr, String value, String length, int vm, String keyword) {
        String left = indent + Tags.toString(tag) + " " + vr + " " + value;
        int pad = Math.max(1, 56 - left.length());
        out.accept(left + " ".repeat(pad) + "# " + length + ", " + vm + " " + keyword);
    }
}
