package org.sonocine.imaging;

/** Checks a codec's {@link RawImage} against the header and turns it into stored values. */
final class CodecOutputs {
    private CodecOutputs() {
    }

    static StoredFrame checked(EncodedFrame frame, RawImage image, String codec, Photometric photometric,
                               String note) throws DecodeException {
        PixelDescription header = frame.header();
        if (image.width() != header.columns() || image.height() != header.rows()
                || image.components() != header.samplesPerPixel()) {
            throw new DecodeException("the " + codec + " codestream is " + image.width() + " x " + image.height()
                    + " with " + image.components() + " components; the header says " + header.columns() + " x "
                    + header.rows() + " with " + header.samplesPerPixel());
        }
        return CodecOutput.stored(frame.index(), header, photometric, CodecOutput.littleEndian(image),
                image.isWide() ? 2 : 1, image.precision(), false, note);
    }
}
