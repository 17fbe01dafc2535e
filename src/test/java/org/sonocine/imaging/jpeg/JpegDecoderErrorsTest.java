package org.sonocine.imaging.jpeg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sonocine.imaging.codec.DecodeException;
import org.sonocine.imaging.codec.RawImage;

/** What the decoder says about defective codestreams, and where it recovers as libjpeg (and DCMTK) do. */
class JpegDecoderErrorsTest {

    @Test
    void dataWithoutStartOfImageIsNotJpeg() {
        byte[] data = {0x12, 0x34, 0x56, 0x78};
        assertMessage(data, "not a JPEG codestream: it does not start with an SOI marker");
    }

    @Test
    void codestreamWithoutFrameHeaderSaysSo() {
        byte[] data = bytes(0xFF, 0xD8, 0xFF, 0xFE, 0x00, 0x04, 'h', 'i', 0xFF, 0xD9);
        assertMessage(data, "no frame header (SOF)");
    }

    @Test
    void arithmeticCodingIsNotSupported() {
        byte[] data = bytes(0xFF, 0xD8, 0xFF, 0xC9, 0x00, 0x0B, 8, 0, 16, 0, 16, 1, 1, 0x11, 0, 0xFF, 0xD9);
        assertMessage(data, "arithmetic-coded JPEG (SOF9) is not supported");
    }

    @Test
    void hierarchicalIsNotSupported() {
        byte[] data = bytes(0xFF, 0xD8, 0xFF, 0xC5, 0x00, 0x0B, 8, 0, 16, 0, 16, 1, 1, 0x11, 0, 0xFF, 0xD9);
        assertMessage(data, "hierarchical JPEG (SOF5) is not supported");
    }

    @ParameterizedTest(name = "Ss={0} Se={1} Ah={2} Al={3}")
    @CsvSource({
        "0, 5, 0, 0, a DC scan (Ss 0) must end at Se 0",
        "6, 5, 0, 0, an AC band must lie within 1 <= Ss <= Se <= 63",
        "1, 64, 0, 0, an AC band must lie within 1 <= Ss <= Se <= 63",
        "0, 0, 3, 1, a refinement scan must code the next bit (Al = Ah - 1)",
        "0, 0, 0, 14, Al may be at most 13",
    })
    void progressiveScanWithInvalidParametersSaysWhy(int ss, int se, int ah, int al, String why) {
        byte[] jpeg = progressiveGrey();
        int parameters = JpegMarkers.scanData(jpeg, JpegMarkers.scans(jpeg).get(0)) - 3;
        jpeg[parameters] = (byte) ss;
        jpeg[parameters + 1] = (byte) se;
        jpeg[parameters + 2] = (byte) (ah << 4 | al);
        assertMessage(jpeg, "progressive JPEG scan Ss=" + ss + " Se=" + se + " Ah=" + ah + " Al=" + al
                + " is invalid: " + why);
    }

    @Test
    void progressiveAcScanOfSeveralComponentsIsInvalid() {
        CoefficientImage image = CoefficientImage.synthetic(20, 12, 8, new int[] {1, 1}, new int[] {1, 1}, 0, 3);
        byte[] jpeg = DctJpegEncoder.progressive(image, List.of(DctJpegEncoder.Scan.of(0, 0, 0, 0, 0, 1)));
        int parameters = JpegMarkers.scanData(jpeg, JpegMarkers.scans(jpeg).get(0)) - 3;
        jpeg[parameters] = 1;
        jpeg[parameters + 1] = 63;
        assertMessage(jpeg, "is invalid: an AC scan may code one component only");
    }

    @Test
    void progressiveScanThatEndsEarlyIsTruncated() {
        byte[] jpeg = progressiveGrey();
        List<Integer> scans = JpegMarkers.scans(jpeg);
        int second = scans.get(1);
        int cut = (JpegMarkers.scanData(jpeg, second) + scans.get(2)) / 2;
        assertMessage(Arrays.copyOf(jpeg, cut), "JPEG data is truncated: a progressive scan ends in MCU");
    }

    @Test
    void progressiveScansWithoutEndOfImageAreTruncated() {
        byte[] jpeg = progressiveGrey();
        assertMessage(Arrays.copyOf(jpeg, jpeg.length - 2), "the progressive scans end without an EOI marker");
    }

    @Test
    void progressionThatCodesACoefficientOverAndOverIsRefused() {
        CoefficientImage image = CoefficientImage.synthetic(20, 12, 8, new int[] {1}, new int[] {1}, 0, 3);
        List<DctJpegEncoder.Scan> script = Collections.nCopies(15, DctJpegEncoder.Scan.of(0, 0, 0, 0, 0));
        byte[] jpeg = DctJpegEncoder.progressive(image, script);
        assertMessage(jpeg, "codes coefficient 0 of component 97 more than 14 times");
    }

    /** Valid but absurd: every AC coefficient in a band of its own, the last one refined once more. */
    @Test
    void componentInMoreThan64ScansIsRefused() throws DecodeException {
        CoefficientImage image = CoefficientImage.synthetic(20, 12, 8, new int[] {1}, new int[] {1}, 0, 3);
        List<DctJpegEncoder.Scan> script = new ArrayList<>();
        script.add(DctJpegEncoder.Scan.of(0, 0, 0, 0, 0));
        for (int k = 1; k < 63; k++) {
            script.add(DctJpegEncoder.Scan.of(k, k, 0, 0, 0));
        }
        script.add(DctJpegEncoder.Scan.of(63, 63, 0, 1, 0));
        byte[] sixtyFour = DctJpegEncoder.progressive(image, script);
        script.add(DctJpegEncoder.Scan.of(63, 63, 1, 0, 0));
        byte[] sixtyFive = DctJpegEncoder.progressive(image, script);

        byte[] sequential = DctJpegEncoder.sequential(image);
        assertArrayEquals(JpegDecoder.decode(sequential, 0, sequential.length).bytes(),
                JpegDecoder.decode(sixtyFour, 0, sixtyFour.length).bytes(), "64 scans are still decoded");
        assertMessage(sixtyFive, "codes component 97 in more than 64 scans");
    }

    @Test
    void progressiveHeaderThatClaimsFarMoreThanTheDataHoldsIsRefusedBeforeAllocating() {
        byte[] jpeg = progressiveGrey();
        int sof = indexOf(jpeg, 0xC2);
        byte[] size12000 = {0x2E, (byte) 0xE0};
        System.arraycopy(size12000, 0, jpeg, sof + 5, 2);
        System.arraycopy(size12000, 0, jpeg, sof + 7, 2);
        assertMessage(jpeg, "header is corrupt or the data truncated: a 12000x12000 frame needs at least");
    }

    @Test
    void sixteenBitDctIsNotSupported() {
        byte[] data = bytes(0xFF, 0xD8, 0xFF, 0xC1, 0x00, 0x0B, 16, 0, 16, 0, 16, 1, 1, 0x11, 0, 0xFF, 0xD9);
        assertMessage(data, "DCT JPEG precision 16 is not supported");
    }

    @Test
    void scanDataThatEndsEarlyIsTruncated() {
        byte[] jpeg = TestImages.lossless();
        assertMessage(Arrays.copyOf(jpeg, jpeg.length * 2 / 3), "JPEG data is truncated");
    }

    @Test
    void baselineScanThatEndsEarlyIsTruncated() {
        byte[] jpeg = TestImages.baselineColour();
        assertMessage(Arrays.copyOf(jpeg, jpeg.length - 40), "JPEG data is truncated");
    }

    @Test
    void segmentCutShortNamesTheSegment() {
        byte[] jpeg = TestImages.lossless();
        int dht = indexOf(jpeg, 0xC4);
        assertMessage(Arrays.copyOf(jpeg, dht + 10), "JPEG data ends inside the DHT segment");
    }

    @Test
    void headerThatClaimsFarMoreThanTheDataHoldsIsRefusedBeforeAllocating() {
        byte[] jpeg = TestImages.lossless();
        int sof = indexOf(jpeg, 0xC3);
        byte[] size4000 = {0x0F, (byte) 0xA0};
        System.arraycopy(size4000, 0, jpeg, sof + 5, 2);
        System.arraycopy(size4000, 0, jpeg, sof + 7, 2);
        assertMessage(jpeg, "header is corrupt or the data truncated: a 4000x4000 frame needs at least");
    }

    @Test
    void scanUsingAnUndefinedHuffmanTableSaysWhichOne() {
        byte[] jpeg = TestImages.lossless();
        int sos = indexOf(jpeg, 0xDA);
        jpeg[sos + 6] = 0x30;
        assertMessage(jpeg, "Huffman table 3 is used but was never defined");
    }

    @Test
    void missingEndOfImageAfterCompleteScansIsTolerated() throws DecodeException {
        byte[] jpeg = TestImages.baselineColour();
        RawImage complete = JpegDecoder.decode(jpeg, 0, jpeg.length);
        RawImage withoutEoi = JpegDecoder.decode(jpeg, 0, jpeg.length - 2);
        assertArrayEquals(complete.bytes(), withoutEoi.bytes());
    }

    @Test
    void markerThatCutsALosslessScanShortLeavesTheRestAtTheInitialPrediction() throws DecodeException {
        int[][] planes = LosslessRoundTripTest.syntheticPlanes(1, 12, 7);
        byte[] jpeg = LosslessJpegEncoder.encode(planes, 23, 17, 12, 1, 0, 0, true);
        int cut = indexOf(jpeg, 0xDA) + 30;
        byte[] damaged = concat(Arrays.copyOf(jpeg, cut), bytes(0xFF, 0xD9));

        RawImage image = JpegDecoder.decode(damaged, 0, damaged.length);

        short[] lastLine = Arrays.copyOfRange(image.shorts(), 23 * 16, 23 * 17);
        short[] initial = new short[23];
        Arrays.fill(initial, (short) (1 << 11));
        assertArrayEquals(initial, lastLine, "libjpeg's lossless recovery: zero differences from a reset");
    }

    @Test
    void markerThatCutsADctScanShortLeavesTheRestMidGrey() throws DecodeException {
        byte[] jpeg = TestImages.baselineGrey();
        int cut = indexOf(jpeg, 0xDA) + 40;
        byte[] damaged = concat(Arrays.copyOf(jpeg, cut), bytes(0xFF, 0xD9));

        RawImage image = JpegDecoder.decode(damaged, 0, damaged.length);

        byte[] lastLine = Arrays.copyOfRange(image.bytes(), 45 * 28, 45 * 29);
        byte[] grey = new byte[45];
        Arrays.fill(grey, (byte) 128);
        assertArrayEquals(grey, lastLine, "libjpeg leaves the blocks after the cut at zero: level 128");
    }

    @Test
    void decodedSizeComesFromTheFrameHeader() throws DecodeException {
        byte[] jpeg = TestImages.baselineGrey();
        RawImage image = JpegDecoder.decode(jpeg, 0, jpeg.length);
        assertEquals(45, image.width());
        assertEquals(29, image.height());
        assertEquals(1, image.components());
        assertEquals(8, image.precision());
    }

    /** A 12-bit 61x37 grey image in libjpeg's default progression. */
    private static byte[] progressiveGrey() {
        CoefficientImage image = CoefficientImage.synthetic(61, 37, 12, new int[] {1}, new int[] {1}, 0, 9);
        return DctJpegEncoder.progressive(image, DctJpegEncoder.fullProgression(1));
    }

    private static void assertMessage(byte[] data, String expected) {
        DecodeException e = assertThrows(DecodeException.class, () -> JpegDecoder.decode(data, 0, data.length));
        assertTrue(e.getMessage().contains(expected), () -> "message \"" + e.getMessage() + "\" lacks \""
                + expected + "\"");
    }

    /** Index of the first FF xx marker with code {@code code}. */
    private static int indexOf(byte[] data, int code) {
        for (int i = 0; i + 1 < data.length; i++) {
            if (data[i] == (byte) 0xFF && data[i + 1] == (byte) code) {
                return i;
            }
        }
        throw new IllegalArgumentException("no marker " + Integer.toHexString(code));
    }

    private static byte[] bytes(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(a);
        out.writeBytes(b);
        return out.toByteArray();
    }

}
