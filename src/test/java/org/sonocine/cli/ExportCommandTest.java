package org.sonocine.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sonocine.dicom.Attributes;
import org.sonocine.dicom.DicomWriter;
import org.sonocine.dicom.Fragments;
import org.sonocine.dicom.Tag;
import org.sonocine.dicom.TransferSyntax;
import org.sonocine.dicom.VR;
import org.sonocine.study.DemoCine;
import org.sonocine.testing.ImageHeaders;
import org.sonocine.testing.Samples;
import org.jcodec.api.FrameGrab;
import org.jcodec.api.JCodecException;
import org.jcodec.api.PictureWithMetadata;
import org.jcodec.common.io.NIOUtils;
import org.jcodec.common.io.SeekableByteChannel;
import org.jcodec.common.model.ColorSpace;
import org.jcodec.common.model.Picture;
import org.jcodec.scale.ColorUtil;
import org.w3c.dom.Node;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.stream.ImageInputStream;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class ExportCommandTest {

    /** A decoded GIF: its frames and each frame's delay in 1/100 s. */
    private record Gif(List<BufferedImage> frames, List<Integer> delays) {
        static Gif read(Path file) throws IOException {
            ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
            try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
                reader.setInput(in);
                int n = reader.getNumImages(true);
                List<BufferedImage> frames = new ArrayList<>();
                List<Integer> delays = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    frames.add(reader.read(i));
                    IIOMetadata metadata = reader.getImageMetadata(i);
                    Node root = metadata.getAsTree("javax_imageio_gif_image_1.0");
                    for (Node c = root.getFirstChild(); c != null; c = c.getNextSibling()) {
                        if (c.getNodeName().equals("GraphicControlExtension")) {
                            delays.add(Integer.parseInt(c.getAttributes().getNamedItem("delayTime").getNodeValue()));
                        }
                    }
                }
                return new Gif(frames, delays);
            } finally {
                reader.dispose();
            }
        }
    }

    private static double[] meanRgb(BufferedImage image) {
        double[] sum = new double[3];
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int p = image.getRGB(x, y);
                sum[0] += (p >> 16) & 0xFF;
                sum[1] += (p >> 8) & 0xFF;
                sum[2] += p & 0xFF;
            }
        }
        double n = (double) image.getWidth() * image.getHeight();
        return new double[] {sum[0] / n, sum[1] / n, sum[2] / n};
    }

    /**
     * The stored grey level: a grey PNG's sample (its getRGB would convert from linear grey), a GIF's palette
     * entry.
     */
    private static int grey(BufferedImage image, int x, int y) {
        return image.getType() == BufferedImage.TYPE_BYTE_GRAY ? image.getRaster().getSample(x, y, 0)
                : image.getRGB(x, y) & 0xFF;
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** A grey cine of 3 frames of 4 x 6 pixels, each a different grey,, shown twice as tall as wide, played as a sweep. */
    private static Path tallSweep(Path dir) throws IOException {
        Attributes ds = ImageHeaders.of(4, 6, 1, 8, "MONOCHROME2", 3);
        ds.setString(Tag.PixelAspectRatio, VR.IS, "2", "1");
        ds.setString(Tag.FrameTimeVector, VR.DS, "0", "40", "25");
        ds.setInt(Tag.FrameIncrementPointer, VR.AT, Tag.FrameTimeVector);
        ds.setInt(Tag.PreferredPlaybackSequencing, VR.US, 1);
        byte[] pixels = new byte[3 * 24];
        for (int i = 0; i < pixels.length; i++) {
            // Each frame spans black to white, so that however it is windowed its middle grey differs by frame.
            int at = i % 24;
            pixels[i] = (byte) (at == 0 ? 0 : at == 23 ? 255 : i / 24 * 100 + 20);
        }
        ds.setBytes(Tag.PixelData, VR.OB, pixels);
        Path file = dir.resolve("tall.dcm");
        new DicomWriter(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN).writeFile(file, ds);
        return file;
    }

    @Test
    void theDemoCineBecomesAGifAtItsFrameTimeWithoutDrift(@TempDir Path dir) throws IOException {
        Path demo = dir.resolve("demo.dcm");
        DemoCine.write(demo);
        Path gif = dir.resolve("demo.gif");

        CliRun run = CliRun.of("export", "--no-overlay", demo.toString(), "--out", gif.toString());
        CliRun png = CliRun.of("frames", demo.toString(), "--out", dir.resolve("png").toString(), "--frames", "25");

        assertEquals(0, run.status(), run.err());
        assertEquals(0, png.status(), png.err());
        Gif read = Gif.read(gif);
        assertEquals(DemoCine.FRAMES, read.frames().size());
        assertEquals(DemoCine.COLUMNS, read.frames().get(0).getWidth());
        assertEquals(DemoCine.ROWS, read.frames().get(0).getHeight());
        assertEquals(List.of(3, 4, 3, 3, 4, 3), read.delays().subList(0, 6),
                "Frame Time 33.333 ms: 1/100 s delays carrying the rounding");
        long elapsedCs = 0;
        for (int i = 0; i < read.delays().size(); i++) {
            elapsedCs += read.delays().get(i);
            assertThat(Math.abs(elapsedCs * 10 - (i + 1) * 33.333)).as("drift after frame %d", i + 1)
                    .isLessThan(10);
        }
        double[] exported = meanRgb(read.frames().get(24));
        double[] displayed = meanRgb(ImageIO.read(dir.resolve("png/frame-0025.png").toFile()));
        for (int c = 0; c < 3; c++) {
            assertThat(exported[c]).as("mean of channel %d", c).isCloseTo(displayed[c],
                    org.assertj.core.data.Offset.offset(1.5));
        }
        assertThat(run.out()).startsWith("wrote 60 frames of 640 x 640, 2000 ms, to ");
        assertEquals(List.of("demo.dcm", "demo.gif", "png"), names(dir), "no temporary file left beside it");
    }

    @Test
    void theOverlayTextIsDrawnInTheTopLeftCornerUnlessNoOverlayIsGiven(@TempDir Path dir) throws IOException {
        Path demo = dir.resolve("demo.dcm");
        DemoCine.write(demo);

        CliRun with = CliRun.of("export", demo.toString(), "--out", dir.resolve("with").toString(), "--frames",
                "25");
        CliRun without = CliRun.of("export", "--no-overlay", demo.toString(), "--out",
                dir.resolve("without").toString(), "--frames", "25");
        CliRun png = CliRun.of("frames", demo.toString(), "--out", dir.resolve("png").toString(), "--frames", "25");

        assertEquals(0, with.status(), with.err());
        assertEquals(0, without.status(), without.err());
        assertEquals(0, png.status(), png.err());
        BufferedImage overlaid = ImageIO.read(dir.resolve("with/frame-0001.png").toFile());
        BufferedImage plain = ImageIO.read(dir.resolve("without/frame-0001.png").toFile());
        BufferedImage rendered = ImageIO.read(dir.resolve("png/frame-0025.png").toFile());
        assertThat(differingPixels(plain, rendered, 0, 0, plain.getWidth(), plain.getHeight()))
                .as("--no-overlay: the rendering itself").isZero();
        assertThat(differingPixels(overlaid, rendered, 0, 0, 200, 40)).as("text in the top-left corner")
                .isGreaterThan(500);
        assertThat(differingPixels(overlaid, rendered, 0, 80, overlaid.getWidth(), overlaid.getHeight()))
                .as("the rest of the image untouched").isZero();
    }

    private static int differingPixels(BufferedImage a, BufferedImage b, int x0, int y0, int x1, int y1) {
        int differing = 0;
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                if ((a.getRGB(x, y) & 0xFFFFFF) != (b.getRGB(x, y) & 0xFFFFFF)) {
                    differing++;
                }
            }
        }
        return differing;
    }

    @Test
    void aSweepIsExportedForwardThenBackWithThePixelAspectApplied(@TempDir Path dir) throws IOException {
        Path file = tallSweep(dir);
        Path gif = dir.resolve("out.gif");

        CliRun run = CliRun.of("export", "--no-overlay", file.toString(), "--out", gif.toString());
        CliRun png = CliRun.of("frames", file.toString(), "--out", dir.resolve("png").toString());

        assertEquals(0, run.status(), run.err());
        assertEquals(0, png.status(), png.err());
        Gif read = Gif.read(gif);
        assertEquals(4, read.frames().size(), "frames 1, 2, 3, 2");
        assertEquals(List.of(4, 3, 2, 4), read.delays(), "40 and 25 ms, carried: 40, 65->70, 90, 130 ms");
        BufferedImage first = read.frames().get(0);
        assertEquals(6, first.getWidth());
        assertEquals(8, first.getHeight(), "rows doubled so that pixels are square");
        int[] played = {1, 2, 3, 2};
        for (int i = 0; i < played.length; i++) {
            BufferedImage displayed = ImageIO.read(dir.resolve("png/frame-000" + played[i] + ".png").toFile());
            assertEquals(grey(displayed, 2, 1), grey(read.frames().get(i), 2, 3), "entry " + i);
        }
        assertThat(grey(read.frames().get(0), 2, 3)).as("the frames differ")
                .isNotEqualTo(grey(read.frames().get(2), 2, 3));
    }

    @Test
    void scaleAndChosenFramesGoIntoAFolderOfPngInPlayOrder(@TempDir Path dir) throws IOException {
        Path file = tallSweep(dir);
        Path out = dir.resolve("frames");

        CliRun run = CliRun.of("export", "--no-overlay", file.toString(), "--out", out.toString(), "--frames", "3,1", "--scale",
                "2");
        CliRun png = CliRun.of("frames", file.toString(), "--out", dir.resolve("png").toString());

        assertEquals(0, run.status(), run.err());
        assertEquals(0, png.status(), png.err());
        assertEquals(List.of("frame-0001.png", "frame-0002.png"), names(out));
        BufferedImage first = ImageIO.read(out.resolve("frame-0001.png").toFile());
        assertEquals(12, first.getWidth());
        assertEquals(16, first.getHeight());
        BufferedImage third = ImageIO.read(dir.resolve("png/frame-0003.png").toFile());
        BufferedImage firstOfFile = ImageIO.read(dir.resolve("png/frame-0001.png").toFile());
        assertThat(grey(third, 2, 1)).isNotEqualTo(grey(firstOfFile, 2, 1));
        assertEquals(grey(third, 2, 1), grey(first, 5, 7), "frame 3 first");
        assertEquals(grey(firstOfFile, 2, 1), grey(ImageIO.read(out.resolve("frame-0002.png").toFile()), 5, 7));
    }

    @Test
    void theInputIsNeverTheOutput(@TempDir Path dir) throws IOException {
        Path file = tallSweep(dir);
        byte[] before = Files.readAllBytes(file);

        CliRun run = CliRun.of("export", "--no-overlay", file.toString(), "--out", file.toString(), "--format", "gif");

        assertEquals(1, run.status());
        assertEquals("sonocine export: " + file + " is the file being exported: choose another output\n", run.err());
        assertArrayEquals(before, Files.readAllBytes(file));
        assertEquals(List.of("tall.dcm"), names(dir));
    }

    @Test
    void aFrameThatCannotBeDecodedLeavesNoFileBehind(@TempDir Path dir) throws IOException {
        Attributes ds = ImageHeaders.of(4, 4, 1, 8, "MONOCHROME2", 3);
        Fragments fragments = new Fragments();
        fragments.add(new byte[0]);
        for (int frame = 0; frame < 3; frame++) {
            byte[] rle = new byte[80];
            // An RLE header announcing more segments than a grey image has.
            rle[0] = 9;
            fragments.add(rle);
        }
        ds.set(Tag.PixelData, VR.OB, fragments);
        Path file = dir.resolve("broken.dcm");
        new DicomWriter(TransferSyntax.RLE_LOSSLESS).writeFile(file, ds);

        CliRun run = CliRun.of("export", "--no-overlay", file.toString(), "--out", dir.resolve("out.gif").toString());

        assertEquals(1, run.status());
        assertThat(run.err()).startsWith("sonocine export: ").doesNotContain("Exception").hasLineCount(1);
        assertEquals(List.of("broken.dcm"), names(dir));
    }

    /** A decoded MP4 (by jcodec, independently of the writer): each frame's time, duration and picture. */
    private record Video(List<Double> startsMs, List<Double> durationsMs, List<BufferedImage> frames) {
        static Video read(Path file) throws IOException {
            List<Double> starts = new ArrayList<>();
            List<Double> durations = new ArrayList<>();
            List<BufferedImage> frames = new ArrayList<>();
            try (SeekableByteChannel in = NIOUtils.readableChannel(file.toFile())) {
                FrameGrab grab = FrameGrab.createFrameGrab(in);
                PictureWithMetadata frame;
                while ((frame = grab.getNativeFrameWithMetadata()) != null) {
                    starts.add(frame.getTimestamp() * 1000);
                    durations.add(frame.getDuration() * 1000);
                    frames.add(rgb(frame.getPicture()));
                }
            } catch (JCodecException e) {
                throw new IOException(e);
            }
            return new Video(starts, durations, frames);
        }

        /** The picture's visible part in RGB, read as studio-range BT.601 as players read it. */
        private static BufferedImage rgb(Picture picture) {
            Picture studio = Picture.createPicture(picture.getWidth(), picture.getHeight(), picture.getData(),
                    ColorSpace.YUV420);
            Picture rgb = Picture.create(picture.getWidth(), picture.getHeight(), ColorSpace.RGB);
            ColorUtil.getTransform(ColorSpace.YUV420, ColorSpace.RGB).transform(studio, rgb);
            int width = picture.getCroppedWidth();
            int height = picture.getCroppedHeight();
            BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
            byte[] packed = rgb.getPlaneData(0);
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    int at = (y * picture.getWidth() + x) * 3;
                    image.setRGB(x, y, (packed[at] + 128) << 16 | (packed[at + 1] + 128) << 8 | (packed[at + 2] + 128));
                }
            }
            return image;
        }
    }

    @Test
    void theDemoCineBecomesAnMp4WithItsFrameTimesAndColours(@TempDir Path dir) throws IOException {
        Path demo = dir.resolve("demo.dcm");
        DemoCine.write(demo);
        Path mp4 = dir.resolve("demo.mp4");

        CliRun run = CliRun.of("export", "--no-overlay", demo.toString(), "--out", mp4.toString());
        CliRun png = CliRun.of("frames", demo.toString(), "--out", dir.resolve("png").toString(), "--frames", "25");

        assertEquals(0, run.status(), run.err());
        assertEquals(0, png.status(), png.err());
        Video video = Video.read(mp4);
        assertEquals(DemoCine.FRAMES, video.frames().size());
        for (int i = 0; i < DemoCine.FRAMES; i++) {
            assertThat(video.startsMs().get(i)).as("time of frame %d", i + 1)
                    .isCloseTo(i * 33.333, org.assertj.core.data.Offset.offset(1.0));
        }
        assertEquals(DemoCine.COLUMNS, video.frames().get(0).getWidth());
        assertEquals(DemoCine.ROWS, video.frames().get(0).getHeight());
        double[] exported = meanRgb(video.frames().get(24));
        double[] displayed = meanRgb(ImageIO.read(dir.resolve("png/frame-0025.png").toFile()));
        for (int c = 0; c < 3; c++) {
            assertThat(exported[c]).as("mean of channel %d", c).isCloseTo(displayed[c],
                    org.assertj.core.data.Offset.offset(3.0));
        }
        assertEquals(List.of("demo.dcm", "demo.mp4", "png"), names(dir), "no temporary file left beside it");
    }

    @Test
    void aFrameTimeVectorGivesEachVideoFrameItsOwnTimeStamp(@TempDir Path dir) throws IOException {
        Path sample = Samples.file("IM00001.implicit_little_endian.dcm");
        Path mp4 = dir.resolve("vector.mp4");

        CliRun run = CliRun.of("export", "--no-overlay", sample.toString(), "--out", mp4.toString());

        assertEquals(0, run.status(), run.err());
        // Frame Time Vector 33.333\50\33.333\50\50\50\33.333\43.333: element i is the time from frame i-1 to i,
        // the first the time from the last frame back to the first.
        double[] vector = {33.333, 50, 33.333, 50, 50, 50, 33.333, 43.333};
        Video video = Video.read(mp4);
        assertEquals(vector.length, video.frames().size());
        double start = 0;
        for (int i = 0; i < vector.length; i++) {
            double duration = vector[(i + 1) % vector.length];
            assertThat(video.startsMs().get(i)).as("time of frame %d", i + 1)
                    .isCloseTo(start, org.assertj.core.data.Offset.offset(1.0));
            assertThat(video.durationsMs().get(i)).as("duration of frame %d", i + 1)
                    .isCloseTo(duration, org.assertj.core.data.Offset.offset(1.0));
            start += duration;
        }
        assertEquals(320, video.frames().get(0).getWidth());
        assertEquals(240, video.frames().get(0).getHeight());
    }

    @Test
    void anOutputThatCannotBeWrittenIsNamedNotTheInput(@TempDir Path dir) throws IOException {
        Path file = tallSweep(dir);
        Path out = file.resolve("out.gif");

        CliRun run = CliRun.of("export", "--no-overlay", file.toString(), "--out", out.toString());

        assertEquals(1, run.status());
        assertEquals("sonocine export: " + out + ": " + file + " is in the way: it is not a folder\n", run.err());
        assertEquals(List.of("tall.dcm"), names(dir));
    }

    @Test
    void aFileReadOnlyInPartSaysWhatStoppedTheReadingNotThatItHasNoPixels(@TempDir Path dir) throws IOException {
        Attributes ds = ImageHeaders.of(4, 4, 1, 8, "MONOCHROME2", 2);
        Attributes item = ds.newSequence(Tag.ReferencedImageSequence).addItem();
        for (int depth = 0; depth < 100; depth++) {
            item = item.newSequence(Tag.ReferencedImageSequence).addItem();
        }
        ds.setBytes(Tag.PixelData, VR.OB, new byte[32]);
        Path file = dir.resolve("deep.dcm");
        new DicomWriter(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN).writeFile(file, ds);

        CliRun run = CliRun.of("export", file.toString(), "--out", dir.resolve("out.gif").toString());

        assertEquals(1, run.status());
        assertEquals("sonocine export: the pixel data was not reached: deep.dcm: sequences nested deeper than 64"
                + " levels at (0008,1140) ReferencedImageSequence: refusing to read further\n", run.err());
        assertEquals(List.of("deep.dcm"), names(dir));
    }

    @Test
    void aVideoTooSmallForTheEncoderIsRefusedWithTheSizes(@TempDir Path dir) throws IOException {
        Attributes ds = ImageHeaders.of(4, 4, 1, 8, "MONOCHROME2", 3);
        byte[] pixels = new byte[48];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) (i * 97);
        }
        ds.setBytes(Tag.PixelData, VR.OB, pixels);
        Path file = dir.resolve("tiny.dcm");
        new DicomWriter(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN).writeFile(file, ds);

        CliRun run = CliRun.of("export", file.toString(), "--out", dir.resolve("tiny.mp4").toString());

        assertEquals(1, run.status());
        assertEquals("sonocine export: the exported image would be 4 x 4 pixels, fewer than 32 on a side for a"
                + " video: choose a larger scale, or GIF or PNG\n", run.err());
        assertEquals(List.of("tiny.dcm"), names(dir));
        CliRun scaled = CliRun.of("export", file.toString(), "--out", dir.resolve("tiny.mp4").toString(), "--scale",
                "8", "--no-overlay");
        assertEquals(0, scaled.status(), scaled.err());
        assertEquals(3, Video.read(dir.resolve("tiny.mp4")).frames().size());
    }

    @Test
    void anEmptyOutputPathIsRefusedRatherThanTakenForTheCurrentFolder(@TempDir Path dir) throws IOException {
        Path file = tallSweep(dir);
        for (List<String> options : List.of(List.of("--format", "png"), List.of("--format", "dicom", "--deidentify"))) {
            List<String> args = new ArrayList<>(List.of("export", file.toString(), "--out", ""));
            args.addAll(options);
            CliRun run = CliRun.of(args.toArray(String[]::new));
            assertEquals(1, run.status(), options.toString());
            assertEquals("sonocine export: --out is empty: give the file or folder to write\n", run.err());
        }
        CliRun blank = CliRun.of("export", file.toString(), "--out", " ", "--format", "gif");
        assertEquals(1, blank.status());
        assertEquals("sonocine export: --out is empty: give the file or folder to write\n", blank.err());
        assertEquals(List.of("tall.dcm"), names(dir));
    }

    @Test
    void frameListsOutOfRangeOrBackwardsAreOneLineEach(@TempDir Path dir) throws IOException {
        Path file = tallSweep(dir);
        Path out = dir.resolve("out.gif");
        assertEquals("sonocine export: frames 5-2 run backwards: write 2-5\n",
                CliRun.of("export", file.toString(), "--out", out.toString(), "--frames", "5-2").err());
        assertEquals("sonocine export: frames 1-2147483647 are outside 1-3\n",
                CliRun.of("export", file.toString(), "--out", out.toString(), "--frames", "1-2147483647").err());
        assertEquals(List.of("tall.dcm"), names(dir));
    }

    @Test
    void anUnknownExtensionAsksForTheFormat(@TempDir Path dir) throws IOException {
        Path file = tallSweep(dir);
        CliRun run = CliRun.of("export", "--no-overlay", file.toString(), "--out", dir.resolve("out.avi").toString());
        assertEquals(1, run.status());
        assertEquals("sonocine export: cannot tell the format from out.avi: give --format gif, png or mp4\n",
                run.err());
    }

    @Test
    void aScaleOutOfRangeIsOneLine(@TempDir Path dir) throws IOException {
        Path file = tallSweep(dir);
        CliRun run = CliRun.of("export", "--no-overlay", file.toString(), "--out", dir.resolve("out.gif").toString(), "--scale",
                "0");
        assertEquals(1, run.status());
        assertEquals("sonocine export: scale 0.0 is outside 0.05-8.0\n", run.err());
    }

    @Test
    void thePaletteEchoSampleExportsAsAGifMatchingItsPngFrames(@TempDir Path dir) throws IOException {
        Path sample = Samples.file("US-PAL-8-10x-echo");
        Path gif = dir.resolve("echo.gif");

        CliRun run = CliRun.of("export", "--no-overlay", sample.toString(), "--out", gif.toString());
        CliRun png = CliRun.of("frames", sample.toString(), "--out", dir.resolve("png").toString(), "--frames", "5");

        assertEquals(0, run.status(), run.err());
        assertEquals(0, png.status(), png.err());
        Gif read = Gif.read(gif);
        BufferedImage reference = ImageIO.read(dir.resolve("png/frame-0005.png").toFile());
        assertEquals(10, read.frames().size());
        assertEquals(reference.getWidth(), read.frames().get(4).getWidth());
        assertEquals(reference.getHeight(), read.frames().get(4).getHeight());
        double[] exported = meanRgb(read.frames().get(4));
        double[] displayed = meanRgb(reference);
        for (int c = 0; c < 3; c++) {
            assertThat(exported[c]).as("mean of channel %d", c).isCloseTo(displayed[c],
                    org.assertj.core.data.Offset.offset(1.5));
        }
    }
}
