package org.sonocine.imaging.jpeg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sonocine.imaging.codec.RawImage;
import org.sonocine.testing.Samples;

/**
 * Decodes the JPEG samples and compares with the DCMTK decodes: frame 1 by its SHA-256 in expected.tsv, the last
 * frame byte for byte with reference/. Every one is required bit-exact, the lossy ones included: the decoder
 * computes libjpeg's integer IDCT, range limiting and upsampling, so there is no tolerance to allow.
 */
class JpegSampleConformanceTest {

    @ParameterizedTest(name = "{0} ({1}): frame 1 bit-exact")
    @CsvSource({
        "CT0012.fragmented_no_bot_jpeg_baseline.51.dcm, 12-bit DCT lossy",
        "CT0012.fragmented_no_bot_jpeg_lossless.57.dcm, 16-bit lossless",
        "JPEGLosslessP14SV1_3s_2f_u_08_08.dcm, 8-bit RGB lossless",
        "examples_ybr_color.dcm, 8-bit DCT lossy 4:2:0",
        "HasFragmentSequence.dcm, 8-bit DCT lossy grey",
        "IM00001.fragmented_no_bot_jpeg_baseline.50.dcm, 8-bit DCT lossy colour",
        "JPEGExtended_3s_1f_u_08_08.dcm, 8-bit DCT lossy colour",
    })
    void firstFrameMatchesExpectedSha256(String sample, String kind) throws IOException {
        RawImage image = decodeFrame(sample, 0);
        assertEquals(JpegSamples.expectedFrame1Sha256(sample), JpegSamples.sha256(JpegSamples.storedBytes(image)));
    }

    @ParameterizedTest(name = "{0} ({1}): last frame bit-exact")
    @CsvSource({
        "CT0012.fragmented_no_bot_jpeg_baseline.51.dcm, 12-bit DCT lossy",
        "CT0012.fragmented_no_bot_jpeg_lossless.57.dcm, 16-bit lossless",
        "JPEGLosslessP14SV1_3s_2f_u_08_08.dcm, 8-bit RGB lossless",
        "examples_ybr_color.dcm, 8-bit DCT lossy 4:2:0",
        "HasFragmentSequence.dcm, 8-bit DCT lossy grey",
        "IM00001.fragmented_no_bot_jpeg_baseline.50.dcm, 8-bit DCT lossy colour",
        "JPEGExtended_3s_1f_u_08_08.dcm, 8-bit DCT lossy colour",
    })
    void lastFrameMatchesReferenceExactly(String sample, String kind) throws IOException {
        int frames = JpegSamples.frameCount(sample);
        RawImage image = decodeFrame(sample, frames - 1);
        assertArrayEquals(Samples.referenceFrame(sample, frames), JpegSamples.storedBytes(image));
    }

    private static RawImage decodeFrame(String sample, int index) throws IOException {
        byte[] codestream = JpegSamples.codestream(sample, index);
        return JpegDecoder.decode(codestream, 0, codestream.length);
    }
}
