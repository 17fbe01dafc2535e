package org.sonocine.dicom;

import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * Writes data sets as Part 10 files or bare streams, in any of the native transfer syntaxes (implicit and
 * explicit VR little endian, explicit VR big endian, deflated). Values held in memory are written; values left
 * in another file ({@link BulkData}, {@link PixelData}) cannot be and are refused. Sequences and items have
 * undefined length unless {@link #definedLengths} is set; encapsulated {@link Fragments} are written as a pixel
 * sequence whose first item is the Basic Offset Table.
 */
public final class DicomWriter {
    /** Identifies files written by this implementation (a UUID-derived root, PS3.5 B.2). */
    public static final String IMPLEMENTATION_CLASS_UID = "2.25.207425836391458470453096387271618823231";
    public static final String IMPLEMENTATION_VERSION_NAME = "SONOCINE_01";

    private final TransferSyntax syntax;
    private boolean definedLengths;

    public DicomWriter(TransferSyntax syntax) {
        if (syntax.encapsulated() && !syntax.explicitVR()) {
            throw new IllegalArgumentException("encapsulated syntaxes are explicit VR");
        }
        this.syntax = syntax;
    }

    /** Writes sequences and items with explicit lengths instead of delimiters. */
    public DicomWriter definedLengths(boolean value) {
        this.definedLengths = value;
        return this;
    }

    /** Writes a Part 10 file (preamble, File Meta Information, data set) via a temporary file, then moves it. */
    public void writeFile(Path path, Attributes dataset) throws IOException {
        Path tmp = Files.createTempFile(path.toAbsolutePath().getParent(), ".sonocine-", ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                writePart10(out, dataset);
            }
            Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    public byte[] toPart10Bytes(Attributes dataset) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writePart10(out, dataset);
        return out.toByteArray();
    }

    public void writePart10(OutputStream out, Attributes dataset) throws IOException {
        out.write(new byte[128]);
        out.write(new byte[] {'D', 'I', 'C', 'M'});
        writeFileMeta(out, fileMetaFor(dataset));
        writeDataSet(out, dataset);
    }

    /** Writes a value while the file is written, so that a large one is never held whole. */
    public interface ValueWriter {
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * As {@link #writePart10(OutputStream, Attributes)}, with native Pixel Data of {@code length} bytes written by
     * {@code pixels} in its place (any Pixel Data in {@code dataset} is left out): a cine of any size is copied a
     * frame at a time. Fails when {@code pixels} writes another number of bytes. Not for deflated or big endian
     * syntaxes, where the value would have to be transformed on the way.
     */
    public void writePart10(OutputStream out, Attributes dataset, VR pixelVR, long length, ValueWriter pixels)
            throws IOException {
        if (syntax.deflated() || syntax.bigEndian() || syntax.encapsulated()) {
            throw new IllegalStateException("streamed Pixel Data is written in little endian native syntaxes only");
        }
        long padded = length + (length & 1);
        if (length < 0 || padded > 0xFFFFFFFEL) {
            throw new IOException("Pixel Data of " + length + " bytes does not fit one element (4 GiB at most)");
        }
        out.write(new byte[128]);
        out.write(new byte[] {'D', 'I', 'C', 'M'});
        writeFileMeta(out, fileMetaFor(dataset));
        Encoder encoder = new Encoder(out, syntax.explicitVR(), false);
        int i = 0;
        for (; i < dataset.size() && Integer.compareUnsigned(dataset.tagAt(i), Tag.PixelData) < 0; i++) {
            if (Tags.group(dataset.tagAt(i)) != 2) {
                encoder.element(dataset, i);
            }
        }
        encoder.header(Tag.PixelData, pixelVR, (int) padded);
        CountingOutputStream counted = new CountingOutputStream(out);
        pixels.writeTo(counted);
        if (counted.count != length) {
            throw new IOException("Pixel Data was to be " + length + " bytes, but " + counted.count
                    + " were written");
        }
        if (padded != length) {
            out.write(0);
        }
        for (; i < dataset.size(); i++) {
            if (dataset.tagAt(i) != Tag.PixelData) {
                encoder.element(dataset, i);
            }
        }
    }

    /** Counts what passes through, so that a streamed value can be held to the length announced before it. */
    private static final class CountingOutputStream extends FilterOutputStream {
        long count;

        CountingOutputStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }

    /** The File Meta Information for {@code dataset} in this writer's transfer syntax. */
    public Attributes fileMetaFor(Attributes dataset) {
        Attributes meta = new Attributes(false, 8);
        meta.setBytes(Tag.FileMetaInformationVersion, VR.OB, new byte[] {0, 1});
        meta.setString(Tag.MediaStorageSOPClassUID, VR.UI, dataset.getString(Tag.SOPClassUID, ""));
        meta.setString(Tag.MediaStorageSOPInstanceUID, VR.UI, dataset.getString(Tag.SOPInstanceUID, ""));
        meta.setString(Tag.TransferSyntaxUID, VR.UI, syntax.uid());
        meta.setString(Tag.ImplementationClassUID, VR.UI, IMPLEMENTATION_CLASS_UID);
        meta.setString(Tag.ImplementationVersionName, VR.SH, IMPLEMENTATION_VERSION_NAME);
        return meta;
    }

    private void writeFileMeta(OutputStream out, Attributes meta) throws IOException {
        ByteArrayOutputStream group = new ByteArrayOutputStream();
        Encoder encoder = new Encoder(group, true, false);
        for (int i = 0; i < meta.size(); i++) {
            if (meta.tagAt(i) != Tag.FileMetaInformationGroupLength) {
                encoder.element(meta, i);
            }
        }
        Encoder head = new Encoder(out, true, false);
        head.header(Tag.FileMetaInformationGroupLength, VR.UL, 4);
        head.u32(group.size());
        group.writeTo(out);
    }

    /** Writes the data set alone, in this writer's transfer syntax (deflated if the syntax says so). */
    public void writeDataSet(OutputStream out, Attributes dataset) throws IOException {
        if (syntax.deflated()) {
            Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
            try {
                DeflaterOutputStream z = new DeflaterOutputStream(out, deflater, 64 * 1024);
                new Encoder(z, true, false).dataSet(dataset);
                z.finish();
            } finally {
                deflater.end();
            }
            return;
        }
        new Encoder(out, syntax.explicitVR(), syntax.bigEndian()).dataSet(dataset);
    }

    public byte[] toDataSetBytes(Attributes dataset) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeDataSet(out, dataset);
        return out.toByteArray();
    }

    /** Encodes elements in one VR mode and byte order. */
    private final class Encoder {
        private final OutputStream out;
        private final boolean explicitVR;
        private final boolean bigEndian;
        private final byte[] scratch = new byte[12];

        Encoder(OutputStream out, boolean explicitVR, boolean bigEndian) {
            this.out = out;
            this.explicitVR = explicitVR;
            this.bigEndian = bigEndian;
        }

        void dataSet(Attributes ds) throws IOException {
            for (int i = 0; i < ds.size(); i++) {
                if (Tags.group(ds.tagAt(i)) != 2) {
                    element(ds, i);
                }
            }
        }

        void element(Attributes ds, int i) throws IOException {
            int tag = ds.tagAt(i);
            VR vr = ds.vrAt(i);
            Object value = ds.valueAt(i);
            if (value instanceof Sequence seq) {
                sequence(tag, seq);
            } else if (value instanceof Fragments fragments) {
                fragments(tag, vr, fragments);
            } else if (value instanceof byte[] bytes) {
                byte[] v = bytes;
                if (ds.bigEndian() != bigEndian && vr.swapUnit() > 1) {
                    v = bytes.clone();
                    Bytes.swap(v, 0, v.length, vr.swapUnit());
                }
                int padded = v.length + (v.length & 1);
                header(tag, vr, padded);
                out.write(v);
                if (padded != v.length) {
                    out.write(vr.paddingByte());
                }
            } else {
                throw new IOException("element " + Tags.toString(tag) + " is not held in memory ("
                        + value.getClass().getSimpleName() + "); copy its bytes before writing");
            }
        }

        private void sequence(int tag, Sequence seq) throws IOException {
            if (!definedLengths) {
                header(tag, VR.SQ, -1);
                for (Attributes item : seq) {
                    itemHeader(Tags.ITEM, -1);
                    dataSet(item);
                    itemHeader(Tags.ITEM_DELIMITATION, 0);
                }
                itemHeader(Tags.SEQUENCE_DELIMITATION, 0);
                return;
            }
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            Encoder inner = new Encoder(body, explicitVR, bigEndian);
            for (Attributes item : seq) {
                ByteArrayOutputStream itemBody = new ByteArrayOutputStream();
                new Encoder(itemBody, explicitVR, bigEndian).dataSet(item);
                inner.itemHeader(Tags.ITEM, itemBody.size());
                itemBody.writeTo(body);
            }
            header(tag, VR.SQ, body.size());
            body.writeTo(out);
        }

        private void fragments(int tag, VR vr, Fragments fragments) throws IOException {
            header(tag, vr, -1);
            for (byte[] f : fragments) {
                int padded = f.length + (f.length & 1);
                itemHeader(Tags.ITEM, padded);
                out.write(f);
                if (padded != f.length) {
                    out.write(0);
                }
            }
            itemHeader(Tags.SEQUENCE_DELIMITATION, 0);
        }

        void header(int tag, VR vr, int length) throws IOException {
            Bytes.putInt16(scratch, 0, tag >>> 16, bigEndian);
            Bytes.putInt16(scratch, 2, tag, bigEndian);
            if (!explicitVR) {
                Bytes.putInt32(scratch, 4, length, bigEndian);
                out.write(scratch, 0, 8);
                return;
            }
            scratch[4] = (byte) (vr.code >> 8);
            scratch[5] = (byte) vr.code;
            if (vr.hasLongHeader()) {
                scratch[6] = 0;
                scratch[7] = 0;
                Bytes.putInt32(scratch, 8, length, bigEndian);
                out.write(scratch, 0, 12);
            } else {
                if (length > 0xFFFF || length < 0) {
                    throw new IOException("element " + Tags.toString(tag) + " (" + vr + ") of " + length
                            + " bytes does not fit a 16-bit length");
                }
                Bytes.putInt16(scratch, 6, length, bigEndian);
                out.write(scratch, 0, 8);
            }
        }

        void itemHeader(int tag, int length) throws IOException {
            Bytes.putInt16(scratch, 0, tag >>> 16, bigEndian);
            Bytes.putInt16(scratch, 2, tag, bigEndian);
            Bytes.putInt32(scratch, 4, length, bigEndian);
            out.write(scratch, 0, 8);
        }

        void u32(int value) throws IOException {
            Bytes.putInt32(scratch, 0, value, bigEndian);
            out.write(scratch, 0, 4);
        }
    }
}
