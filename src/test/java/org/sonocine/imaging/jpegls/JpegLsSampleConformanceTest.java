package org.sonocine.imaging.jpegls;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sonocine.dicom.DicomFile;
import org.sonocine.dicom.Tag;
import org.sonocine.imaging.codec.RawImage;
import org.sonocine.testing.ExpectedTable;
import org.sonocine.testing.Samples;

/** The JPEG-LS files of the shared sample set decode to the stored values other toolkits produce. */
class JpegLsSampleConformanceTest {

    @ParameterizedTest
    @ValueSource(strings = {"GH364.dcm", "jpeg-ls-Palette.dcm", "CT0012.not_fragmented_bot_jpeg_ls.80.dcm"})
    void firstFrameMatchesTheExpectedDigest(String name) throws IOException {
        try (DicomFile file = DicomFile.open(Samples.file(name))) {
            RawImage image = Codestreams.decode(Codestreams.frame(file, 0));
            assertEquals(file.dataset().getInt(Tag.Rows, 0), image.height());
            assertEquals(file.dataset().getInt(Tag.Columns, 0), image.width());
            assertEquals(expectedDigest(name), Codestreams.sha256(Codestreams.storedBytes(image)));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"GH364.dcm", "jpeg-ls-Palette.dcm", "CT0012.not_fragmented_bot_jpeg_ls.80.dcm"})
    void lastFrameMatchesTheReferenceSamples(String name) throws IOException {
        try (DicomFile file = DicomFile.open(Samples.file(name))) {
            int last = file.frames().size();
            RawImage image = Codestreams.decode(Codestreams.frame(file, last - 1));
            assertArrayEquals(Samples.referenceFrame(name, last), Codestreams.storedBytes(image));
        }
    }

    private static String expectedDigest(String name) {
        return ExpectedTable.rows().stream().filter(row -> row.file().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(name + " is not listed in expected.tsv"))
                .get("frame1_sha256");
    }
}
