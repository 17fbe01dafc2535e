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

    private void print(Attributes ds, int depth) {
        String indent = "  ".repeat(depth);
        for (int i = 0; i < ds.size(); i++) {
            int tag = ds.tagAt(i);
            VR vr = ds.vrAt(i);
            Object value = ds.valueAt(i);
            String keyword = keyword(ds, tag);
            if (value instanceof Sequence seq) {
                line(indent, tag, vr, "(Sequence #=" + seq.size() + ")", "", seq.size(), keyword);
                for (int k = 0; k < seq.size(); k++) {
                    out.accept(indent + "  (FFFE,E000) na (Item #=" + seq.get(k).size() + ")"
                            + "  # item " + (k + 1));
                    print(seq.get(k), depth + 2);
                }
            } else if (value instanceof byte[] b) {
                String text = valueText(ds, tag, vr, b);
                line(indent, tag, vr, text, Integer.toString(b.length), ds.valueCount(tag), keyword);
            } else if (value instanceof NativePixelData n) {
                line(indent, tag, vr, "(not loaded: " + n.data().length() + " bytes at byte " + n.data().offset()
                        + (n.data().isTruncated() ? ", only " + n.data().available() + " in the file" : "") + ")",
                        Long.toString(n.data().length()), 1, keyword);
            } else if (value instanceof EncapsulatedPixelData e) {
                String text = e.scanned() ? "(PixelSequence: " + e.fragments().size() + " fragments, offset table "
                        + e.basicOffsetTable().length + " entries" + (e.complete() ? "" : ", incomplete") + ")"
                        : "(PixelSequence, not read)";
                line(indent, tag, vr, text, "u/l", 1, keyword);
            } else if (value instanceof BulkData bulk) {
                line(indent, tag, vr, "(not loaded: " + bulk.length() + " bytes at byte " + bulk.offset() + ")",
                        Long.toString(bulk.length()), 1, keyword);
            } else if (value instanceof Fragments f) {
                line(indent, tag, vr, "(PixelSequence: " + f.size() + " fragments)", "u/l", 1, keyword);
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
        String clean = text.replace('\r', ' ').replace('\n', ' ');
        return maxValueChars > 0 && clean.length() > maxValueChars ? clean.substring(0, maxValueChars) + "..."
                : clean;
    }

    private void line(String indent, int tag, VR vr, String value, String length, int vm, String keyword) {
        String left = indent + Tags.toString(tag) + " " + vr + " " + value;
        int pad = Math.max(1, 56 - left.length());
        out.accept(left + " ".repeat(pad) + "# " + length + ", " + vm + " " + keyword);
    }
}
