package org.sonocine.imaging;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.github.jaiimageio.jpeg2000.J2KImageWriteParam;
import com.github.jaiimageio.jpeg2000.impl.J2KImageWriterSpi;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sonocine.dicom.DicomFile;
import org.sonocine.dicom.TransferSyntax;
import org.sonocine.imaging.jpeg2000.HtTestEncoder;
import org.sonocine.testing.FuzzProperty;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Random;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * JPEG 2000 frames through our own decoder under fuzzed image headers: each decodes, or fails with a readable
 * DecodeException, in bounded time and memory. The seeds are codestreams JAI's encoder writes with a variety of
 * its options (wavelets, component transforms, progressions, code-block sizes, SOP/EPH, JP2), and HTJ2K
 * codestreams the test-side HT encoder writes (grey and RCT colour, odd sizes, 8 and 16 bits), on one thread so
 * that a finding replays alike.
 */
class Jpeg2000FrameDecoderFuzzTest {
    private static final Jpeg2000FrameDecoder J2K = new Jpeg2000FrameDecoder(false);

    static Stream<Arguments> seeds() {
        return Stream.of(
                seed("grey lossless", BufferedImage.TYPE_BYTE_GRAY, 1, "MONOCHROME2", p -> p.setLossless(true)),
                seed("grey lossy", BufferedImage.TYPE_BYTE_GRAY, 1, "MONOCHROME2", p -> {
                    p.setLossless(false);
                    p.setEncodingRate(6.0);
                }),
                seed("colour lossless (RCT), by resolution and position", BufferedImage.TYPE_3BYTE_BGR, 3,
                        "YBR_RCT", p -> {
                        p.setLossless(true);
                        p.setProgressionType("res-pos");
                    }),
                seed("colour lossy (ICT) in a JP2 file", BufferedImage.TYPE_3BYTE_BGR, 3, "YBR_ICT", p -> {
                    p.setLossless(false);
                    p.setEncodingRate(6.0);
                    p.setWriteCodeStreamOnly(false);
                }),
                seed("grey 16-bit, small code-blocks, SOP and EPH", BufferedImage.TYPE_USHORT_GRAY, 1,
                        "MONOCHROME2", p -> {
                        p.setLossless(true);
                        p.setCodeBlockSize(new int[] {4, 8});
                        p.setSOP(true);
                        p.setEPH(true);
                    }),
                seed("colour by component, two levels", BufferedImage.TYPE_3BYTE_BGR, 3, "RGB", p -> {
                    p.setLossless(true);
                    p.setComponentTransformation(false);
                    p.setNumDecompositionLevels(2);
                    p.setProgressionType("comp-pos");
                }),
                htSeed("HT grey", 16, 16, 1, 8, "MONOCHROME2", false),
                htSeed("HT grey, odd size", 15, 9, 1, 8, "MONOCHROME2", false),
                htSeed("HT grey 16-bit", 12, 10, 1, 16, "MONOCHROME2", false),
                htSeed("HT colour (RCT)", 16, 12, 3, 8, "YBR_RCT", true));
    }

    /** An HTJ2K codestream of waves and noise, so that its quads take many contexts and residual sizes. */
    private static Arguments htSeed(String name, int columns, int rows, int samples, int bits, String photometric,
                                    boolean rct) {
        int[] pixels = new int[columns * rows * samples];
        int max = (1 << bits) - 1;
        Random random = new Random(columns * 31L + rows + bits);
        for (int i = 0; i < pixels.length; i++) {
            int x = (i / samples) % columns;
            int y = (i / samples) / columns;
            int wave = (int) ((Math.sin(x / 3.0) + Math.cos(y / 2.0) + 2) / 4 * max);
            pixels[i] = random.nextInt(4) == 0 ? random.nextInt(max + 1) : wave;
        }
        byte[] codestream = HtTestEncoder.codestream(pixels, columns, rows, samples, bits, rct);
        return Arguments.of(Named.of(name, FuzzedImage.of(rows, columns, samples, bits, photometric, codestream)
                .toInput()));
    }

    @MethodSource("seeds")
    @FuzzTest(maxDuration = "2m")
    void jpeg2000Frames(byte[] input) throws Exception {
        FuzzedImage image = FuzzedImage.parse(input);
        FuzzProperty.holds(() -> {
            try (DicomFile file = image.encapsulatedFile(TransferSyntax.JPEG_2000)) {
                FuzzedImage.decodeEach(file, J2K);
            }
        });
    }

    private static Arguments seed(String name, int type, int samples, String photometric,
                                  Consumer<J2KImageWriteParam> options) {
        int size = 16;
        BufferedImage image = new BufferedImage(size, size, type);
        int max = type == BufferedImage.TYPE_USHORT_GRAY ? 0xFFFF : 0xFF;
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                for (int b = 0; b < samples; b++) {
                    image.getRaster().setSample(x, y, b, ((x * 29 + y * 13 + b * 71) * 257) & max);
                }
            }
        }
        int bits = type == BufferedImage.TYPE_USHORT_GRAY ? 16 : 8;
        FuzzedImage fuzzed = FuzzedImage.of(size, size, samples, bits, photometric, encode(image, options));
        return Arguments.of(Named.of(name, fuzzed.toInput()));
    }

    private static byte[] encode(BufferedImage image, Consumer<J2KImageWriteParam> options) {
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
            param.setWriteCodeStreamOnly(true);
            options.accept(param);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
