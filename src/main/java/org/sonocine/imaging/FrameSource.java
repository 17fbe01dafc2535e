package org.sonocine.imaging;

import org.sonocine.dicom.Attributes;
import org.sonocine.dicom.DicomException;
import org.sonocine.dicom.DicomFile;
import org.sonocine.dicom.FrameBytes;
import org.sonocine.dicom.FrameLocation;
import org.sonocine.dicom.NativePixelData;
import org.sonocine.dicom.TransferSyntax;
import org.sonocine.imaging.codec.DecodeException;

import java.io.IOException;
import java.util.List;

/**
 * The frames of one image, read and decoded on demand: frame n is read from where the header says it lies (in a
 * local file) or asked of a {@link FrameBytes} (frames fetched from elsewhere), and decoded without touching other
 * frames. Safe to use from several threads at once.
 */
public final class FrameSource {
    private final DicomFile file;
    private final Attributes dataset;
    private final FrameBytes fetched;
    private final PixelDescription header;
    private final List<FrameDecoder> decoders;
    private final String unsupported;
    private final boolean bigEndian;
    private final int swapUnit;

    private FrameSource(DicomFile file, Attributes dataset, FrameBytes fetched, PixelDescription header,
                        List<FrameDecoder> decoders, String unsupported, boolean bigEndian, int swapUnit) {
        this.file = file;
        this.dataset = dataset;
        this.fetched = fetched;
        this.header = header;
        this.decoders = decoders;
        this.unsupported = unsupported;
        this.bigEndian = bigEndian;
        this.swapUnit = swapUnit;
    }

    /**
     * The frames of {@code file}; fails when it has no pixel data (or the reading stopped before it) or an image
     * header that makes no sense.
     */
    public static FrameSource of(DicomFile file) throws DecodeException {
        if (file.pixelData().isEmpty()) {
            // A file read only in part may well have pixel data: what stopped the reading is the reason to give.
            if (file.problem().isPresent()) {
                throw new DecodeException("the pixel data was not reached: " + file.problem().get().getMessage(),
                        file.problem().get());
            }
            throw new DecodeException("the file has no pixel data");
        }
        PixelDescription header = PixelDescription.of(file.dataset(), file.numberOfFrames());
        TransferSyntax syntax = file.transferSyntax();
        List<FrameDecoder> decoders = FrameDecoders.forSyntax(syntax);
        boolean nativeData = file.pixelData().get() instanceof NativePixelData;
        if (nativeData && syntax.encapsulated()) {
            throw new DecodeException("the transfer syntax " + syntax.uid() + " is compressed, but the pixel data is"
                    + " not encapsulated");
        }
        PixelContradictions.check(header, nativeData);
        String unsupported = decoders.isEmpty() ? FrameDecoders.unsupportedReason(syntax) : null;
        int swapUnit = file.pixelData().get() instanceof NativePixelData n ? n.vr().swapUnit() : 1;
        return new FrameSource(file, file.dataset(), null, header, decoders, unsupported, file.dataset().bigEndian(),
                swapUnit);
    }

    /**
     * The frames of an image whose header is {@code dataset} and whose encoded frames, in {@code syntax}, come from
     * {@code frames} (frames fetched from an archive, say). Native frames are taken as little endian, the only byte
     * order frames travel in outside a file.
     */
    public static FrameSource of(Attributes dataset, TransferSyntax syntax, FrameBytes frames) throws DecodeException {
        int declared = dataset.getInt(org.sonocine.dicom.Tag.NumberOfFrames, 1);
        PixelDescription header = PixelDescription.of(dataset, Math.max(1, declared));
        List<FrameDecoder> decoders = FrameDecoders.forSyntax(syntax);
        boolean nativeData = !syntax.encapsulated();
        PixelContradictions.check(header, nativeData);
        String unsupported = decoders.isEmpty() ? FrameDecoders.unsupportedReason(syntax) : null;
        return new FrameSource(null, dataset, frames, header, decoders, unsupported, false, 1);
    }

    /** The file the frames are read from; null when they are fetched from elsewhere. */
    public DicomFile file() {
        return file;
    }

    /** The data set holding the image's header. */
    public Attributes dataset() {
        return dataset;
    }

    /** The pixel description the header gives. */
    public PixelDescription header() {
        return header;
    }

    public int frameCount() {
        return header.frames();
    }

    /** Names of the decoders tried, in order; empty when the encoding is not supported. */
    public List<String> decoderNames() {
        return decoders.stream().map(FrameDecoder::name).toList();
    }

    /** Why frames cannot be decoded at all, or null when they can be. */
    public String unsupportedReason() {
        return unsupported;
    }

    /** Frame {@code index} (0-based) as the file holds it. */
    public EncodedFrame read(int index) throws IOException {
        return read(index, null);
    }

    private EncodedFrame read(int index, FrameBuffers buffers) throws IOException {
        if (fetched != null) {
            return readFetched(index, buffers);
        }
        FrameLocation location;
        try {
            location = file.frames().get(index);
        } catch (DicomException e) {
            throw new DecodeException(e.getMessage(), e);
        }
        long total = location.totalLength();
        if (total > PixelDescription.MAX_FRAME_BYTES) {
            throw new DecodeException("frame " + (index + 1) + " is " + total + " bytes, more than Sonocine reads");
        }
        if (bigEndian && swapUnit == 2 && header.bitsAllocated() == 8
                && file.pixelData().get() instanceof NativePixelData pixels && location.segments().size() == 1) {
            return readSwappedPairs(index, location, pixels.data().offset(), (int) total, buffers);
        }
        byte[] bytes = buffers != null ? buffers.input((int) total) : new byte[(int) total];
        int at = 0;
        for (FrameLocation.Segment s : location.segments()) {
            file.readBytes(s.offset(), bytes, at, (int) s.length());
            at += (int) s.length();
        }
        return new EncodedFrame(index, bytes, header, bigEndian, swapUnit, location.bitOffset(), buffers);
    }

    private EncodedFrame readFetched(int index, FrameBuffers buffers) throws IOException {
        if (index < 0 || index >= header.frames()) {
            throw new DecodeException("there is no frame " + (index + 1) + ": the image has " + header.frames());
        }
        return new EncodedFrame(index, fetched.read(index), header, false, 1, 0, buffers);
    }

    /**
     * 8-bit samples in big-endian OW are swapped in pairs counted from the start of Pixel Data, not from the
     * frame: a frame of odd length (a 3x3 RGB frame is 27 bytes) ends in half a pair, and the next one starts in
     * the middle of one. Reads the whole pairs around the frame, swaps them, and keeps the frame's bytes, now in
     * little-endian order.
     */
    private EncodedFrame readSwappedPairs(int index, FrameLocation location, long pixelDataOffset, int length,
                                          FrameBuffers buffers) throws IOException {
        long start = location.segments().get(0).offset();
        long lead = (start - pixelDataOffset) & 1;
        long end = start + length;
        long alignedEnd = end + ((end - pixelDataOffset) & 1);
        if (alignedEnd > file.streamLength()) {
            // The frame's last sample is the second byte of a pair the file cut off.
            throw new DecodeException("frame " + (index + 1) + " is cut short: the file ends inside its last pair"
                    + " of samples");
        }
        byte[] pairs = new byte[(int) (alignedEnd - start + lead)];
        file.readBytes(start - lead, pairs, 0, pairs.length);
        org.sonocine.dicom.Bytes.swap(pairs, 0, pairs.length, 2);
        byte[] bytes = buffers != null ? buffers.input(length) : new byte[length];
        System.arraycopy(pairs, (int) lead, bytes, 0, length);
        return new EncodedFrame(index, bytes, header, false, 1, location.bitOffset(), buffers);
    }

    /**
     * Frame {@code index} (0-based) decoded into stored values. Whatever goes wrong, out of memory included, ends
     * in an IOException that names the frame ({@link FrameFailure}).
     */
    public StoredFrame decode(int index) throws IOException {
        return decode(index, null);
    }

    /**
     * Frame {@code index} decoded into the calling thread's reused {@code buffers}: valid only until that thread
     * decodes its next frame with them.
     */
    public StoredFrame decode(int index, FrameBuffers buffers) throws IOException {
        return decode(index, buffers, false);
    }

    /**
     * As {@link #decode(int)}, for a frame wanted at once, such as the first a viewer shows: decoders that are
     * {@link FrameDecoder#ready ready} are tried first, so that it does not wait while the faster one loads what it
     * needs once for all (ImageIO's plugins, some 0.15 s of a start on two cores). The frames after it pay for that
     * load, and have the faster decoder; the decoders of a chain are all held to the same reference values.
     */
    public StoredFrame decodeFirstShown(int index) throws IOException {
        return decode(index, null, true);
    }

    private StoredFrame decode(int index, FrameBuffers buffers, boolean readyFirst) throws IOException {
        if (unsupported != null) {
            throw new DecodeException(unsupported);
        }
        requireMemoryFor(index);
        try {
            return FrameDecoders.decode(decoders, read(index, buffers), readyFirst);
        } catch (IOException | RuntimeException | Error e) {
            throw FrameFailure.of(index, e);
        }
    }

    /**
     * Refuses a frame whose stored values alone would take more than a third of the heap: decoding it holds its
     * input and output at once, and showing it needs more again, so it would only end in running out of memory.
     */
    private void requireMemoryFor(int index) throws DecodeException {
        long unpacked = (long) header.pixels() * header.samplesPerPixel() * header.bytesPerSample();
        long heap = Runtime.getRuntime().maxMemory();
        if (unpacked > heap / 3) {
            throw new DecodeException("frame " + (index + 1) + " needs " + (unpacked >> 20) + " MiB for its values"
                    + " alone, more than Sonocine can decode in the " + (heap >> 20) + " MiB of memory it has");
        }
    }
}
