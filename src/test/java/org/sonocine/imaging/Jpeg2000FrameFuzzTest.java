package org.sonocine.imaging;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.github.jaiimageio.jpeg2000.J2KImageWriteParam;
import com.github.jaiimageio.jpeg2000.impl.J2KImageWriterSpi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sonocine.dicom.DicomFile;
import org.sonocine.dicom.TransferSyntax;
import org.sonocine.imaging.codec.DecodeException;
import org.sonocine.testing.FuzzProperty;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.stream.Stream;

/**
 * JPEG 2000 frames through our JAI wrapper under fuzzed image headers: each decodes, or fails with a readable
 * DecodeException; an endless loop in JAI ends at the deadline. The deadline here is a third of a second of
 * processor time rather than seconds, so that the fuzzer does not wait long on every hang it finds; JAI is warmed up
 * first, so that loading its classes does not count against it.
 */
class Jpeg2000FrameFuzzTest {
    private static final Jpeg2000Decoder J2K = warmedUp(new Jpeg2000Decoder(new CodecDeadline(300, 50,
            Integer.MAX_VALUE)));

    static Stream<Arguments> seeds() {
        return Stream.of(
                seed("grey lossless", BufferedImage.TYPE_BYTE_GRAY, 1, "MONOCHROME2", true, false),
                seed("grey lossy", BufferedImage.TYPE_BYTE_GRAY, 1, "MONOCHROME2", false, false),
                seed("colour lossless (RCT)", BufferedImage.TYPE_3BYTE_BGR, 3, "YBR_RCT", true, false),
                seed("colour lossy in a JP2 file", BufferedImage.TYPE_3BYTE_BGR, 3, "YBR_ICT", false, true),
                seed("grey 16-bit", BufferedImage.TYPE_USHORT_GRAY, 1, "MONOCHROME2", true, false));
    }

    @MethodSource("seeds")
    @FuzzTest(maxDuration = "2m")
    void jpeg2000Frames(byte[] input) throws Exception {
        FuzzedImage image = FuzzedImage.parse(input);
        try {
            FuzzProperty.holds(() -> {
                try (DicomFile file = image.encapsulatedFile(TransferSyntax.JPEG_2000)) {
                    FuzzedImage.decodeEach(file, J2K);
                }
            });
        } finally {
            stopAbandonedCalls();
        }
    }

    /** JAI threads that missed the deadline spin for ever; stop them where this runtime still can. */
    @AfterAll
    @SuppressWarnings({"deprecation", "removal"})
    static void stopAbandonedCalls() {
        for (var entry : Thread.getAllStackTraces().entrySet()) {
            boolean inJai = Arrays.stream(entry.getValue()).anyMatch(f -> f.getClassName().startsWith("jj2000.")
                    || f.getClassName().startsWith("com.github.jaiimageio."));
            if (entry.getKey().getName().startsWith("codec-call-") && inJai) {
                try {
                    entry.getKey().stop();
                } catch (UnsupportedOperationException e) {
                    return; // newer runtimes: the thread spins on until the JVM exits
                }
            }
        }
    }

    private static Jpeg2000Decoder warmedUp(Jpeg2000Decoder decoder) {
        Jpeg2000Decoder generous = new Jpeg2000Decoder();
        seeds().forEach(seed -> {
            FuzzedImage image = FuzzedImage.parse((byte[]) ((Named<?>) seed.get()[0]).getPayload());
            try (DicomFile file = image.encapsulatedFile(TransferSyntax.JPEG_2000)) {
                FuzzedImage.decodeEach(file, generous);
            } catch (Exception e) {
                throw new IllegalStateException("a seed does not decode", e);
            }
        });
        return decoder;
    }

    private static Arguments seed(String name, int type, int samples, String photometric, boolean lossless,
                                  boolean jp2) {
        int size = 16;
        BufferedImage image = new BufferedImage(size, size, type);
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                for (int b = 0; b < samples; b++) {
                    image.getRaster().setSample(x, y, b, (x * 29 + y * 13 + b * 71) & 0xFF);
                }
            }
        }
        int bits = type == BufferedImage.TYPE_USHORT_GRAY ? 16 : 8;
        FuzzedImage fuzzed = FuzzedImage.of(size, size, samples, bits, photometric, encode(image, lossless, jp2));
        return Arguments.of(Named.of(name, fuzzed.toInput()));
    }

    private static byte[] encode(BufferedImage image, boolean lossless, boolean jp2) {
        ImageWriter writer;
        try {
            writer = new J2KImageWriterSpi().createWriterInstance();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            J2KImageWriteParam param = (J2KImageWriteParam) writer.getDefaultWriteParam();
            param.setWriteCodeStreamOnly(!jp2);
            param.setLossless(lossless);
            if (!lossless) {
                param.setEncodingRate(6.0);
            }
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
