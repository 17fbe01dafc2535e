package org.sonocine.cli;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sonocine.dicom.Attributes;
import org.sonocine.dicom.DicomWriter;
import org.sonocine.dicom.Tag;
import org.sonocine.dicom.TransferSyntax;
import org.sonocine.dicom.VR;
import org.sonocine.testing.FuzzProperty;
import org.sonocine.testing.ImageHeaders;
import picocli.CommandLine;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code sonocine frames} over fuzzed files: an input is a format byte (png, npy or raw, by its value modulo 3)
 * followed by the file. The command ends with status 0 and files that hold what they claim (a PNG that reads
 * back, a .npy whose data is as long as its header's shape says), or status 1 with one readable line per failure;
 * never with an exception.
 */
class FramesExportFuzzTest {
    private static final List<String> FORMATS = List.of("png", "npy", "raw");
    private static final Pattern NPY_SHAPE = Pattern.compile("'descr': '[|<]([ui])(\\d)'.*'shape': \\(([\\d, ]+)\\)");
    private static final Path FOLDER = folder();

    static Stream<Arguments> seeds() {
        return Stream.of(
                seed("grey cine as png", 0, ImageHeaders.of(4, 4, 1, 8, "MONOCHROME2", 2), 32),
                seed("grey cine as npy", 1, ImageHeaders.of(4, 4, 1, 8, "MONOCHROME2", 2), 32),
                seed("signed 16-bit as npy", 1, signed(ImageHeaders.of(3, 2, 1, 16, "MONOCHROME2", 1)), 12),
                seed("RGB as png", 0, ImageHeaders.of(2, 3, 3, 8, "RGB", 1), 18),
                seed("YBR 4:2:2 as npy", 1, ImageHeaders.of(2, 4, 3, 8, "YBR_FULL_422", 1), 16),
                seed("1-bit as npy", 1, ImageHeaders.of(3, 5, 1, 1, "MONOCHROME2", 1), 2),
                seed("1-bit as png", 0, ImageHeaders.of(3, 5, 1, 1, "MONOCHROME1", 1), 2),
                seed("RGB as raw", 2, ImageHeaders.of(2, 2, 3, 8, "RGB", 1), 12));
    }

    @MethodSource("seeds")
    @FuzzTest(maxDuration = "2m")
    void exportFrames(byte[] input) throws Exception {
        String format = FORMATS.get(input.length == 0 ? 0 : (input[0] & 0xFF) % FORMATS.size());
        Path file = FOLDER.resolve("in.dcm");
        Path out = FOLDER.resolve("out");
        clear(out);
        Files.write(file, input.length == 0 ? input : Arrays.copyOfRange(input, 1, input.length));

        StringWriter err = new StringWriter();
        Exception[] escaped = new Exception[1];
        // as SonocineCli.run sets it up, except that an exception escaping the command is kept, stack and all
        CommandLine cli = SonocineCli.commandLine("frames");
        cli.setOut(new PrintWriter(new StringWriter()));
        cli.setErr(new PrintWriter(err));
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            escaped[0] = e;
            return 2;
        });
        int status = cli.execute("frames", file.toString(), "--out", out.toString(), "--format", format,
                "--threads", "1");
        if (escaped[0] != null) {
            throw escaped[0];
        }
        for (String line : err.toString().lines().toList()) {
            if (!line.startsWith("sonocine frames: ")) {
                throw new AssertionError("status " + status + " with an unexpected line: " + line);
            }
            FuzzProperty.requireReadableMessage(line, null);
        }
        if (status == 0) {
            requireWhatTheyClaim(out);
        } else if (status != 1 || err.toString().isBlank()) {
            throw new AssertionError("status " + status + " and " + (err.toString().isBlank() ? "no reason"
                    : err.toString()));
        }
    }

    private static void requireWhatTheyClaim(Path out) throws IOException {
        try (Stream<Path> files = Files.list(out)) {
            for (Path p : files.toList()) {
                String name = p.getFileName().toString();
                if (name.endsWith(".png") && ImageIO.read(p.toFile()) == null) {
                    throw new AssertionError(name + " is not a PNG image");
                }
                if (name.endsWith(".npy")) {
                    requireNpyLength(Files.readAllBytes(p));
                }
            }
        }
    }

    /** The data after the header is the product of the shape times the size of one element. */
    private static void requireNpyLength(byte[] npy) {
        int headerLength = (npy[8] & 0xFF) | (npy[9] & 0xFF) << 8;
        String header = new String(npy, 10, headerLength, StandardCharsets.US_ASCII);
        Matcher m = NPY_SHAPE.matcher(header);
        if (!m.find()) {
            throw new AssertionError("a .npy header without dtype and shape: " + header);
        }
        long elements = 1;
        for (String dim : m.group(3).split(",")) {
            if (!dim.isBlank()) {
                elements *= Long.parseLong(dim.strip());
            }
        }
        long expected = elements * Integer.parseInt(m.group(2));
        if (npy.length - 10 - headerLength != expected) {
            throw new AssertionError(".npy of shape (" + m.group(3) + ") holds " + (npy.length - 10 - headerLength)
                    + " bytes of data, " + expected + " expected");
        }
    }

    @AfterAll
    static void removeFolder() throws IOException {
        clear(FOLDER);
    }

    private static void clear(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static Path folder() {
        try {
            return Files.createTempDirectory("frames-fuzz");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Attributes signed(Attributes ds) {
        ds.setInt(Tag.PixelRepresentation, VR.US, 1);
        ds.setInt(Tag.BitsStored, VR.US, 12);
        ds.setInt(Tag.HighBit, VR.US, 11);
        return ds;
    }

    private static Arguments seed(String name, int format, Attributes ds, int pixelBytes) {
        byte[] pixels = new byte[pixelBytes];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) (i * 37 + 5);
        }
        ds.setBytes(Tag.PixelData, VR.OB, pixels);
        try {
            byte[] file = new DicomWriter(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN).toPart10Bytes(ds);
            byte[] input = new byte[file.length + 1];
            input[0] = (byte) format;
            System.arraycopy(file, 0, input, 1, file.length);
            return Arguments.of(Named.of(name, input));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
