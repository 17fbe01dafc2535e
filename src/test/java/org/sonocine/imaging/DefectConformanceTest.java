package org.sonocine.imaging;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.sonocine.dicom.DicomFile;
import org.sonocine.testing.ExpectedTable;
import org.sonocine.testing.RequiresSamples;
import org.sonocine.testing.Samples;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The real files Sonocine once decoded wrong or refused (samples/defects): all frames' stored values hash to what
 * an independent decoder (or the file's native twin) gives.
 */
class DefectConformanceTest {
    static Stream<ExpectedTable.Row> defects() {
        return ExpectedTable.rows("defects/expected.tsv").stream();
    }

    private static Path defect(String name) {
        return Samples.dir().resolve("defects").resolve(name);
    }

    /**
     * SHA-256 of every frame's stored values, one after another; 1-bit frames follow one another bit by bit, as
     * native data packs them (the reference is the native twin).
     */
    private static String allFramesSha256(Path file) throws Exception {
        try (DicomFile dicom = DicomFile.open(file)) {
            FrameSource source = FrameSource.of(dicom);
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            BitPacker bits = new BitPacker(all);
            for (int i = 0; i < source.frameCount(); i++) {
                StoredFrame frame = source.decode(i);
                if (frame.layout().bitsAllocated() == 1) {
                    bits.append(frame.data(), (long) frame.layout().pixels() * frame.layout().samplesPerPixel());
                } else {
                    all.writeBytes(frame.data());
                }
            }
            bits.flush();
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(all.toByteArray()));
        }
    }

    /** Appends bits (LSB first within each byte) to a byte stream without padding between appends. */
    private static final class BitPacker {
        private final ByteArrayOutputStream out;
        private int current;
        private int used;

        BitPacker(ByteArrayOutputStream out) {
            this.out = out;
        }

        void append(byte[] packed, long count) {
            for (long i = 0; i < count; i++) {
                int bit = (packed[(int) (i >> 3)] >> (int) (i & 7)) & 1;
                current |= bit << used++;
                if (used == 8) {
                    out.write(current);
                    current = 0;
                    used = 0;
                }
            }
        }

        void flush() {
            if (used > 0) {
                out.write(current);
                current = 0;
                used = 0;
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("defects")
    @RequiresSamples
    void allFramesHashToTheReference(ExpectedTable.Row row) throws Exception {
        assertEquals(row.get("all_frames_sha256"), allFramesSha256(defect(row.file())));
    }

    @Test
    void aCodestreamWithStrayBytesBeforeItsEndDecodesExactlyAsWithout() throws Exception {
        assertEquals(allFramesSha256(defect("966_fixed.dcm")), allFramesSha256(defect("966.dcm")));
    }

    @Test
    void pydicomsCheckValuesOfTheColouredText() throws IOException {
        try (DicomFile dicom = DicomFile.open(defect("GDCMJ2K_TextGBR.dcm"))) {
            StoredFrame frame = FrameSource.of(dicom).decode(0);
            int columns = frame.layout().columns();
            int[] at45 = {frame.sample(45 * columns + 140, 0), frame.sample(45 * columns + 140, 1),
                frame.sample(45 * columns + 140, 2)};
            int[] at46 = {frame.sample(46 * columns + 140, 0), frame.sample(46 * columns + 140, 1),
                frame.sample(46 * columns + 140, 2)};
            assertEquals("[223, 32, 32] [255, 0, 0]", java.util.Arrays.toString(at45) + " "
                    + java.util.Arrays.toString(at46));
        }
    }
}
