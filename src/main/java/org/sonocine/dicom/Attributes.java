package org.sonocine.dicom;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Optional;

/**
 * A data set: elements kept sorted by tag in parallel arrays, values kept as the bytes that were read (in this
 * data set's byte order) and decoded when asked for. A value is a {@code byte[]}, a {@link Sequence}, a
 * {@link Fragments} list, a {@link BulkData} left in the file, or the {@link PixelData} location.
 */
public final class Attributes {
    private int[] tags;
    private VR[] vrs;
    private Object[] values;
    /** Decoded string values, filled on first use; null until one is asked for. */
    private String[][] decoded;
    private int size;
    private final boolean bigEndian;
    private Attributes parent;
    private SpecificCharacterSet characterSet;
    private long itemPosition = -1;

    public Attributes() {
        this(false, 32);
    }

    public Attributes(boolean bigEndian, int initialCapacity) {
        this.bigEndian = bigEndian;
        int capacity = Math.max(4, initialCapacity);
        this.tags = new int[capacity];
        this.vrs = new VR[capacity];
        this.values = new Object[capacity];
    }

    public boolean bigEndian() {
        return bigEndian;
    }

    /** The data set holding the sequence this one is an item of; null at the top level. */
    public Attributes parent() {
        return parent;
    }

    void setParent(Attributes parent) {
        this.parent = parent;
        this.characterSet = null;
    }

    /** Position of this item's header in the stream it was read from (DICOMDIR records refer to it); -1 if none. */
    public long itemPosition() {
        return itemPosition;
    }

    void setItemPosition(long position) {
        this.itemPosition = position;
    }

    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    public int tagAt(int index) {
        return tags[index];
    }

    public VR vrAt(int index) {
        return vrs[index];
    }

    public Object valueAt(int index) {
        return values[index];
    }

    private int indexOf(int tag) {
        // Unsigned order: group FFFE and above sort last, as in a stream.
        int lo = 0;
        int hi = size - 1;
        long key = tag & 0xFFFFFFFFL;
        if (size > 0 && (tags[hi] & 0xFFFFFFFFL) == key) {
            return hi;
        }
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            long midKey = tags[mid] & 0xFFFFFFFFL;
            if (midKey < key) {
                lo = mid + 1;
            } else if (midKey > key) {
                hi = mid - 1;
            } else {
                return mid;
            }
        }
        return -(lo + 1);
    }

    public boolean contains(int tag) {
        return indexOf(tag) >= 0;
    }

    /** Sets a value, replacing any earlier one for the same tag. Appending in tag order costs O(1). */
    public void set(int tag, VR vr, Object value) {
        int i;
        if (size == 0 || (tags[size - 1] & 0xFFFFFFFFL) < (tag & 0xFFFFFFFFL)) {
            i = size;
        } else {
            i = indexOf(tag);
            if (i >= 0) {
                vrs[i] = vr;
                values[i] = value;
                if (decoded != null) {
                    decoded[i] = null;
                }
                if (tag == Tag.SpecificCharacterSet) {
                    characterSet = null;
                }
                return;
            }
            i = -i - 1;
        }
        if (size == tags.length) {
            int capacity = size * 2;
            tags = Arrays.copyOf(tags, capacity);
            vrs = Arrays.copyOf(vrs, capacity);
            values = Arrays.copyOf(values, capacity);
            if (decoded != null) {
                decoded = Arrays.copyOf(decoded, capacity);
            }
        }
        int tail = size - i;
        if (tail > 0) {
            System.arraycopy(tags, i, tags, i + 1, tail);
            System.arraycopy(vrs, i, vrs, i + 1, tail);
            System.arraycopy(values, i, values, i + 1, tail);
            if (decoded != null) {
                System.arraycopy(decoded, i, decoded, i + 1, tail);
            }
        }
        tags[i] = tag;
        vrs[i] = vr;
        values[i] = value;
        if (decoded != null) {
            decoded[i] = null;
        }
        size++;
        if (tag == Tag.SpecificCharacterSet) {
            characterSet = null;
        }
    }

    public boolean remove(int tag) {
        int i = indexOf(tag);
        if (i < 0) {
            return false;
        }
        int tail = size - i - 1;
        System.arraycopy(tags, i + 1, tags, i, tail);
        System.arraycopy(vrs, i + 1, vrs, i, tail);
        System.arraycopy(values, i + 1, values, i, tail);
        if (decoded != null) {
            System.arraycopy(decoded, i + 1, decoded, i, tail);
        }
        size--;
        values[size] = null;
        return true;
    }

    /** Sets string values, encoded with this data set's character set. */
    public void setString(int tag, VR vr, String... strings) {
        String joined = String.join(vr.kind() == VR.Kind.TEXT_SINGLE || vr == VR.UR ? "" : "\\", strings);
        byte[] bytes = vr.usesCharacterSet() ? specificCharacterSet().encode(joined)
                : joined.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        set(tag, vr, bytes);
    }

    /** Sets integer values of a binary VR (US, SS, UL, SL, AT, OW, ...) in this data set's byte order. */
    public void setInt(int tag, VR vr, int... ints) {
        int unit = vr == VR.AT ? 4 : vr.bytesPerValue();
        byte[] b = new byte[ints.length * unit];
        for (int i = 0; i < ints.length; i++) {
            switch (unit) {
                case 2 -> Bytes.putInt16(b, 2 * i, ints[i], bigEndian);
                case 4 -> {
                    if (vr == VR.AT) {
                        Bytes.putInt16(b, 4 * i, ints[i] >>> 16, bigEndian);
                        Bytes.putInt16(b, 4 * i + 2, ints[i], bigEndian);
                    } else if (vr == VR.FL || vr == VR.OF) {
                        Bytes.putInt32(b, 4 * i, Float.floatToIntBits(ints[i]), bigEndian);
                    } else {
                        Bytes.putInt32(b, 4 * i, ints[i], bigEndian);
                    }
                }
                case 8 -> {
                    if (vr == VR.FD || vr == VR.OD) {
                        Bytes.putInt64(b, 8 * i, Double.doubleToLongBits(ints[i]), bigEndian);
                    } else {
                        Bytes.putInt64(b, 8 * i, ints[i], bigEndian);
                    }
                }
                default -> b[i] = (byte) ints[i];
            }
        }
        set(tag, vr, b);
    }

    /** Sets FL/FD (or OF/OD) values. */
    public void setDouble(int tag, VR vr, double... doubles) {
        boolean single = vr == VR.FL || vr == VR.OF;
        byte[] b = new byte[doubles.length * (single ? 4 : 8)];
        for (int i = 0; i < doubles.length; i++) {
            if (single) {
                Bytes.putInt32(b, 4 * i, Float.floatToIntBits((float) doubles[i]), bigEndian);
            } else {
                Bytes.putInt64(b, 8 * i, Double.doubleToLongBits(doubles[i]), bigEndian);
            }
        }
        set(tag, vr, b);
    }

    public void setBytes(int tag, VR vr, byte[] bytes) {
        set(tag, vr, bytes);
    }

    /** Adds an empty sequence (replacing any value) and returns it. */
    public Sequence newSequence(int tag) {
        Sequence seq = new Sequence(this, 2);
        set(tag, VR.SQ, seq);
        return seq;
    }

    public VR getVR(int tag) {
        int i = indexOf(tag);
        return i >= 0 ? vrs[i] : null;
    }

    public Object getValue(int tag) {
        int i = indexOf(tag);
        return i >= 0 ? values[i] : null;
    }

    /** The raw value bytes, or null when absent or not held as bytes (sequences, bulk data). */
    public byte[] getBytes(int tag) {
        Object v = getValue(tag);
        return v instanceof byte[] b ? b : null;
    }

    public Sequence getSequence(int tag) {
        Object v = getValue(tag);
        return v instanceof Sequence s ? s : null;
    }

    /** The character set of this data set's text: its own (0008,0005), else its parent's. */
    public SpecificCharacterSet specificCharacterSet() {
        SpecificCharacterSet cs = characterSet;
        if (cs == null) {
            byte[] declared = getBytes(Tag.SpecificCharacterSet);
            if (declared != null) {
                cs = SpecificCharacterSet.of(Values.strings(VR.CS, declared, false, SpecificCharacterSet.DEFAULT));
            } else {
                cs = parent != null ? parent.specificCharacterSet() : SpecificCharacterSet.DEFAULT;
            }
            characterSet = cs;
        }
        return cs;
    }

    private String[] stringsAt(int i) {
        if (decoded == null) {
            decoded = new String[tags.length][];
        }
        String[] s = decoded[i];
        if (s == null) {
            Object v = values[i];
            s = v instanceof byte[] b ? Values.strings(vrs[i], b, bigEndian, specificCharacterSet()) : new String[0];
            decoded[i] = s;
        }
        return s;
    }

    /** All values as strings (numbers printed), each trimmed of padding; empty when absent or empty. */
    public String[] getStrings(int tag) {
        int i = indexOf(tag);
        return i >= 0 ? stringsAt(i).clone() : new String[0];
    }

    /** The first value, trimmed; null when absent or empty. */
    public String getString(int tag) {
        int i = indexOf(tag);
        if (i < 0) {
            return null;
        }
        String[] s = stringsAt(i);
        return s.length > 0 ? s[0] : null;
    }

    public String getString(int tag, String defaultValue) {
        String s = getString(tag);
        return s != null && !s.isEmpty() ? s : defaultValue;
    }

    /** The value {@code index} (0-based) as a string; null when there is no such value. */
    public String getString(int tag, int index) {
        int i = indexOf(tag);
        if (i < 0) {
            return null;
        }
        String[] s = stringsAt(i);
        return index < s.length ? s[index] : null;
    }

    /**
     * The value as the file holds it: multiple values joined by '\', only trailing padding removed, binary values
     * printed as numbers. Null when absent or not a plain value.
     */
    public String getRawString(int tag) {
        int i = indexOf(tag);
        if (i < 0 || !(values[i] instanceof byte[] b)) {
            return null;
        }
        return Values.raw(vrs[i], b, bigEndian, specificCharacterSet());
    }

    /** Number of values (VM) of the element; 0 when absent or empty. */
    public int valueCount(int tag) {
        int i = indexOf(tag);
        if (i < 0) {
            return 0;
        }
        Object v = values[i];
        if (v instanceof byte[] b) {
            return Values.count(vrs[i], b);
        }
        return v instanceof Sequence s ? s.size() : 1;
    }

    /** The first value as an int (binary VRs, IS or DS); {@code defaultValue} when absent or unreadable. */
    public int getInt(int tag, int defaultValue) {
        return getInt(tag, 0, defaultValue);
    }

    public int getInt(int tag, int index, int defaultValue) {
        long v = getLong(tag, index, Long.MIN_VALUE);
        return v == Long.MIN_VALUE || v > Integer.MAX_VALUE + 1L || v < Integer.MIN_VALUE ? defaultValue : (int) v;
    }

    public long getLong(int tag, int index, long defaultValue) {
        int i = indexOf(tag);
        if (i < 0 || !(values[i] instanceof byte[] b)) {
            return defaultValue;
        }
        VR vr = vrs[i];
        try {
            if (vr.isString()) {
                String[] s = stringsAt(i);
                if (index >= s.length || s[index].isEmpty()) {
                    return defaultValue;
                }
                double d = Values.parseDecimal(s[index]);
                return Double.isFinite(d) ? Math.round(d) : defaultValue;
            }
            if (index >= Values.count(vr, b) || vr == VR.OB || vr == VR.UN) {
                return defaultValue;
            }
            return Values.integer(vr, b, index, bigEndian);
        } catch (NumberFormatException e) {
            return defaultValue;
        }
    }

    /** All values as ints; non-numeric values are skipped. */
    public int[] getInts(int tag) {
        int n = valueCount(tag);
        int[] out = new int[n];
        int k = 0;
        for (int j = 0; j < n; j++) {
            long v = getLong(tag, j, Long.MIN_VALUE);
            if (v != Long.MIN_VALUE) {
                out[k++] = (int) v;
            }
        }
        return k == n ? out : Arrays.copyOf(out, k);
    }

    /** The value {@code index} as a double (FL, FD, DS, IS and integer VRs); NaN when absent or unreadable. */
    public double getDouble(int tag, int index) {
        int i = indexOf(tag);
        if (i < 0 || !(values[i] instanceof byte[] b)) {
            return Double.NaN;
        }
        VR vr = vrs[i];
        try {
            if (vr.isString()) {
                String[] s = stringsAt(i);
                return index < s.length && !s[index].isEmpty() ? Values.parseDecimal(s[index]) : Double.NaN;
            }
            if (index >= Values.count(vr, b) || vr == VR.OB || vr == VR.UN) {
                return Double.NaN;
            }
            return Values.real(vr, b, index, bigEndian);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    public double getDouble(int tag) {
        return getDouble(tag, 0);
    }

    /** All values as doubles; unreadable values become NaN. */
    public double[] getDoubles(int tag) {
        int n = valueCount(tag);
        double[] out = new double[n];
        for (int j = 0; j < n; j++) {
            out[j] = getDouble(tag, j);
        }
        return out;
    }

    public Optional<LocalDate> getDate(int tag) {
        return DateTimes.parseDate(getString(tag));
    }

    public Optional<LocalTime> getTime(int tag) {
        return DateTimes.parseTime(getString(tag));
    }

    /** A DT value: {@link LocalDateTime}, or {@link java.time.OffsetDateTime} when it names its UTC offset. */
    public Optional<Temporal> getDateTime(int tag) {
        return DateTimes.parseDateTime(getString(tag));
    }

    public Optional<PersonName> getPersonName(int tag) {
        String s = getRawString(tag);
        return s == null || s.isEmpty() ? Optional.empty() : Optional.of(PersonName.parse(s));
    }

    /** The Private Creator that reserved the block of {@code tag}, e.g. "GEMS_ACQU_01"; null if none. */
    public String privateCreatorOf(int tag) {
        return Tags.isPrivate(tag) && !Tags.isPrivateCreator(tag) ? getString(Tags.privateCreatorOf(tag)) : null;
    }

    /** The tag of element {@code element} (0x00-0xFF) in the block that {@code creator} reserved in group. */
    public int privateTag(String creator, int group, int element) {
        for (int block = 0x10; block <= 0xFF; block++) {
            if (creator.equals(getString(Tags.of(group, block)))) {
                return Tags.of(group, (block << 8) | (element & 0xFF));
            }
        }
        return -1;
    }

    /** The top-level Pixel Data location, if this data set has one. */
    public Optional<PixelData> pixelData() {
        return getValue(Tag.PixelData) instanceof PixelData p ? Optional.of(p) : Optional.empty();
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("Attributes[").append(size).append(" elements");
        for (int i = 0; i < Math.min(size, 8); i++) {
            b.append(", ").append(Tags.toString(tags[i])).append(' ').append(vrs[i]);
        }
        return b.append(size > 8 ? ", ...]" : "]").toString();
    }
}
