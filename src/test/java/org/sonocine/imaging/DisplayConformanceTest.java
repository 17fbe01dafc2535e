package org.sonocine.imaging;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.sonocine.dicom.DicomFile;
import org.sonocine.testing.RequiresSamples;
import org.sonocine.testing.Samples;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Display images against the reference renderings (DCMTK's dcm2pnm): same size, and every channel within a
 * small tolerance, since DCMTK's colour conversion and window rounding differ from ours by a level at most.
 * Grey samples are rendered with the window choice the reference command used (+Wm: the frame's value range;
 * +Wi 1: the file's first window).
 */
class DisplayConformanceTest {
    static final int MAX_DIFFERENCE = 2;
    static final double MAX_MEAN_DIFFERENCE = 0.5;

    /** (sample, png file, command) of every rendered reference. */
    static Stream<String[]> renderedReferences() throws IOException {
        List<String> lines = Files.readAllLines(Samples.dir().resolve("reference/index.tsv"), StandardCharsets.UTF_8);
        List<String> header = List.of(lines.get(0).split("\t"));
        int png = header.indexOf("png_file");
        int command = header.indexOf("png_command");
        List<String[]> out = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] c = line.split("\t");
            if (c.length > png && !c[png].isEmpty()) {
                out.add(new String[] {c[0], c[png], c[command]});
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderedReferences")
    @RequiresSamples
    void firstFrameLooksLikeTheReferenceRendering(String sample, String png, String command) throws Exception {
        BufferedImage reference = ImageIO.read(Samples.dir().resolve("reference").resolve(png).toFile());
        try (DicomFile file = DicomFile.open(Samples.dir().resolve(sample))) {
            FrameSource source = FrameSource.of(file);
            if (source.unsupportedReason() != null) {
                return;
            }
            GreyscaleRenderer.VoiChoice choice = command.contains("+Wm") ? GreyscaleRenderer.VoiChoice.MIN_MAX
                    : GreyscaleRenderer.VoiChoice.FROM_FILE;
            DisplayFrame frame = FrameRenderers.forSource(source, choice).render(source.decode(0));
            assertEquals(reference.getWidth(), frame.width());
            assertEquals(reference.getHeight(), frame.height());
            Raster r = reference.getRaster();
            int bands = r.getNumBands();
            long total = 0;
            int worst = 0;
            for (int y = 0; y < frame.height(); y++) {
                for (int x = 0; x < frame.width(); x++) {
                    int argb = frame.pixel(x, y);
                    for (int b = 0; b < bands; b++) {
                        int ours = bands == 1 ? argb & 0xFF : (argb >> (16 - 8 * b)) & 0xFF;
                        int diff = Math.abs(ours - r.getSample(x, y, b));
                        total += diff;
                        worst = Math.max(worst, diff);
                    }
                }
            }
            double mean = (double) total / ((long) frame.width() * frame.height() * bands);
            assertTrue(worst <= MAX_DIFFERENCE && mean <= MAX_MEAN_DIFFERENCE,
                    "largest difference " + worst + ", mean " + mean);
        }
    }
}
