package org.sonocine.imaging.jpegls;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.sonocine.dicom.DicomFile;
import org.sonocine.dicom.FrameLocation;
import org.sonocine.imaging.codec.RawImage;

/** Test helpers: frame codestreams from DICOM files, stored-value bytes and digests, decoding a whole array. */
final class Codestreams {
    private Codestreams() {
    }

    /** Frame {@code index} (0-based) of an encapsulated DICOM file: its fragments joined. */
    static byte[] frame(DicomFile file, int index) throws IOException {
        FrameLocation location = file.frames().get(index);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (FrameLocation.Segment segment : location.segments()) {
            out.write(file.readBytes(segment.offset(), Math.toIntExact(segment.length())));
        }
        return out.toByteArray();
    }

    /** The samples as stored values: one byte each up to 8 bits, else two bytes little-endian. */
    static byte[] storedBytes(RawImage image) {
        if (!image.isWide()) {
            return image.bytes();
        }
        short[] samples = image.shorts();
        ByteBuffer buffer = ByteBuffer.allocate(samples.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asShortBuffer().put(samples);
        return buffer.array();
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    static RawImage decode(byte[] codestream) throws IOException {
        return JpegLsDecoder.decode(codestream, 0, codestream.length);
    }
}
