package org.sonocine.imaging.jpeg;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import org.sonocine.dicom.DicomFile;
import org.sonocine.dicom.FrameLocation;
import org.sonocine.imaging.codec.RawImage;

/**
 * Decode timings, run by hand (not a test): single thread, codestreams preloaded into memory, three warm-up
 * passes before the timed ones, best and median pass reported, in wall time and in the thread's CPU time (which
 * other processes on a shared machine disturb less). The optional third argument times an ImageIO reader's
 * {@code readRaster} instead: the JDK's own or TwelveMonkeys'.
 *
 * <pre>
 * mvn -o -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp target/classes:target/test-classes:$(cat target/cp.txt) \
 *     org.sonocine.imaging.jpeg.JpegDecoderBenchmark FILE.dcm [passes] [jdk|twelvemonkeys]
 * </pre>
 */
public final class JpegDecoderBenchmark {
    private JpegDecoderBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int passes = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        String readerPackage = args.length < 3 ? null
                : args[2].equals("jdk") ? "com.sun.imageio.plugins.jpeg" : "com.twelvemonkeys";
        List<byte[]> frames = readFrames(file);
        long checksum = 0;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        List<Long> wall = new ArrayList<>();
        List<Long> cpu = new ArrayList<>();
        for (int pass = 0; pass < passes + 3; pass++) {
            long start = System.nanoTime();
            long startCpu = threads.getCurrentThreadCpuTime();
            for (byte[] frame : frames) {
                checksum += readerPackage != null ? decodeWithImageIo(frame, readerPackage) : decode(frame);
            }
            if (pass >= 3) {
                wall.add(System.nanoTime() - start);
                cpu.add(threads.getCurrentThreadCpuTime() - startCpu);
            }
        }
        System.out.printf("%s, %s, %d frames: wall %s; cpu %s [checksum %d]%n", file.getFileName(),
                readerPackage != null ? "ImageIO " + args[2] : "JpegDecoder", frames.size(), summary(wall, frames.size()),
                summary(cpu, frames.size()), checksum);
    }

    private static String summary(List<Long> times, int frames) {
        times.sort(null);
        double best = times.get(0) / 1e6 / frames;
        double median = times.get(times.size() / 2) / 1e6 / frames;
        return String.format("best %.2f ms/frame (%.0f frames/s), median %.2f ms/frame (%.0f frames/s)", best,
                1000 / best, median, 1000 / median);
    }

    private static long decode(byte[] frame) throws IOException {
        RawImage image = JpegDecoder.decode(frame, 0, frame.length);
        return image.isWide() ? image.shorts()[image.shorts().length / 2] : image.bytes()[image.bytes().length / 2];
    }

    private static long decodeWithImageIo(byte[] frame, String readerPackage) throws IOException {
        ImageReader reader = reader(readerPackage);
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(frame))) {
            reader.setInput(in);
            return reader.readRaster(0, null).getDataBuffer().getElem(frame.length % 1000);
        } finally {
            reader.dispose();
        }
    }

    private static ImageReader reader(String readerPackage) {
        for (Iterator<ImageReader> it = ImageIO.getImageReadersByFormatName("jpeg"); it.hasNext();) {
            ImageReader reader = it.next();
            if (reader.getClass().getName().startsWith(readerPackage)) {
                return reader;
            }
            reader.dispose();
        }
        throw new IllegalStateException("no JPEG reader from " + readerPackage);
    }

    private static List<byte[]> readFrames(Path path) throws IOException {
        List<byte[]> frames = new ArrayList<>();
        try (DicomFile file = DicomFile.open(path)) {
            for (int i = 0; i < file.numberOfFrames(); i++) {
                FrameLocation location = file.frames().get(i);
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                for (FrameLocation.Segment segment : location.segments()) {
                    out.write(file.readBytes(segment.offset(), Math.toIntExact(segment.length())));
                }
                frames.add(out.toByteArray());
            }
        }
        return frames;
    }
}
