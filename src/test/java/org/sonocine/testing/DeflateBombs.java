package org.sonocine.testing;

import org.sonocine.dicom.Attributes;
import org.sonocine.dicom.DicomWriter;
import org.sonocine.dicom.TransferSyntax;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.zip.Deflater;

/** Deflated Explicit VR Little Endian files that inflate to far more than they hold, written by tests. */
public final class DeflateBombs {
    private DeflateBombs() {
    }

    /**
     * A Part 10 file of {@code header}'s attributes followed by a Pixel Data (OB) element of {@code megabytes}
     * MiB of zeros, its data set deflated: a few KiB that inflate to the pixel data's size.
     */
    public static byte[] withPixelDataOfZeros(Attributes header, int megabytes) throws IOException {
        byte[] part10 = new DicomWriter(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN).toPart10Bytes(header);
        byte[] body = Arrays.copyOfRange(part10, metaEnd(part10), part10.length);
        long length = (long) megabytes << 20;
        ByteBuffer pixelHeader = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
        pixelHeader.putShort((short) 0x7FE0).putShort((short) 0x0010).put((byte) 'O').put((byte) 'B')
                .putShort((short) 0).putInt((int) length);
        byte[] deflatedMeta = new DicomWriter(TransferSyntax.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN).toPart10Bytes(header);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(deflatedMeta, 0, metaEnd(deflatedMeta));
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        byte[] buffer = new byte[64 * 1024];
        deflate(deflater, body, out, buffer);
        deflate(deflater, pixelHeader.array(), out, buffer);
        byte[] zeros = new byte[1 << 20];
        for (int i = 0; i < megabytes; i++) {
            deflate(deflater, zeros, out, buffer);
        }
        deflater.finish();
        int n;
        while ((n = deflater.deflate(buffer)) > 0) {
            out.write(buffer, 0, n);
        }
        deflater.end();
        return out.toByteArray();
    }

    private static void deflate(Deflater deflater, byte[] input, ByteArrayOutputStream out, byte[] buffer) {
        deflater.setInput(input);
        int n;
        while ((n = deflater.deflate(buffer, 0, buffer.length, Deflater.NO_FLUSH)) > 0 || !deflater.needsInput()) {
            out.write(buffer, 0, n);
        }
    }

    /** Where the data set starts: after the preamble, "DICM" and the File Meta Information group. */
    private static int metaEnd(byte[] part10) {
        return 144 + ByteBuffer.wrap(part10, 140, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
    }
}
