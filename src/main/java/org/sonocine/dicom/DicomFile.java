package org.sonocine.dicom;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A DICOM file or bare data set, read up to its Pixel Data: the File Meta Information, the data set, where each
 * frame lies, and what was wrong with it. Pixel bytes are read only when asked for, through positional reads
 * of a read-only channel. Files are never written.
 *
 * <p>{@link #open(Path)} fails on any defect; {@link #openLenient(Path)} keeps what could be read before it and
 * reports the defect by {@link #problem()}.
 */
public final class DicomFile implements Closeable {
    private final Path path;
    private final Attributes fileMeta;
    private final Attributes dataset;
    private final TransferSyntax transferSyntax;
    private final boolean hasFileMeta;
    private final List<String> warnings;
    private final DicomException problem;
    /** The data stream when it is held in memory (deflated data sets, byte-array sources); null for files. */
    private final byte[] memory;
    private final long streamLength;
    /** A deflated data set read for its header: what follows Pixel Data's header was never inflated. */
    private final boolean headerOnlyInflated;
    private volatile FileChannel channel;
    private volatile boolean closed;
    private volatile FrameTable frameTable;
    private final int frameCount;

    private DicomFile(Path path, Attributes fileMeta, Attributes dataset, TransferSyntax transferSyntax,
                      boolean hasFileMeta, List<String> warnings, DicomException problem, byte[] memory,
                      long streamLength, boolean headerOnlyInflated) {
        this(path, fileMeta, dataset, transferSyntax, hasFileMeta, warnings, problem, memory, streamLength,
                headerOnlyInflated, -1);
    }

    private DicomFile(Path path, Attributes fileMeta, Attributes dataset, TransferSyntax transferSyntax,
                      boolean hasFileMeta, List<String> warnings, DicomException problem, byte[] memory,
                      long streamLength, boolean headerOnlyInflated, int knownFrames) {
        this.path = path;
        this.fileMeta = fileMeta;
        this.dataset = dataset;
        this.transferSyntax = transferSyntax;
        this.hasFileMeta = hasFileMeta;
        List<String> all = new ArrayList<>(warnings);
        this.frameCount = knownFrames >= 0 ? knownFrames : countFrames(dataset, streamLength, all);
        this.warnings = List.copyOf(all);
        this.problem = problem;
        this.memory = memory;
        this.streamLength = streamLength;
        this.headerOnlyInflated = headerOnlyInflated;
    }

    /** Reads a file; any defect is an exception (whose message says what and where). */
    public static DicomFile open(Path path) throws IOException {
        return requireIntact(openLenient(path, ReadOptions.DEFAULT));
    }

    public static DicomFile open(Path path, ReadOptions options) throws IOException {
        return requireIntact(openLenient(path, options));
    }

    /**
     * Reads a file, keeping what precedes a defect. Throws only when the file cannot be opened or is not DICOM
     * at all ({@link NotDicomException}).
     */
    public static DicomFile openLenient(Path path) throws IOException {
        return openLenient(path, ReadOptions.DEFAULT);
    }

    public static DicomFile openLenient(Path path, ReadOptions options) throws IOException {
        return openLenient(path, null, options);
    }

    /**
     * As {@link #openLenient(Path, ReadOptions)}, for a file whose attributes the caller has just read (a folder walk
     * has them for every file it meets): when only the header of a file found regular is read, it is read as a
     * plain stream ({@link HeaderFileStream}) with the size found; anything else, or {@code attributes} null, is
     * checked and opened as there.
     */
    public static DicomFile openLenient(Path path, BasicFileAttributes attributes, ReadOptions options)
            throws IOException {
        boolean regular = attributes != null && attributes.isRegularFile();
        HeaderFileStream header = regular && options.headerOnly() ? HeaderFileStream.openOrNull(path) : null;
        if (header != null) {
            try (header) {
                DicomInput input = DicomInput.forHeader(header, attributes.size());
                try {
                    return parse(path, input, options, null);
                } finally {
                    input.release();
                }
            } catch (IOException e) {
                throw folderOr(path, e);
            }
        }
        // Also when the walk found the file regular: what is there now may be a pipe that would block the open.
        requireRegularFile(path);
        FileChannel channel;
        try {
            channel = FileChannel.open(path, StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(path.toString(), null, "no such file");
        } catch (IOException e) {
            throw folderOr(path, e);
        }
        try (channel; InputStream stream = java.nio.channels.Channels.newInputStream(channel)) {
            long size = channel.size();
            DicomInput input = options.headerOnly() ? new DicomInput(stream, size, DicomInput.HEADER_BUFFER)
                    : new DicomInput(stream, size);
            return parse(path, input, options, null);
        } catch (IOException e) {
            throw folderOr(path, e);
        }
    }

    /** What to report when reading {@code path} failed with {@code e}: that it is a folder, if it is one. */
    private static IOException folderOr(Path path, IOException e) {
        return Files.isDirectory(path) ? new NotDicomException(path + " is a folder, not a file") : e;
    }

    /**
     * Refuses what is not a regular file before opening it: opening a named pipe waits for a writer that may
     * never come, and a device can be read for ever.
     */
    private static void requireRegularFile(Path path) throws IOException {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(path, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(path.toString(), null, "no such file");
        }
        if (attributes.isDirectory()) {
            throw new NotDicomException(path + " is a folder, not a file");
        }
        if (!attributes.isRegularFile()) {
            throw new NotDicomException(path + " is not a regular file (a named pipe, socket or device)");
        }
    }

    /**
     * A header that came without its pixel data (an archive's metadata): its {@code frames} frames, in
     * {@code syntax}, are fetched from elsewhere, so there are no bytes to read here.
     */
    public static DicomFile ofHeader(Attributes dataset, TransferSyntax syntax, int frames, List<String> warnings) {
        Attributes meta = new Attributes(false, 4);
        meta.setString(Tag.MediaStorageSOPClassUID, VR.UI, dataset.getString(Tag.SOPClassUID, ""));
        meta.setString(Tag.MediaStorageSOPInstanceUID, VR.UI, dataset.getString(Tag.SOPInstanceUID, ""));
        meta.setString(Tag.TransferSyntaxUID, VR.UI, syntax.uid());
        return new DicomFile(null, meta, dataset, syntax, false, warnings, null, new byte[0], 0, false,
                Math.max(0, frames));
    }

    /** Reads a data stream held in memory (tests, network, embedded objects). */
    public static DicomFile read(byte[] data) throws IOException {
        return requireIntact(readLenient(data, ReadOptions.DEFAULT));
    }

    public static DicomFile readLenient(byte[] data, ReadOptions options) throws IOException {
        return parse(null, new DicomInput(data, 0, data.length), options, data);
    }

    private static DicomFile requireIntact(DicomFile file) throws DicomException {
        if (file.problem != null) {
            file.closeQuietly();
            throw file.problem;
        }
        return file;
    }

    private static DicomFile parse(Path path, DicomInput in, ReadOptions options, byte[] memory) throws IOException {
        List<String> warnings = new BoundedWarnings();
        String name = path != null ? path.getFileName().toString() : "data";
        if (!in.request(1)) {
            throw new NotDicomException(name + " is empty");
        }
        Attributes meta = new Attributes(false, 16);
        boolean preamble = in.request(136) && isDicm(in, 128) && in.peek(132) == 0x02 && in.peek(133) == 0x00;
        boolean metaWithoutPreamble = !preamble && in.request(8) && in.peek(0) == 0x02 && in.peek(1) == 0x00
                && looksLikeExplicitVR(in, 0);
        if (preamble) {
            in.skip(132);
        }
        boolean hasMeta = preamble || metaWithoutPreamble;
        if (hasMeta) {
            try {
                readFileMeta(in, meta, options, warnings);
            } catch (EOFException e) {
                throw new DicomException(name + ": the file ends inside its File Meta Information");
            }
        }
        TransferSyntax ts;
        String tsUid = meta.getString(Tag.TransferSyntaxUID);
        Guess guess = guessEncoding(in, name, hasMeta);
        if (tsUid == null || tsUid.isEmpty()) {
            if (hasMeta) {
                warnings.add("File Meta Information has no Transfer Syntax UID; the encoding was guessed");
            }
            ts = guess == null ? TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN
                    : guess.explicitVR ? (guess.bigEndian ? TransferSyntax.EXPLICIT_VR_BIG_ENDIAN
                    : TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN) : TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN;
        } else {
            ts = TransferSyntax.of(tsUid);
        }
        DicomInput body = in;
        byte[] bodyMemory = memory;
        InflatingStream headerInflater = null;
        if (ts.deflated() && options.headerOnly()) {
            // the header is all that is wanted: inflate as far as Pixel Data, not the pixel data behind it
            headerInflater = new InflatingStream(in.rest(), options.maxInflated());
            body = DicomInput.upTo(headerInflater, headerInflater.most(), headerInflater::tooLarge);
            bodyMemory = null;
        } else if (ts.deflated()) {
            bodyMemory = inflate(in, options.maxInflated(), name);
            body = new DicomInput(bodyMemory, 0, bodyMemory.length);
        }
        try (InflatingStream closed = headerInflater) {
            return parseBody(path, name, meta, hasMeta, ts, body, bodyMemory, closed != null, options, warnings);
        } catch (InflatingStream.Refused e) {
            throw new DicomException(name + ": " + e.getMessage());
        }
    }

    private static DicomFile parseBody(Path path, String name, Attributes meta, boolean hasMeta, TransferSyntax ts,
                                       DicomInput body, byte[] bodyMemory, boolean streamed, ReadOptions options,
                                       List<String> warnings) throws IOException {
        DicomException problem = null;
        Guess guess = guessEncoding(body, name, hasMeta || ts.deflated());
        boolean explicitVR = ts.explicitVR();
        boolean bigEndian = ts.bigEndian();
        if (guess != null && (guess.explicitVR != explicitVR || guess.bigEndian != bigEndian)) {
            warnings.add("the data set is encoded as " + guess.describe() + " although the transfer syntax "
                    + ts.uid() + " says otherwise; read as " + guess.describe());
            explicitVR = guess.explicitVR;
            bigEndian = guess.bigEndian;
        }
        body.bigEndian(bigEndian);
        Attributes dataset = new Attributes(bigEndian, options.kept().all() ? 64 : 32);
        DataSetParser parser = new DataSetParser(body, explicitVR, options, warnings,
                bodyMemory == null && !streamed);
        try {
            parser.readTopLevel(dataset);
        } catch (InflatingStream.Refused e) {
            throw e;
        } catch (EOFException e) {
            problem = new DicomException(name + ": the file is truncated (" + e.getMessage() + ")");
        } catch (DicomException e) {
            problem = new DicomException(name + ": " + e.getMessage(), e);
        }
        if (dataset.isEmpty() && !parser.leftOut() && meta.isEmpty()) {
            throw new NotDicomException(name + " holds no DICOM elements");
        }
        warnings.addAll(dataset.specificCharacterSet().warnings());
        return new DicomFile(path, meta, dataset, ts, hasMeta, warnings, problem, bodyMemory, body.length(), streamed);
    }

    private static boolean isDicm(DicomInput in, int at) throws IOException {
        return in.peek(at) == 'D' && in.peek(at + 1) == 'I' && in.peek(at + 2) == 'C' && in.peek(at + 3) == 'M';
    }

    private static boolean looksLikeExplicitVR(DicomInput in, int at) throws IOException {
        int a = in.peek(at + 4);
        int b = in.peek(at + 5);
        return a >= 'A' && a <= 'Z' && b >= 'A' && b <= 'Z' && VR.ofCode((a << 8) | b) != null;
    }

    /** Group 0002 is always explicit VR little endian; read it element by element until another group starts. */
    private static void readFileMeta(DicomInput in, Attributes meta, ReadOptions options, List<String> warnings)
            throws IOException {
        in.bigEndian(false);
        while (in.request(8) && in.peek(0) == 0x02 && in.peek(1) == 0x00) {
            int tag = in.tag();
            VR vr = VR.ofCode(in.vrCode());
            long length;
            if (vr == null) {
                in.unread(2);
                vr = ElementDictionary.standard().vrOf(tag);
                length = in.i32() & 0xFFFFFFFFL;
                warnings.add("File Meta element " + Tags.toString(tag) + " is not explicit VR");
            } else if (vr.hasLongHeader()) {
                in.u16();
                length = in.i32() & 0xFFFFFFFFL;
            } else {
                length = in.u16();
            }
            if (length > in.remaining() || length > options.inlineLimit()) {
                throw new DicomException("File Meta element " + Tags.toString(tag) + " declares " + length
                        + " bytes, more than the file holds");
            }
            meta.set(tag, vr, in.readBytes((int) length));
        }
    }

    /** How the first element of a data set is encoded, judged from its bytes. */
    private record Guess(boolean explicitVR, boolean bigEndian) {
        String describe() {
            return (explicitVR ? "explicit VR " : "implicit VR ") + (bigEndian ? "big endian" : "little endian");
        }
    }

    /**
     * Judges the encoding from the first element: explicit VR shows as two upper-case letters naming a VR, and
     * the byte order is the one that makes the group number small. For a bare data set (no File Meta) the group
     * must also be a plausible first group, else the input is not DICOM. Returns null when there is no element.
     */
    private static Guess guessEncoding(DicomInput in, String name, boolean afterMeta) throws IOException {
        if (!in.request(8)) {
            if (afterMeta) {
                return null;
            }
            throw new NotDicomException(name + " is not DICOM: too short to hold a data element");
        }
        int groupLE = in.peek(0) | (in.peek(1) << 8);
        int groupBE = (in.peek(0) << 8) | in.peek(1);
        boolean explicit = looksLikeExplicitVR(in, 0);
        boolean bigEndian = explicit && groupBE < groupLE;
        if (afterMeta) {
            return new Guess(explicit, bigEndian);
        }
        int group = bigEndian ? groupBE : groupLE;
        boolean plausible = (group & 1) == 0 && group <= 0x0028 && group != 0x0006;
        if (plausible && !explicit) {
            long length = in.peek(4) | (in.peek(5) << 8) | (in.peek(6) << 16) | ((long) in.peek(7) << 24);
            plausible = length == 0xFFFFFFFFL || length <= in.remaining() - 8;
        }
        if (!plausible) {
            throw new NotDicomException(name + " is not DICOM: no 'DICM' prefix at byte 128 and the first bytes are"
                    + " not a data element");
        }
        return new Guess(explicit, bigEndian);
    }

    /**
     * Inflates a deflated data set into memory, in chunks, within the limit of {@link InflatingStream}: holding
     * what was inflated takes twice its size while the chunks are joined.
     */
    private static byte[] inflate(DicomInput in, long limit, String name) throws IOException {
        try (InflatingStream z = new InflatingStream(in.rest(), limit)) {
            List<byte[]> chunks = new ArrayList<>();
            long total = 0;
            while (true) {
                byte[] chunk = new byte[1 << 20];
                int filled = z.readNBytes(chunk, 0, chunk.length);
                total += filled;
                if (filled < chunk.length) {
                    chunks.add(java.util.Arrays.copyOf(chunk, filled));
                    break;
                }
                chunks.add(chunk);
            }
            byte[] out = new byte[(int) total];
            int at = 0;
            for (byte[] c : chunks) {
                System.arraycopy(c, 0, out, at, c.length);
                at += c.length;
            }
            return out;
        } catch (InflatingStream.Refused | EOFException e) {
            throw new DicomException(name + ": " + e.getMessage());
        }
    }

    public Optional<Path> path() {
        return Optional.ofNullable(path);
    }

    /** The File Meta Information (group 0002); empty for bare data sets. */
    public Attributes fileMeta() {
        return fileMeta;
    }

    public Attributes dataset() {
        return dataset;
    }

    public TransferSyntax transferSyntax() {
        return transferSyntax;
    }

    /** Whether the file has File Meta Information (a Part 10 file) rather than being a bare data set. */
    public boolean hasFileMeta() {
        return hasFileMeta;
    }

    /** Tolerated defects: misspelt terms, items outside sequences, encoding that contradicts the header. */
    public List<String> warnings() {
        return warnings;
    }

    /** What stopped the reading before the end (truncation, hostile lengths); empty for an intact file. */
    public Optional<DicomException> problem() {
        return Optional.ofNullable(problem);
    }

    public Optional<PixelData> pixelData() {
        return dataset.pixelData();
    }

    /**
     * Number of Frames (0028,0008), or 1 when absent but there is pixel data; never more than the pixel data can
     * hold (a header that claims more is reported once, among the warnings), so that nothing is sized by a count
     * the data does not back.
     */
    public int numberOfFrames() {
        return frameCount;
    }

    private static int countFrames(Attributes dataset, long streamLength, List<String> warnings) {
        int declared = dataset.getInt(Tag.NumberOfFrames, 0);
        Optional<PixelData> pixelData = dataset.pixelData();
        if (pixelData.isEmpty()) {
            return (int) Math.min(Math.max(0, declared), Math.max(1, streamLength / 8));
        }
        if (declared <= 0) {
            return 1;
        }
        long held = FrameTable.framesHeld(dataset, pixelData.get(), streamLength);
        if (declared > held) {
            warnings.add("the header claims " + declared + " frames, the pixel data holds at most " + held);
            return (int) held;
        }
        return declared;
    }

    /** Where each frame's bytes lie; built on first use. */
    public FrameTable frames() {
        FrameTable table = frameTable;
        if (table == null) {
            table = FrameTable.of(this);
            frameTable = table;
        }
        return table;
    }

    /** Length of the data stream (the file, or the inflated data set). */
    public long streamLength() {
        return streamLength;
    }

    /**
     * Reads {@code length} bytes at {@code offset} of the data stream into {@code out} at {@code outOffset}.
     * Safe to call from several threads at once.
     */
    public void readBytes(long offset, byte[] out, int outOffset, int length) throws IOException {
        if (offset < 0 || offset + length > streamLength) {
            throw new EOFException("bytes " + offset + "-" + (offset + length) + " lie beyond the end of the data ("
                    + streamLength + " bytes)");
        }
        if (memory != null) {
            System.arraycopy(memory, (int) offset, out, outOffset, length);
            return;
        }
        if (headerOnlyInflated) {
            throw new DicomException("the deflated data set was read for its header only: its pixel data was not"
                    + " inflated");
        }
        FileChannel ch = channel();
        ByteBuffer buffer = ByteBuffer.wrap(out, outOffset, length);
        long position = offset;
        while (buffer.hasRemaining()) {
            int r = ch.read(buffer, position);
            if (r < 0) {
                throw new EOFException("the file ended at byte " + position);
            }
            position += r;
        }
    }

    public byte[] readBytes(long offset, int length) throws IOException {
        byte[] out = new byte[length];
        readBytes(offset, out, 0, length);
        return out;
    }

    private FileChannel channel() throws IOException {
        FileChannel ch = channel;
        if (ch == null) {
            synchronized (this) {
                ch = channel;
                if (ch == null) {
                    if (closed) {
                        throw new IOException(path + " was closed");
                    }
                    if (path == null) {
                        throw new IOException("no file behind this data set");
                    }
                    ch = FileChannel.open(path, StandardOpenOption.READ);
                    channel = ch;
                }
            }
        }
        return ch;
    }

    /** Releases the file; frames can no longer be read. */
    @Override
    public synchronized void close() throws IOException {
        closed = true;
        FileChannel ch = channel;
        channel = null;
        if (ch != null) {
            ch.close();
        }
    }

    private void closeQuietly() {
        try {
            close();
        } catch (IOException ignored) {
            // nothing was opened yet, or closing a read-only channel failed: nothing to recover
        }
    }

    @Override
    public String toString() {
        return "DicomFile[" + (path != null ? path : "memory") + ", " + transferSyntax.uid() + "]";
    }
}
