package org.sonocine.imaging.jpegls;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sonocine.dicom.DicomFile;
import org.sonocine.dicom.Tag;
import org.sonocine.imaging.RawImage;

/** The JPEG-LS files of the shared sample set decode to the stored values other toolkits produce. */
class JpegLsSampleConformanceTest {

    @ParameterizedTest
    @ValueSource(strings = {"GH364.dcm", "jpeg-ls-Palette.dcm", "CT0012.not_fragmented_bot_jpeg_ls.80.dcm"})
    void firstFrameMatchesTheExpectedDigest(String name) throws IOException {
        Path dir = Codestreams.samplesDir();
        try (DicomFile file = DicomFile.open(dir.resolve(name))) {
            RawImage image = Codestreams.decode(Codestreams.frame(file, 0));
            assertEquals(file.dataset().getInt(Tag.Rows, 0), image.height());
            assertEquals(file.dataset().getInt(Tag.Columns, 0), image.width());
            assertEquals(expectedDigest(dir, name), Codestreams.sha256(Codestreams.storedBytes(image)));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"GH364.dcm", "jpeg-ls-Palette.dcm", "CT0012.not_fragmented_bot_jpeg_ls.80.dcm"})
    void lastFrameMatchesTheReferenceSamples(String name) throws IOException {
        Path dir = Codestreams.samplesDir();
        try (DicomFile file = DicomFile.open(dir.resolve(name))) {
            int last = file.frames().size();
            RawImage image = Codestreams.decode(Codestreams.frame(file, last - 1));
            Path reference = dir.resolve("reference").resolve(name + ".f" + last + ".raw.gz");
            byte[] expected;
            try (InputStream in = new GZIPInputStream(Files.newInputStream(reference))) {
                expected = in.readAllBytes();
            }
            assertArrayEquals(expected, Codestreams.storedBytes(image));
        }
    }

    private static String expectedDigest(Path dir, String name) throws IOException {
        List<String> lines = Files.readAllLines(dir.resolve("expected.tsv"));
        List<String> header = List.of(lines.get(0).split("\t", -1));
        int fileColumn = header.indexOf("file");
        int digestColumn = header.indexOf("frame1_sha256");
        for (String line : lines.subList(1, lines.size())) {
            String[] fields = line.split("\t", -1);
            if (fields[fileColumn].equals(name)) {
                return fields[digestColumn];
            }
        }
        throw new AssertionError(name + " is not listed in expected.tsv");
    }
}
