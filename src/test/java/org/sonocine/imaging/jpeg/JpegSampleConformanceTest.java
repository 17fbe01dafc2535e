package org.sonocine.imaging.jpeg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sonocine.imaging.RawImage;

/**
 * Decodes the JPEG samples and compares with the DCMTK decodes: frame 1 by its SHA-256 in expected.tsv, the last
 * frame byte for byte with reference/. All are expected bit-exact, the lossy ones included, because the decoder
 * reproduces libjpeg's integer IDCT and upsampling.
 */
class JpegSampleConformanceTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "CT0012.fragmented_no_bot_jpeg_baseline.51.dcm",
        "CT0012.fragmented_no_bot_jpeg_lossless.57.dcm",
        "JPEGLosslessP14SV1_3s_2f_u_08_08.dcm",
        "examples_ybr_color.dcm",
        "HasFragmentSequence.dcm",
        "IM00001.fragmented_no_bot_jpeg_baseline.50.dcm",
        "JPEGExtended_3s_1f_u_08_08.dcm",
    })
    void firstFrameMatchesExpectedSha256(String sample) throws IOException {
        RawImage image = decodeFrame(sample, 0);
        assertEquals(JpegSamples.expectedFrame1Sha256(sample), JpegSamples.sha256(JpegSamples.storedBytes(image)));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "CT0012.fragmented_no_bot_jpeg_baseline.51.dcm",
        "CT0012.fragmented_no_bot_jpeg_lossless.57.dcm",
        "JPEGLosslessP14SV1_3s_2f_u_08_08.dcm",
        "examples_ybr_color.dcm",
        "HasFragmentSequence.dcm",
        "IM00001.fragmented_no_bot_jpeg_baseline.50.dcm",
        "JPEGExtended_3s_1f_u_08_08.dcm",
    })
    void lastFrameMatchesReferenceExactly(String sample) throws IOException {
        int frames = JpegSamples.frameCount(sample);
        RawImage image = decodeFrame(sample, frames - 1);
        assertArrayEquals(JpegSamples.referenceFrame(sample, frames), JpegSamples.storedBytes(image));
    }

    private static RawImage decodeFrame(String sample, int index) throws IOException {
        byte[] codestream = JpegSamples.codestream(sample, index);
        return JpegDecoder.decode(codestream, 0, codestream.length);
    }
}
