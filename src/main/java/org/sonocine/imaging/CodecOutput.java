package org.sonocine.imaging;

import org.sonocine.imaging.codec.DecodeException;
import org.sonocine.imaging.codec.RawImage;

/**
 * Turns what a codec produced, checked against the header, into stored values laid out as the header describes: samples of the codestream's
 * precision, widened to 16 bits when the header allocates 16 for 8-bit codestreams, and a Bits Stored that
 * trusts the codestream when it holds more bits than the header claims.
 */
final class CodecOutput {
    private CodecOutput() {
    }

    /**
     * @param samples         decoded samples interleaved by pixel, little endian, {@code bytesPerSample} each
     * @param precision       bits per sample in the codestream
     * @param signed          whether the codestream's samples are signed
     */
    static StoredFrame stored(int index, PixelDescription header, Photometric photometric, byte[] samples,
                              int bytesPerSample, int precision, boolean signed, String note) {
        byte[] data = samples;
        int allocated = bytesPerSample * 8;
        if (header.bitsAllocated() == 16 && bytesPerSample == 1) {
            data = new byte[samples.length * 2];
            for (int i = 0; i < samples.length; i++) {
                data[2 * i] = samples[i];
            }
            allocated = 16;
        }
        int stored = Math.max(precision, Math.min(header.bitsStored(), allocated));
        stored = Math.min(stored, allocated);
        String fullNote = note;
        if (precision > header.bitsStored() && header.bitsStored() < allocated) {
            String extra = "the codestream has " + precision + "-bit samples; the header says Bits Stored "
                    + header.bitsStored();
            fullNote = note.isEmpty() ? extra : note + "; " + extra;
        }
        boolean isSigned = header.signed() || signed;
        PixelDescription layout = header.interleaved().withPhotometric(photometric).withBits(allocated, stored, isSigned);
        return new StoredFrame(index, layout, data, fullNote);
    }

    /** A codec's {@link RawImage} as stored values, once its size is checked against the header. */
    static StoredFrame checked(EncodedFrame frame, RawImage image, String codec, Photometric photometric,
                               String note) throws DecodeException {
        requireHeaderSize(frame.header(), codec, image.width(), image.height(), image.components());
        return stored(frame.index(), frame.header(), photometric, littleEndian(image), image.isWide() ? 2 : 1,
                image.precision(), false, note);
    }

    /** Fails when a codestream's size or component count is not what the header declares. */
    static void requireHeaderSize(PixelDescription header, String codec, int width, int height, int components)
            throws DecodeException {
        if (width != header.columns() || height != header.rows() || components != header.samplesPerPixel()) {
            throw new DecodeException("the " + codec + " codestream is " + width + " x " + height + " with "
                    + components + (components == 1 ? " component" : " components") + "; the header says "
                    + header.columns() + " x " + header.rows() + " with " + header.samplesPerPixel());
        }
    }

    /** A codec's {@link RawImage} as little-endian bytes. */
    static byte[] littleEndian(RawImage image) {
        if (!image.isWide()) {
            return image.bytes();
        }
        short[] s = image.shorts();
        int n = image.width() * image.height() * image.components();
        byte[] out = new byte[n * 2];
        for (int i = 0; i < n; i++) {
            out[2 * i] = (byte) s[i];
            out[2 * i + 1] = (byte) (s[i] >> 8);
        }
        return out;
    }
}
