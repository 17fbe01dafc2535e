package org.sonocine.ui;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sonocine.dicom.Attributes;
import org.sonocine.dicom.DicomWriter;
import org.sonocine.dicom.Tag;
import org.sonocine.dicom.TransferSyntax;
import org.sonocine.dicom.VR;
import org.sonocine.testing.ImageHeaders;

import java.io.IOException;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Opening an instance for the viewer: a header the image cannot be shown from gives a reason, not a failure. */
class LoadedInstanceTest {

    /** A 4 x 4 grey image whose element {@code tag} is a 4-byte-per-value VR holding only 2 bytes. */
    private static Path withShortValue(Path dir, int tag, VR vr) throws IOException {
        Attributes ds = ImageHeaders.of(4, 4, 1, 8, "MONOCHROME2", 1);
        ds.setBytes(Tag.PixelData, VR.OB, new byte[16]);
        ds.setBytes(tag, vr, new byte[] {4, 0});
        Path file = dir.resolve("short-value.dcm");
        new DicomWriter(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN).writeFile(file, ds);
        return file;
    }

    @Test
    void aPixelAttributeHoldingTooFewBytesForItsVrIsAReasonNotAFailure(@TempDir Path dir) throws IOException {
        for (VR vr : new VR[] {VR.OL, VR.OF}) {
            LoadedInstance loaded = LoadedInstance.open(withShortValue(dir, Tag.Rows, vr));
            try {
                assertThat(loaded.imageProblem()).as(vr.name()).isEqualTo("the image has no size (Rows 0, Columns 4)");
                assertThat(loaded.firstFrame()).isNull();
            } finally {
                loaded.file().close();
            }
        }
    }

    @Test
    void aWindowHoldingTooFewBytesForItsVrIsIgnoredAndTheFrameShown(@TempDir Path dir) throws IOException {
        LoadedInstance loaded = LoadedInstance.open(withShortValue(dir, Tag.WindowCenter, VR.OL));
        try {
            assertThat(loaded.imageProblem()).isNull();
            assertThat(loaded.frameProblem()).isNull();
            assertThat(loaded.firstFrame()).isNotNull();
        } finally {
            loaded.file().close();
        }
    }
}
