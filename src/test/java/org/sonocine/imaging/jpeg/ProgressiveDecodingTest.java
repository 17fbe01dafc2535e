package org.sonocine.imaging.jpeg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sonocine.imaging.codec.DecodeException;
import org.sonocine.imaging.codec.RawImage;

/**
 * Progressive DCT JPEG (SOF2) at 8 and 12 bits: the scans of a complete progression carry exactly the coefficients
 * of a sequential scan, so both must decode to the same samples (the sequential path is bit-exact with DCMTK); a
 * progression that stops early gets libjpeg's block smoothing (T.81 K.8); a marker that cuts a scan short keeps what
 * the earlier scans gave.
 */
class ProgressiveDecodingTest {

    static Stream<Arguments> progressions() {
        IntFunction<List<DctJpegEncoder.Scan>> full = DctJpegEncoder::fullProgression;
        IntFunction<List<DctJpegEncoder.Scan>> spectral = DctJpegEncoder::spectralSelection;
        IntFunction<List<DctJpegEncoder.Scan>> deep = DctJpegEncoder::deepApproximation;
        return Stream.of(
                Arguments.of("8-bit grey, full progression", 8, new int[] {1}, new int[] {1}, 0, full),
                Arguments.of("12-bit grey, full progression", 12, new int[] {1}, new int[] {1}, 0, full),
                Arguments.of("12-bit grey, spectral selection (processes 6/8)", 12, new int[] {1}, new int[] {1}, 0,
                        spectral),
                Arguments.of("12-bit grey sampled 2x2, restart every 3 blocks, deep approximation", 12,
                        new int[] {2}, new int[] {2}, 3, deep),
                Arguments.of("8-bit colour 4:2:0, full progression", 8, new int[] {2, 1, 1}, new int[] {2, 1, 1}, 0,
                        full),
                Arguments.of("8-bit colour 4:4:4, restart every MCU, spectral selection", 8, new int[] {1, 1, 1},
                        new int[] {1, 1, 1}, 1, spectral),
                Arguments.of("12-bit colour 4:2:2, restart every 2 MCUs, deep approximation", 12,
                        new int[] {2, 1, 1}, new int[] {1, 1, 1}, 2, deep),
                Arguments.of("12-bit colour 4:2:0, restart every 5 MCUs, full progression", 12,
                        new int[] {2, 1, 1}, new int[] {2, 1, 1}, 5, full),
                Arguments.of("8-bit colour 4:1:1, deep approximation", 8, new int[] {4, 1, 1}, new int[] {1, 1, 1},
                        0, deep));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("progressions")
    void progressiveScansDecodeAsTheSameCoefficientsCodedSequentially(String name, int precision, int[] h, int[] v,
            int restartInterval, IntFunction<List<DctJpegEncoder.Scan>> script) throws DecodeException {
        CoefficientImage image = CoefficientImage.synthetic(61, 37, precision, h, v, restartInterval, 11);
        byte[] sequential = DctJpegEncoder.sequential(image);
        byte[] progressive = DctJpegEncoder.progressive(image, script.apply(h.length));

        RawImage expected = JpegDecoder.decode(sequential, 0, sequential.length);
        RawImage actual = JpegDecoder.decode(progressive, 0, progressive.length);

        assertEquals(Marker.SOF2, JpegMarkers.startOfFrame(progressive));
        assertEquals(precision, actual.precision());
        assertArrayEquals(JpegSamples.storedBytes(expected), JpegSamples.storedBytes(actual));
    }

    /**
     * Only the DC scan: coefficients 1..5 were never coded, so libjpeg estimates them from the neighbours' DC
     * values without bound. Left half DC -40, right half +40, all quantizers 4: at the two blocks beside the edge
     * AC01 = round(36 * 4 * (-80) / (256 * 4)) = -11 and AC02 = +-round(9 * 4 * 80 / (256 * 4)) = +-3; blocks with
     * equal neighbours stay flat, and nothing varies vertically.
     */
    @Test
    void progressionWithOnlyDcScanGetsLibjpegsBlockSmoothing() throws DecodeException {
        CoefficientImage dcOnly = halves(new int[0]);
        CoefficientImage estimated = halves(new int[] {-11, 3, -11, -3});
        byte[] progressive = DctJpegEncoder.progressive(dcOnly, List.of(DctJpegEncoder.Scan.of(0, 0, 0, 0, 0)));
        byte[] expected = DctJpegEncoder.sequential(estimated);

        assertArrayEquals(decode(expected).bytes(), decode(progressive).bytes());
    }

    /**
     * The first AC band was coded with two bits held back and every coefficient in it came out zero: the
     * estimates may then be at most 3 (what two bits could hold), so AC01 -11 is bounded to -3.
     */
    @Test
    void blockSmoothingStaysWithinTheBitsStillMissing() throws DecodeException {
        CoefficientImage coded = halves(new int[0]);
        CoefficientImage estimated = halves(new int[] {-3, 3, -3, -3});
        byte[] progressive = DctJpegEncoder.progressive(coded, List.of(
                DctJpegEncoder.Scan.of(0, 0, 0, 0, 0), DctJpegEncoder.Scan.of(1, 5, 0, 2, 0)));
        byte[] expected = DctJpegEncoder.sequential(estimated);

        assertArrayEquals(decode(expected).bytes(), decode(progressive).bytes());
    }

    /**
     * A 32x16 grey image of 4x2 blocks, DC -40 in the left two columns and +40 in the right two, quantizers 4;
     * {@code edge} holds AC01 and AC02 of block column 1, then of block column 2 (empty: all AC zero).
     */
    private static CoefficientImage halves(int[] edge) {
        int[] quant = new int[64];
        Arrays.fill(quant, 4);
        return CoefficientImage.grey(32, 16, 8, quant, (row, col) -> {
            int[] block = new int[64];
            block[0] = col < 2 ? -40 : 40;
            if (edge.length > 0 && (col == 1 || col == 2)) {
                block[1] = edge[(col - 1) * 2];
                block[2] = edge[(col - 1) * 2 + 1];
            }
            return block;
        });
    }

    @Test
    void markerThatCutsAProgressiveScanShortKeepsTheEarlierScansForTheRest() throws DecodeException {
        CoefficientImage image = CoefficientImage.synthetic(61, 37, 12, new int[] {1}, new int[] {1}, 0, 5);
        byte[] jpeg = DctJpegEncoder.progressive(image, DctJpegEncoder.fullProgression(1));
        List<Integer> scans = JpegMarkers.scans(jpeg);
        int last = scans.get(scans.size() - 1);
        int cut = (JpegMarkers.scanData(jpeg, last) + jpeg.length) / 2;
        ByteArrayOutputStream damaged = new ByteArrayOutputStream();
        damaged.write(jpeg, 0, cut);
        damaged.write(0xFF);
        damaged.write(Marker.EOI);

        short[] complete = decode(jpeg).shorts();
        short[] partial = decode(damaged.toByteArray()).shorts();

        int firstBlockRow = 61 * 8;
        assertArrayEquals(Arrays.copyOf(complete, firstBlockRow), Arrays.copyOf(partial, firstBlockRow),
                "blocks before the cut got the whole scan");
        assertEquals(complete.length, partial.length);
    }

    private static RawImage decode(byte[] jpeg) throws DecodeException {
        return JpegDecoder.decode(jpeg, 0, jpeg.length);
    }
}
