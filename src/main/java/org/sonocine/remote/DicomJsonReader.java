package org.sonocine.remote;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import org.sonocine.dicom.Attributes;
import org.sonocine.dicom.Bytes;
import org.sonocine.dicom.Sequence;
import org.sonocine.dicom.Tag;
import org.sonocine.dicom.VR;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the DICOM JSON model (PS3.18 Annex F.2) into {@link Attributes}, as the Part 10 reader would have built
 * them: strings as their bytes, numbers of binary VRs in little-endian order, IS and DS as the text the archive
 * wrote, person names from their Alphabetic, Ideographic and Phonetic groups, InlineBinary decoded, BulkDataURIs
 * noted but not fetched. JSON text is Unicode, so every data set that declares a character set is re-declared
 * as UTF-8 (ISO_IR 192), and one is declared at the top when any text is not ASCII.
 *
 * <p>Bounded: nesting depth, number of elements and inline binary size are capped, and a document beyond a cap
 * is refused with a message rather than read into memory.
 */
public final class DicomJsonReader {
    /** Caps on what one document may hold. */
    public record Limits(int maxDepth, long maxElements, int maxInlineBytes) {
        public static final Limits DEFAULT = new Limits(16, 4_000_000, 16 << 20);
    }

    private static final JsonFactory JSON = JsonFactory.builder().build();
    private static final String UTF8_CHARSET = "ISO_IR 192";

    private final Limits limits;
    private long elements;

    private DicomJsonReader(Limits limits) {
        this.limits = limits;
    }

    /** A JSON array of data sets (a QIDO-RS answer or a WADO-RS metadata answer). */
    public static List<JsonDataSet> readArray(InputStream in, Limits limits) throws RemoteException {
        DicomJsonReader reader = new DicomJsonReader(limits);
        try (JsonParser p = JSON.createParser(in)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                return List.of();
            }
            if (first != JsonToken.START_ARRAY) {
                throw malformed("expected a JSON array of data sets, found " + describe(first));
            }
            List<JsonDataSet> out = new ArrayList<>();
            JsonToken t;
            while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                if (t != JsonToken.START_OBJECT) {
                    throw malformed("expected a data set (a JSON object), found " + describe(t));
                }
                out.add(reader.readTop(p));
            }
            return out;
        } catch (StreamConstraintsException e) {
            throw new RemoteException(RemoteException.Reason.TOO_LARGE, "the archive's DICOM JSON is beyond what"
                    + " Sonocine reads: " + e.getOriginalMessage());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            // Where, not what: the parser's own words repeat whatever the archive sent.
            com.fasterxml.jackson.core.JsonLocation at = e.getLocation();
            throw malformed(at == null ? "it is not valid JSON" : "it is not valid JSON at line " + at.getLineNr()
                    + ", column " + at.getColumnNr());
        } catch (IOException e) {
            throw malformed(e.getMessage());
        }
    }

    public static List<JsonDataSet> readArray(InputStream in) throws RemoteException {
        return readArray(in, Limits.DEFAULT);
    }

    private static RemoteException malformed(String why) {
        return new RemoteException(RemoteException.Reason.MALFORMED, "the archive sent DICOM JSON that cannot be"
                + " read: " + why);
    }

    private static String describe(JsonToken t) {
        return t == null ? "the end of the document" : t.asString() != null ? "'" + t.asString() + "'"
                : t.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }

    private JsonDataSet readTop(JsonParser p) throws IOException, RemoteException {
        Map<String, String> bulk = new LinkedHashMap<>();
        List<String> warnings = new ArrayList<>();
        Attributes ds = new Attributes();
        boolean nonAscii = readObject(p, ds, "", 1, bulk, warnings);
        if (nonAscii && !ds.contains(Tag.SpecificCharacterSet)) {
            ds.setBytes(Tag.SpecificCharacterSet, VR.CS, UTF8_CHARSET.getBytes(StandardCharsets.US_ASCII));
        }
        return new JsonDataSet(ds, Map.copyOf(bulk), List.copyOf(warnings));
    }

    /** Reads the fields of a data set object (after its '{'); true when some text in it is not ASCII. */
    private boolean readObject(JsonParser p, Attributes ds, String path, int depth, Map<String, String> bulk,
                               List<String> warnings) throws IOException, RemoteException {
        if (depth > limits.maxDepth()) {
            throw new RemoteException(RemoteException.Reason.TOO_LARGE, "the archive's DICOM JSON nests sequences"
                    + " deeper than " + limits.maxDepth() + " levels");
        }
        boolean nonAscii = false;
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            int tag = parseTag(key);
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw malformed("the element " + key + " is not a JSON object");
            }
            if (++elements > limits.maxElements()) {
                throw new RemoteException(RemoteException.Reason.TOO_LARGE, "the archive's DICOM JSON holds more"
                        + " than " + limits.maxElements() + " elements");
            }
            nonAscii |= readElement(p, ds, tag, path + key, depth, bulk, warnings);
        }
        if (t != JsonToken.END_OBJECT) {
            throw malformed("expected an element key, found " + describe(t));
        }
        if (ds.contains(Tag.SpecificCharacterSet)) {
            ds.setBytes(Tag.SpecificCharacterSet, VR.CS, UTF8_CHARSET.getBytes(StandardCharsets.US_ASCII));
        }
        return nonAscii;
    }

    private static int parseTag(String key) throws RemoteException {
        if (key.length() != 8) {
            throw malformed("'" + key + "' is not a tag (8 hexadecimal digits)");
        }
        try {
            return (int) Long.parseLong(key, 16);
        } catch (NumberFormatException e) {
            throw malformed("'" + key + "' is not a tag (8 hexadecimal digits)");
        }
    }

    /**
     * One element object. The model does not fix the order of "vr" and "Value" (some archives write the value
     * first), so values are collected before they are interpreted.
     */
    private boolean readElement(JsonParser p, Attributes ds, int tag, String path, int depth, Map<String, String> bulk,
                                List<String> warnings) throws IOException, RemoteException {
        String vrName = null;
        List<Object> values = null;
        byte[] inline = null;
        String uri = null;
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken v = p.nextToken();
            switch (field) {
                case "vr" -> vrName = p.getValueAsString();
                case "Value" -> {
                    if (v != JsonToken.START_ARRAY) {
                        throw malformed("the Value of " + path + " is not an array");
                    }
                    values = readValues(p, path, depth, bulk, warnings);
                }
                case "InlineBinary" -> inline = decodeInline(p, path);
                case "BulkDataURI" -> uri = p.getValueAsString();
                default -> p.skipChildren();
            }
        }
        if (t != JsonToken.END_OBJECT) {
            throw malformed("the element " + path + " does not end where expected");
        }
        VR vr = vrOf(vrName);
        if (vr == null) {
            warnings.add("skipped " + path + ": unknown VR " + vrName);
            return false;
        }
        if (uri != null) {
            bulk.put(path, uri);
            return false;
        }
        if (inline != null) {
            ds.setBytes(tag, vr, inline);
            return false;
        }
        if (vr == VR.SQ) {
            Sequence seq = ds.newSequence(tag);
            if (values != null) {
                for (Object item : values) {
                    if (item instanceof Attributes a) {
                        seq.add(a);
                    } else if (item == EMPTY_OBJECT) {
                        seq.addItem();
                    } else if (item != NON_ASCII_ITEM_MARK) {
                        throw malformed("the sequence " + path + " holds a value that is not an item");
                    }
                }
            }
            return values != null && values.stream().anyMatch(v -> v == NON_ASCII_ITEM_MARK);
        }
        return setValues(ds, tag, vr, values == null ? List.of() : values, path);
    }

    private static VR vrOf(String name) {
        if (name == null || name.length() != 2) {
            return null;
        }
        try {
            return VR.valueOf(name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private byte[] decodeInline(JsonParser p, String path) throws IOException, RemoteException {
        String text = p.getValueAsString();
        if (text == null) {
            return new byte[0];
        }
        if (text.length() / 4L * 3 > limits.maxInlineBytes()) {
            throw new RemoteException(RemoteException.Reason.TOO_LARGE, "the InlineBinary of " + path + " is larger"
                    + " than the " + limits.maxInlineBytes() + " bytes Sonocine accepts inline");
        }
        try {
            return Base64.getMimeDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw malformed("the InlineBinary of " + path + " is not base64");
        }
    }

    /** Placeholder for "{}" in a Value array: an empty item, or an empty person name. */
    private static final Object EMPTY_OBJECT = new Object();
    /** Never stored; kept so that sequence items report non-ASCII text to their parent. */
    private static final Object NON_ASCII_ITEM_MARK = new Object();

    /** A JSON number kept as the text the archive wrote. */
    private record NumberText(String text) {
    }

    private List<Object> readValues(JsonParser p, String path, int depth, Map<String, String> bulk,
                                    List<String> warnings) throws IOException, RemoteException {
        List<Object> out = new ArrayList<>();
        boolean itemsNonAscii = false;
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t == null) {
                throw malformed("the document ends inside the Value of " + path);
            }
            switch (t) {
                case VALUE_NULL -> out.add(null);
                case VALUE_STRING -> out.add(p.getText());
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> out.add(new NumberText(p.getText()));
                case VALUE_TRUE, VALUE_FALSE -> throw malformed("the Value of " + path + " holds a boolean");
                case START_OBJECT -> {
                    Object o = readObjectValue(p, path + "[" + out.size() + "]", depth, bulk, warnings);
                    if (o instanceof ItemRead item) {
                        itemsNonAscii |= item.nonAscii;
                        out.add(item.attributes);
                    } else {
                        out.add(o);
                    }
                }
                default -> throw malformed("the Value of " + path + " holds " + describe(t));
            }
            if (out.size() > limits.maxElements()) {
                throw new RemoteException(RemoteException.Reason.TOO_LARGE, "the Value of " + path + " holds more"
                        + " than " + limits.maxElements() + " values");
            }
        }
        if (itemsNonAscii) {
            out.add(NON_ASCII_ITEM_MARK);
        }
        return out;
    }

    private record ItemRead(Attributes attributes, boolean nonAscii) {
    }

    /** An object inside a Value array: a sequence item (keys are tags) or a person name (keys are group names). */
    private Object readObjectValue(JsonParser p, String path, int depth, Map<String, String> bulk,
                                   List<String> warnings) throws IOException, RemoteException {
        JsonToken t = p.nextToken();
        if (t == JsonToken.END_OBJECT) {
            return EMPTY_OBJECT;
        }
        String first = p.currentName();
        if (first != null && first.length() == 8 && first.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            Attributes item = new Attributes();
            boolean nonAscii = readItemFields(p, item, path + ".", depth + 1, bulk, warnings);
            return new ItemRead(item, nonAscii);
        }
        Map<String, String> groups = new LinkedHashMap<>();
        while (t == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            if (p.currentToken().isScalarValue()) {
                groups.put(name, p.getValueAsString());
            } else {
                p.skipChildren();
            }
            t = p.nextToken();
        }
        if (t != JsonToken.END_OBJECT) {
            throw malformed("a person name in " + path + " does not end where expected");
        }
        return groups;
    }

    /** The item's first key has been read already: read its element, then the rest as a data set. */
    private boolean readItemFields(JsonParser p, Attributes item, String path, int depth, Map<String, String> bulk,
                                   List<String> warnings) throws IOException, RemoteException {
        if (depth > limits.maxDepth()) {
            throw new RemoteException(RemoteException.Reason.TOO_LARGE, "the archive's DICOM JSON nests sequences"
                    + " deeper than " + limits.maxDepth() + " levels");
        }
        String key = p.currentName();
        int tag = parseTag(key);
        if (p.nextToken() != JsonToken.START_OBJECT) {
            throw malformed("the element " + path + key + " is not a JSON object");
        }
        elements++;
        boolean nonAscii = readElement(p, item, tag, path + key, depth, bulk, warnings);
        return readObject(p, item, path, depth, bulk, warnings) | nonAscii;
    }

    /** Sets the values of a non-sequence element; true when its text is not ASCII. */
    private static boolean setValues(Attributes ds, int tag, VR vr, List<Object> values, String path)
            throws RemoteException {
        switch (vr.kind()) {
            case BINARY -> ds.setBytes(tag, vr, binary(vr, values, path));
            case TAG -> ds.setBytes(tag, vr, tags(values, path));
            case BULK -> {
                if (!values.isEmpty()) {
                    throw malformed("the element " + path + " (" + vr + ") has a Value; its bytes belong in"
                            + " InlineBinary");
                }
                ds.setBytes(tag, vr, new byte[0]);
            }
            default -> {
                String text = vr == VR.PN ? personNames(values, path) : strings(vr, values, path);
                byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
                ds.setBytes(tag, vr, bytes);
                return bytes.length != text.length();
            }
        }
        return false;
    }

    private static String strings(VR vr, List<Object> values, String path) throws RemoteException {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            Object v = values.get(i);
            if (i > 0) {
                b.append('\\');
            }
            if (v instanceof String s) {
                b.append(s);
            } else if (v instanceof NumberText n) {
                b.append(n.text());
            } else if (v != null) {
                throw malformed("the element " + path + " (" + vr + ") holds a value that is not text");
            }
        }
        return b.toString();
    }

    private static String personNames(List<Object> values, String path) throws RemoteException {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            Object v = values.get(i);
            if (i > 0) {
                b.append('\\');
            }
            if (v instanceof Map<?, ?> groups) {
                String[] parts = {text(groups.get("Alphabetic")), text(groups.get("Ideographic")),
                    text(groups.get("Phonetic"))};
                int last = parts[2].isEmpty() ? parts[1].isEmpty() ? 0 : 1 : 2;
                for (int g = 0; g <= last; g++) {
                    b.append(g > 0 ? "=" : "").append(parts[g]);
                }
            } else if (v instanceof String s) {
                // Some archives write a plain string; it is the alphabetic group.
                b.append(s);
            } else if (v != null && v != EMPTY_OBJECT) {
                throw malformed("the person name " + path + " is neither an object nor a string");
            }
        }
        return b.toString();
    }

    private static String text(Object o) {
        return o == null ? "" : o.toString();
    }

    private static byte[] binary(VR vr, List<Object> values, String path) throws RemoteException {
        int unit = vr.bytesPerValue();
        byte[] out = new byte[Math.multiplyExact(values.size(), unit)];
        for (int i = 0; i < values.size(); i++) {
            Object v = values.get(i);
            String text = v instanceof NumberText n ? n.text() : v instanceof String s ? s : null;
            if (text == null) {
                throw malformed("the element " + path + " (" + vr + ") holds a value that is not a number");
            }
            try {
                switch (vr) {
                    case FL -> Bytes.putInt32(out, 4 * i, Float.floatToIntBits(Float.parseFloat(text)), false);
                    case FD -> Bytes.putInt64(out, 8 * i, Double.doubleToLongBits(Double.parseDouble(text)), false);
                    case UV -> Bytes.putInt64(out, 8 * i, Long.parseUnsignedLong(text), false);
                    default -> {
                        long n = new java.math.BigDecimal(text).longValueExact();
                        switch (unit) {
                            case 2 -> Bytes.putInt16(out, 2 * i, (int) n, false);
                            case 4 -> Bytes.putInt32(out, 4 * i, (int) n, false);
                            default -> Bytes.putInt64(out, 8 * i, n, false);
                        }
                    }
                }
            } catch (NumberFormatException | ArithmeticException e) {
                throw malformed("the element " + path + " (" + vr + ") holds '" + text + "', not a number");
            }
        }
        return out;
    }

    private static byte[] tags(List<Object> values, String path) throws RemoteException {
        byte[] out = new byte[values.size() * 4];
        for (int i = 0; i < values.size(); i++) {
            if (!(values.get(i) instanceof String s) || s.length() != 8) {
                throw malformed("the element " + path + " (AT) holds a value that is not a tag");
            }
            int tag = parseTag(s);
            Bytes.putInt16(out, 4 * i, tag >>> 16, false);
            Bytes.putInt16(out, 4 * i + 2, tag, false);
        }
        return out;
    }
}
