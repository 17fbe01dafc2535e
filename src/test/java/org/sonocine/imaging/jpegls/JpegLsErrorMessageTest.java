package org.sonocine.imaging.jpegls;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.sonocine.imaging.codec.DecodeException;
import org.sonocine.imaging.jpegls.JpegLsTestEncoder.Options;

/** Defective codestreams are rejected with a message that says what is wrong and where. */
class JpegLsErrorMessageTest {
    private static final int WIDTH = 20;
    private static final int HEIGHT = 12;

    private static byte[] valid(Options options) {
        int[] samples = SyntheticImages.smooth(WIDTH, HEIGHT, options.components(), options.maxVal(), 9);
        return JpegLsTestEncoder.encode(samples, WIDTH, HEIGHT, options).codestream();
    }

    private static String failureOf(byte[] codestream) {
        return assertThrows(DecodeException.class, () -> Codestreams.decode(codestream)).getMessage();
    }

    private static void assertMentions(String message, String... parts) {
        for (String part : parts) {
            assertTrue(message.contains(part), "\"" + message + "\" does not mention \"" + part + "\"");
        }
    }

    /** Where the marker {@code 0xFF code} starts. */
    private static int indexOfMarker(byte[] codestream, int code) {
        for (int i = 0; i + 1 < codestream.length; i++) {
            if (codestream[i] == (byte) 0xFF && (codestream[i + 1] & 0xFF) == code) {
                return i;
            }
        }
        throw new AssertionError("no marker 0xFF" + Integer.toHexString(code));
    }

    /** The codestream without the marker segment that starts at {@code at}. */
    private static byte[] withoutSegment(byte[] codestream, int at) {
        int length = (codestream[at + 2] & 0xFF) << 8 | (codestream[at + 3] & 0xFF);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(codestream, 0, at);
        out.write(codestream, at + 2 + length, codestream.length - at - 2 - length);
        return out.toByteArray();
    }

    @Test
    void aScanWithoutAFrameHeaderIsAMissingSof() {
        byte[] codestream = valid(Options.lossless(8, 1, 0));
        String message = failureOf(withoutSegment(codestream, indexOfMarker(codestream, 0xF7)));
        assertMentions(message, "SOF55", "missing SOF", "offset 2");
    }

    @Test
    void aCodestreamWithNoFrameAtAllSaysSo() {
        String message = failureOf(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xD9});
        assertMentions(message, "no SOF55 frame header", "EOI at offset 2");
    }

    @Test
    void aMappingTableIsNotSupported() {
        byte[] codestream = valid(Options.lossless(8, 1, 0));
        int sos = indexOfMarker(codestream, 0xDA);
        byte[] table = {(byte) 0xFF, (byte) 0xF8, 0, 8, 2, 1, 1, 0, 1, 2}; // LSE ID 2: table 1, 1-byte entries
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(codestream, 0, sos);
        out.writeBytes(table);
        out.write(codestream, sos, codestream.length - sos);
        String message = failureOf(out.toByteArray());
        assertMentions(message, "mapping table", "not supported", "offset " + sos);
    }

    @Test
    void aScanThatSelectsAMappingTableIsNotSupported() {
        byte[] codestream = valid(Options.lossless(8, 1, 0));
        int sos = indexOfMarker(codestream, 0xDA);
        codestream[sos + 6] = 1; // Tm of the only component
        assertMentions(failureOf(codestream), "mapping table 1", "not supported");
    }

    @Test
    void aTruncatedScanIsReportedAsTruncated() {
        byte[] codestream = valid(Options.lossless(8, 3, 1));
        byte[] truncated = Arrays.copyOf(codestream, codestream.length * 2 / 3);
        assertMentions(failureOf(truncated), "truncated", "offset " + truncated.length, "line");
    }

    @Test
    void aMissingComponentScanIsReported() {
        byte[] codestream = valid(Options.lossless(8, 3, 0));
        int eoi = codestream.length - 2;
        int lastScan = codestream.length;
        for (int i = 0; i + 1 < eoi; i++) {
            if (codestream[i] == (byte) 0xFF && codestream[i + 1] == (byte) 0xDA) {
                lastScan = i;
            }
        }
        byte[] cut = Arrays.copyOf(codestream, lastScan + 2);
        cut[lastScan + 1] = (byte) 0xD9; // EOI where the third scan began
        assertMentions(failureOf(cut), "component 3 has no scan");
    }

    @Test
    void aJpegBaselineCodestreamIsNotJpegLs() {
        byte[] baseline = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xC0, 0, 11, 8, 0, 16, 0, 16, 1, 1, 0x11, 0};
        assertMentions(failureOf(baseline), "not a JPEG-LS codestream", "SOF0");
    }

    @Test
    void somethingElseEntirelyLacksSoi() {
        assertMentions(failureOf(new byte[] {'D', 'I', 'C', 'M'}), "SOI");
    }

    @Test
    void aHeaderClaimingMoreLinesThanTheDataCanHoldIsRejectedBeforeAllocating() {
        byte[] codestream = valid(Options.lossless(8, 1, 0));
        int sof = indexOfMarker(codestream, 0xF7);
        codestream[sof + 5] = (byte) 0xFF; // height 65535
        codestream[sof + 6] = (byte) 0xFF;
        codestream[sof + 7] = (byte) 0x75; // width 30000: 2 GB of samples, but under the array limit
        codestream[sof + 8] = (byte) 0x30;
        assertMentions(failureOf(codestream), "30000 x 65535", "truncated or its header is wrong");
    }

    @Test
    void aFrameBeyondTheArrayLimitIsRejected() {
        byte[] codestream = valid(Options.lossless(16, 3, 1));
        int sof = indexOfMarker(codestream, 0xF7);
        Arrays.fill(codestream, sof + 5, sof + 9, (byte) 0xFF);
        assertMentions(failureOf(codestream), "65535 x 65535", "too large");
    }

    @Test
    void anInvalidPrecisionIsRejected() {
        byte[] codestream = valid(Options.lossless(8, 1, 0));
        codestream[indexOfMarker(codestream, 0xF7) + 4] = 17;
        assertMentions(failureOf(codestream), "sample precision 17 bits", "2 to 16");
    }

    @Test
    void aWrongRestartMarkerIsReported() {
        byte[] codestream = valid(Options.lossless(8, 1, 0).withRestartInterval(3));
        int rst0 = indexOfMarker(codestream, 0xD0);
        codestream[rst0 + 1] = (byte) 0xD3;
        assertMentions(failureOf(codestream), "RST0 expected at offset " + rst0, "0xFFD3");
    }
}
