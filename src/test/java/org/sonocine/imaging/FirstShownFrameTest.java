package org.sonocine.imaging;

import org.junit.jupiter.api.Test;
import org.sonocine.testing.ExpectedTable;
import org.sonocine.testing.RequiresSamples;
import org.sonocine.testing.Samples;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The frame a viewer shows first does not wait for ImageIO's plugins to load (some 0.15 s of a start on two cores):
 * it is decoded, to the reference values, by a decoder that is ready, and the frames after it load them.
 */
class FirstShownFrameTest {
    private static final String SAMPLE = "examples_ybr_color.dcm";

    @Test
    void decodersThatAreReadyComeFirstEachPartInItsOrder() {
        assertThat(FrameDecoders.readyFirst(List.of("jdk", "own", "twelvemonkeys"), name -> name.equals("own")))
                .containsExactly("own", "jdk", "twelvemonkeys");
        assertThat(FrameDecoders.readyFirst(List.of("a", "b"), name -> true)).containsExactly("a", "b");
    }

    @Test
    void theJpegChainKeepsItsOrderForEveryOtherFrame() {
        List<String> names = FrameDecoders.forSyntax(org.sonocine.dicom.TransferSyntax.of("1.2.840.10008.1.2.4.50"))
                .stream().map(FrameDecoder::name).toList();

        assertThat(names).containsExactly("JPEG (JDK ImageIO)", "JPEG (Sonocine)", "JPEG (TwelveMonkeys ImageIO)");
    }

    @Test
    @RequiresSamples
    void aFreshJvmShowsTheFirstJpegFrameExactlyBeforeImageIoLoads() throws Exception {
        String expected = ExpectedTable.rows().stream().filter(r -> r.file().equals(SAMPLE)).findFirst()
                .orElseThrow().get("frame1_sha256");
        Process probe = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xshare:off",
                "-Xlog:class+load=info:stdout:tags", "-cp", System.getProperty("java.class.path"),
                FirstShownFrameProbe.class.getName(), Samples.file(SAMPLE).toString()))
                .redirectErrorStream(true).start();
        String output = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(probe.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(probe.exitValue()).as(output).isZero();

        int first = output.indexOf("first frame sha256=");
        int registry = output.indexOf("javax.imageio.spi.IIORegistry ");
        assertThat(first).as(output).isNotNegative();
        assertThat(output.substring(first)).as(output).startsWith("first frame sha256=" + expected);
        assertThat(registry).as("ImageIO's registry is loaded for the second frame, not the first")
                .isGreaterThan(first);
        assertThat(output).contains("second frame decoded");
    }
}
