package org.sonocine.imaging;

import org.junit.jupiter.api.Test;
import org.sonocine.dicom.DicomFile;
import org.sonocine.dicom.ReadOptions;
import org.sonocine.imaging.codec.DecodeException;
import org.sonocine.testing.Samples;

import java.nio.file.Files;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** A damaged codestream reaches the user as one sentence about the data: which frame, what is wrong and where. */
class Jpeg2000CorruptionTest {

    @Test
    void aDamagedCodingStyleSegmentIsReportedAsCorruptData() throws Exception {
        byte[] file = Files.readAllBytes(Samples.file("US1_J2KR.dcm"));
        int codestream = indexOf(file, new byte[] {(byte) 0xFF, 0x4F, (byte) 0xFF, 0x51});
        for (int i = 0; i < 4; i++) {
            file[codestream + 50 + i] = (byte) (i * 37 + 11);
        }
        DecodeException e = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            try (DicomFile dicom = DicomFile.readLenient(file, ReadOptions.DEFAULT)) {
                FrameSource source = FrameSource.of(dicom);
                return assertThrows(DecodeException.class, () -> source.decode(0));
            }
        });
        assertThat(e.getMessage()).isEqualTo("frame 1: the JPEG 2000 codestream has no marker at byte 51 where one"
                + " belongs (found 0x3055)");
    }

    private static int indexOf(byte[] data, byte[] pattern) {
        outer:
        for (int i = 0; i + pattern.length <= data.length; i++) {
            for (int k = 0; k < pattern.length; k++) {
                if (data[i + k] != pattern[k]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("no codestream found");
    }
}
