package org.sonocine.imaging;

import org.sonocine.imaging.codec.DecodeException;

import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Deflated Image Frame Compression (PS3.5 8.2.16, A.4.13): each frame is its native little-endian bytes,
 * compressed with raw Deflate (RFC 1951, no zlib header) into one fragment. Inflates into exactly one frame's
 * bytes, never more, then reads them as native data.
 */
public final class DeflatedFrameDecoder implements FrameDecoder {
    private static final NativeDecoder NATIVE = new NativeDecoder();
    /** Deflate expands at most about 1032 times (a 258-byte match coded in under two bits). */
    private static final long MAX_RATIO = 1032;

    @Override
    public String name() {
        return "Deflate (ours)";
    }

    @Override
    public StoredFrame decode(EncodedFrame frame) throws DecodeException {
        PixelDescription d = frame.header();
        long size = d.photometric().isSubsampled() ? (long) d.pixels() * 2 * d.bytesPerSample() : d.frameBytes();
        if (size > (long) frame.bytes().length * MAX_RATIO + 64) {
            // Refused before the frame's memory is taken: Deflate cannot expand this little data that far.
            throw new DecodeException("frame " + (frame.index() + 1) + ": " + frame.bytes().length + " bytes of"
                    + " deflated data cannot hold the " + size + " bytes of a frame");
        }
        byte[] out = frame.output((int) size);
        Inflater inflater = new Inflater(true);
        try {
            inflater.setInput(frame.bytes());
            int n = 0;
            while (n < out.length) {
                int got = inflater.inflate(out, n, out.length - n);
                if (got == 0 && (inflater.finished() || inflater.needsInput() || inflater.needsDictionary())) {
                    break;
                }
                n += got;
            }
            if (n < out.length) {
                throw new DecodeException("frame " + (frame.index() + 1) + ": the deflated data inflates to " + n
                        + " bytes, " + out.length + " expected");
            }
            if (!inflater.finished() && inflater.inflate(new byte[1]) > 0) {
                throw new DecodeException("frame " + (frame.index() + 1) + ": the deflated data inflates to more"
                        + " than the " + out.length + " bytes of a frame");
            }
        } catch (DataFormatException e) {
            throw new DecodeException("frame " + (frame.index() + 1) + ": the deflated data is corrupt ("
                    + e.getMessage() + ")", e);
        } finally {
            inflater.end();
        }
        return NATIVE.decode(new EncodedFrame(frame.index(), out, d, false, 1, 0, null));
    }
}
