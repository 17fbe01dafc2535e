package org.sonocine.imaging;

import org.sonocine.testing.ImageHeaders;
import org.junit.jupiter.api.Test;
import org.sonocine.dicom.TransferSyntax;
import org.sonocine.imaging.codec.DecodeException;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.Deflater;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Deflated Image Frame Compression: one raw-Deflate fragment per frame, inflating to its native bytes. */
class DeflatedFrameDecoderTest {

    private static byte[] rawDeflate(byte[] data) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        deflater.setInput(data);
        deflater.finish();
        byte[] out = new byte[data.length + 64];
        int n = deflater.deflate(out);
        deflater.end();
        return Arrays.copyOf(out, n);
    }

    /** A 4x4 8-bit grey file whose frames are the given fragments (padded to even length). */
    private static FrameSource file(byte[]... frames) throws IOException {
        List<byte[]> fragments = new ArrayList<>();
        for (byte[] f : frames) {
            fragments.add(f.length % 2 == 0 ? f : Arrays.copyOf(f, f.length + 1));
        }
        return FrameSource.of(TestImages.encapsulatedFile(ImageHeaders.of(4, 4, 1, 8, "MONOCHROME2", frames.length),
                TransferSyntax.DEFLATED_IMAGE_FRAMES, fragments));
    }

    private static byte[] ramp(int from) {
        byte[] b = new byte[16];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) (from + i);
        }
        return b;
    }

    @Test
    void eachFrameInflatesToItsNativeBytes() throws IOException {
        FrameSource source = file(rawDeflate(ramp(0)), rawDeflate(ramp(100)));
        assertArrayEquals(ramp(0), source.decode(0).data());
        assertArrayEquals(ramp(100), source.decode(1).data());
    }

    @Test
    void dataThatInflatesBeyondOneFrameIsRefused() throws IOException {
        FrameSource source = file(rawDeflate(new byte[1 << 20]));
        DecodeException e = assertThrows(DecodeException.class, () -> source.decode(0));
        assertThat(e.getMessage()).isEqualTo("frame 1: the deflated data inflates to more than the 16 bytes of a frame");
    }

    @Test
    void dataThatIsNotDeflateSaysSo() throws IOException {
        FrameSource source = file(new byte[] {(byte) 0xFF, (byte) 0xFF, 1, 2});
        DecodeException e = assertThrows(DecodeException.class, () -> source.decode(0));
        assertThat(e.getMessage()).startsWith("frame 1: the deflated data is corrupt (");
    }

    @Test
    void aHugeFrameOverLittleDataIsRefusedBeforeItsMemoryIsTaken() throws IOException {
        FrameSource source = FrameSource.of(TestImages.encapsulatedFile(
                ImageHeaders.of(15000, 15000, 1, 8, "MONOCHROME2", 1), TransferSyntax.DEFLATED_IMAGE_FRAMES,
                List.of(rawDeflate(new byte[1000]))));
        DecodeException e = assertThrows(DecodeException.class, () -> source.decode(0));
        assertThat(e.getMessage()).matches("frame 1: \\d+ bytes of deflated data cannot hold the 225000000 bytes"
                + " of a frame");
    }
}
