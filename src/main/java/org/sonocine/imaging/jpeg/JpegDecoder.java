package org.sonocine.imaging.jpeg;

import java.util.Objects;

import org.sonocine.imaging.codec.DecodeException;
import org.sonocine.imaging.codec.RawImage;

/**
 * Decodes a JPEG codestream of the Huffman-coded sequential DCT (SOF0, SOF1; 8 or 12 bits), progressive DCT (SOF2;
 * 8 or 12 bits, spectral selection and successive approximation, the retired DICOM processes 6/8 and 10/12) or
 * lossless (SOF3; 2 to 16 bits) process into its samples, bit-exact with DCMTK's libjpeg: components stay as coded
 * (no colour conversion), subsampled components are upsampled to full resolution, samples are interleaved by pixel.
 *
 * <p>Hierarchical and arithmetic-coded JPEG are rejected. Corrupt or truncated data ends in a
 * {@link DecodeException}, except where libjpeg recovers and DCMTK would show the same image: a marker that cuts a
 * scan short (the rest of the restart interval becomes mid-grey, or in a progressive scan keeps what earlier scans
 * gave it) and a missing EOI after the complete scans of a sequential frame. A progressive frame must end in EOI,
 * since any scan may refine it further; DCMTK fails without one too.
 *
 * <p>Thread-safe: each call works on its own state.
 */
public final class JpegDecoder {
    /** Fewest bits a coded block (DC code and end-of-block code) or a lossless sample can take. */
    private static final int MIN_BITS_PER_BLOCK = 2;
    /**
     * Fewest bits the scans of a progressive frame spend on a block: its DC coefficient takes at least a one-bit
     * code in some scan, while AC scans can pass over thousands of blocks in one end-of-band run.
     */
    private static final int MIN_BITS_PER_PROGRESSIVE_BLOCK = 1;
    private static final int MIN_BITS_PER_LOSSLESS_SAMPLE = 1;
    /**
     * How much shorter than that minimum the data of a frame of up to {@link #TOLERANT_SAMPLES} may be: a scan
     * that a marker cuts short still decodes (libjpeg greys the rest). Larger frames must be covered in full, so
     * that a lying header costs at most some 64 MB (some 100 MB for a progressive frame, whose coefficients are kept
     * besides).
     */
    private static final int SHORTFALL_TOLERATED = 8;
    private static final long TOLERANT_SAMPLES = 1L << 24;
    /** Keeps the output and the block-padded planes within Java's array limits. */
    private static final long MAX_SAMPLES = 1L << 30;

    private JpegDecoder() {
    }

    /**
     * Decodes the codestream in {@code data[offset .. offset+length)}.
     *
     * @throws DecodeException if the data is not a supported, intact JPEG codestream; the message says why
     * @throws IndexOutOfBoundsException if the range lies outside {@code data}
     */
    public static RawImage decode(byte[] data, int offset, int length) throws DecodeException {
        Objects.checkFromIndexSize(offset, length, data.length);
        Codestream stream = new Codestream(data, offset, length);
        stream.expectStartOfImage();
        DecoderTables tables = new DecoderTables();
        FrameHeader frame = null;
        ScanDecoder decoder = null;
        while (true) {
            int marker = stream.nextMarker();
            if (marker < 0 || marker == Marker.EOI) {
                if (decoder == null) {
                    throw new DecodeException(frame == null ? "JPEG data has no frame header (SOF) before its end"
                            : "JPEG data has no scan (SOS) before its end");
                }
                if (marker < 0 && !decoder.isComplete()) {
                    throw new DecodeException(frame.isProgressive()
                            ? "JPEG data is truncated: the progressive scans end without an EOI marker, so more may"
                                    + " have followed"
                            : "JPEG data is truncated: it ends before every component was coded");
                }
                // like libjpeg, read on to EOI (what follows the scans must be valid); but once the image is
                // complete, tolerate data that ends without one
                return decoder.finish();
            }
            if (Marker.isStartOfFrame(marker)) {
                if (frame != null) {
                    throw new DecodeException("JPEG data has a second frame header (" + Marker.name(marker) + ")");
                }
                frame = FrameHeader.read(stream.segment(marker));
                continue;
            }
            switch (marker) {
                case Marker.DHT -> tables.readHuffmanTables(stream.segment(marker));
                case Marker.DQT -> tables.readQuantizationTables(stream.segment(marker));
                case Marker.DRI -> tables.readRestartInterval(stream.segment(marker));
                case Marker.SOS -> {
                    if (frame == null) {
                        throw new DecodeException("JPEG scan (SOS) comes before any frame header (SOF)");
                    }
                    if (decoder != null && decoder.isComplete()) {
                        throw new DecodeException("JPEG data has another scan after every component was coded");
                    }
                    ScanHeader scan = ScanHeader.read(stream.segment(marker), frame);
                    if (decoder == null) {
                        checkDataSuffices(frame, stream.end() - stream.position());
                        decoder = newScanDecoder(frame);
                    }
                    BitReader in = new BitReader(data, stream.position(), stream.end());
                    decoder.decodeScan(scan, tables, in);
                    stream.resumeAt(in.resumePosition());
                }
                case Marker.SOI -> throw new DecodeException("JPEG data has a second SOI marker");
                case Marker.DNL, Marker.DAC, Marker.COM -> stream.segment(marker);
                default -> {
                    if (marker >= Marker.APP0 && marker <= Marker.APP15) {
                        stream.segment(marker);
                    } else if (!Marker.isRestart(marker) && marker != Marker.TEM) {
                        throw new DecodeException("JPEG data has an unsupported marker " + Marker.name(marker));
                    }
                }
            }
        }
    }

    private static ScanDecoder newScanDecoder(FrameHeader frame) {
        if (frame.isLossless()) {
            return new LosslessScanDecoder(frame);
        }
        return frame.isProgressive() ? new ProgressiveScanDecoder(frame) : new DctScanDecoder(frame);
    }

    /**
     * Refuses a frame whose declared size the remaining data could not possibly code, before allocating for it:
     * a lying header must not make the decoder allocate gigabytes.
     */
    private static void checkDataSuffices(FrameHeader frame, int remainingBytes) throws DecodeException {
        int bitsPerBlock = frame.isProgressive() ? MIN_BITS_PER_PROGRESSIVE_BLOCK : MIN_BITS_PER_BLOCK;
        long minimumBits = 0;
        for (int c = 0; c < frame.componentCount(); c++) {
            long w = frame.componentWidth(c);
            long h = frame.componentHeight(c);
            minimumBits += frame.isLossless() ? w * h * MIN_BITS_PER_LOSSLESS_SAMPLE
                    : ((w + 7) / 8) * ((h + 7) / 8) * bitsPerBlock;
        }
        long samples = (long) frame.width() * frame.height() * frame.componentCount();
        if (samples > MAX_SAMPLES) {
            throw new DecodeException("JPEG frame " + frame.width() + "x" + frame.height() + "x"
                    + frame.componentCount() + " is too large to decode");
        }
        int tolerance = samples <= TOLERANT_SAMPLES ? SHORTFALL_TOLERATED : 1;
        if (minimumBits > 8L * tolerance * remainingBytes) {
            throw new DecodeException("JPEG header is corrupt or the data truncated: a " + frame.width() + "x"
                    + frame.height() + " frame needs at least " + (minimumBits + 7) / 8 + " bytes of scan data, "
                    + remainingBytes + " remain");
        }
    }
}
