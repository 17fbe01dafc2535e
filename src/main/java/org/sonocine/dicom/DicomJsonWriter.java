package org.sonocine.dicom;

import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.util.Base64;
import java.util.Optional;

/**
 * Writes a data set in the DICOM JSON Model (PS3.18 Annex F): one object keyed by "ggggeeee", each with "vr" and
 * "Value", "InlineBinary" or "BulkDataURI". Group lengths are left out, as the model asks; values left in the
 * file (Pixel Data, large bulk data) become a BulkDataURI naming the file, offset and length.
 */
public final class DicomJsonWriter {
    private static final java.util.regex.Pattern JSON_NUMBER =
            java.util.regex.Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");

    private final JsonGenerator json;
    private final String fileUri;

    /** {@code fileUri} names the file for BulkDataURIs; null to leave such values out. */
    public DicomJsonWriter(JsonGenerator json, String fileUri) {
        this.json = json;
        this.fileUri = fileUri;
    }

    /** Writes the elements of {@code first} and then of {@code second} (e.g. File Meta then data set) as one object. */
    public void write(Attributes first, Attributes second) throws IOException {
        json.writeStartObject();
        writeFields(first);
        if (second != null) {
            writeFields(second);
        }
        json.writeEndObject();
    }

    public void write(Attributes attributes) throws IOException {
        write(attributes, null);
    }

    private void writeFields(Attributes ds) throws IOException {
        for (int i = 0; i < ds.size(); i++) {
            int tag = ds.tagAt(i);
            if (Tags.isGroupLength(tag)) {
                continue;
            }
            Object value = ds.valueAt(i);
            Optional<String> bulk = bulkDataUri(value);
            if (!(value instanceof byte[]) && !(value instanceof Sequence) && !(value instanceof Fragments)
                    && bulk.isEmpty()) {
                continue;
            }
            json.writeFieldName(Tags.toHex(tag));
            json.writeStartObject();
            VR vr = ds.vrAt(i);
            json.writeStringField("vr", vr.name());
            if (bulk.isPresent()) {
                json.writeStringField("BulkDataURI", bulk.get());
            } else if (value instanceof Sequence seq) {
                writeSequence(seq);
            } else if (value instanceof Fragments fragments) {
                writeInline(concat(fragments));
            } else {
                writeValue(ds, tag, vr, (byte[]) value);
            }
            json.writeEndObject();
        }
    }

    private void writeSequence(Sequence seq) throws IOException {
        if (seq.isEmpty()) {
            return;
        }
        json.writeArrayFieldStart("Value");
        for (Attributes item : seq) {
            json.writeStartObject();
            writeFields(item);
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    private void writeValue(Attributes ds, int tag, VR vr, byte[] bytes) throws IOException {
        if (bytes.length == 0) {
            return;
        }
        switch (vr.kind()) {
            case BULK -> writeInline(littleEndian(vr, bytes, ds.bigEndian()));
            case BINARY, TAG -> writeNumbers(ds, tag, vr);
            default -> writeStrings(ds, tag, vr);
        }
    }

    private void writeStrings(Attributes ds, int tag, VR vr) throws IOException {
        String[] values = vr == VR.PN ? personNameValues(ds, tag) : ds.getStrings(tag);
        if (values.length == 0) {
            return;
        }
        json.writeArrayFieldStart("Value");
        for (String v : values) {
            if (vr == VR.PN) {
                writePersonName(v);
            } else if (v.isEmpty()) {
                json.writeNull();
            } else if (vr == VR.IS || vr == VR.DS) {
                writeNumberText(v);
            } else {
                json.writeString(v);
            }
        }
        json.writeEndArray();
    }

    private static String[] personNameValues(Attributes ds, int tag) {
        String raw = ds.getRawString(tag);
        return raw == null || raw.isEmpty() ? new String[0] : raw.split("\\\\", -1);
    }

    private void writePersonName(String value) throws IOException {
        json.writeStartObject();
        String[] groups = value.split("=", -1);
        String[] names = {"Alphabetic", "Ideographic", "Phonetic"};
        for (int g = 0; g < Math.min(3, groups.length); g++) {
            String trimmed = groups[g].trim();
            if (!trimmed.isEmpty()) {
                json.writeStringField(names[g], trimmed);
            }
        }
        json.writeEndObject();
    }

    /** DS and IS are JSON numbers: kept as written when that is valid JSON, otherwise normalised. */
    private void writeNumberText(String v) throws IOException {
        if (JSON_NUMBER.matcher(v).matches()) {
            json.writeNumber(v);
            return;
        }
        try {
            double d = Values.parseDecimal(v);
            if (Double.isFinite(d)) {
                json.writeNumber(d);
            } else {
                json.writeString(v);
            }
        } catch (NumberFormatException e) {
            json.writeString(v);
        }
    }

    private void writeNumbers(Attributes ds, int tag, VR vr) throws IOException {
        int n = ds.valueCount(tag);
        json.writeArrayFieldStart("Value");
        for (int k = 0; k < n; k++) {
            switch (vr) {
                case FL, FD -> {
                    double d = ds.getDouble(tag, k);
                    if (Double.isFinite(d)) {
                        json.writeNumber(vr == VR.FL ? Double.parseDouble(Float.toString((float) d)) : d);
                    } else {
                        json.writeString(Double.toString(d));
                    }
                }
                case AT -> json.writeString(Tags.toHex((int) ds.getLong(tag, k, 0)));
                case UV -> json.writeNumber(new java.math.BigInteger(Long.toUnsignedString(ds.getLong(tag, k, 0))));
                default -> json.writeNumber(ds.getLong(tag, k, 0));
            }
        }
        json.writeEndArray();
    }

    private void writeInline(byte[] bytes) throws IOException {
        json.writeStringField("InlineBinary", Base64.getEncoder().encodeToString(bytes));
    }

    /** The JSON model's InlineBinary is little endian. */
    private static byte[] littleEndian(VR vr, byte[] bytes, boolean bigEndian) {
        if (!bigEndian || vr.swapUnit() == 1) {
            return bytes;
        }
        byte[] copy = bytes.clone();
        Bytes.swap(copy, 0, copy.length, vr.swapUnit());
        return copy;
    }

    private static byte[] concat(Fragments fragments) {
        int total = 0;
        for (byte[] f : fragments) {
            total += f.length;
        }
        byte[] out = new byte[total];
        int o = 0;
        for (byte[] f : fragments) {
            System.arraycopy(f, 0, out, o, f.length);
            o += f.length;
        }
        return out;
    }

    private Optional<String> bulkDataUri(Object value) {
        if (fileUri == null) {
            return Optional.empty();
        }
        if (value instanceof BulkData b) {
            return Optional.of(fileUri + "?offset=" + b.offset() + "&length=" + b.length());
        }
        if (value instanceof NativePixelData n) {
            return Optional.of(fileUri + "?offset=" + n.data().offset() + "&length=" + n.data().length());
        }
        if (value instanceof EncapsulatedPixelData e && !e.fragments().isEmpty()) {
            StringBuilder offsets = new StringBuilder();
            StringBuilder lengths = new StringBuilder();
            for (Fragment f : e.fragments()) {
                offsets.append(offsets.length() == 0 ? "" : ",").append(f.offset());
                lengths.append(lengths.length() == 0 ? "" : ",").append(f.length());
            }
            return Optional.of(fileUri + "?offsets=" + offsets + "&lengths=" + lengths);
        }
        return Optional.empty();
    }
}
