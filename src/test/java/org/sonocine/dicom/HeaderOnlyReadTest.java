package org.sonocine.dicom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A header-only read starts with a buffer smaller than many headers: values beyond it are read all the same. */
class HeaderOnlyReadTest {

    @Test
    void valuesLargerThanTheHeaderBufferAreReadWhole(@TempDir Path dir) throws IOException {
        String comments = "x".repeat(3 * DicomInput.HEADER_BUFFER + 17);
        Attributes ds = new Attributes();
        ds.setString(Tag.SOPInstanceUID, VR.UI, "2.25.1");
        ds.setString(Tag.ImageComments, VR.LT, comments);
        ds.setString(Tag.PatientID, VR.LO, "AFTER-THE-LONG-VALUE");
        ds.set(Tag.PixelData, VR.OB, new byte[2 * DicomInput.HEADER_BUFFER]);
        Path file = dir.resolve("long-header.dcm");
        new DicomWriter(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN).writeFile(file, ds);

        try (DicomFile header = DicomFile.openLenient(file, ReadOptions.HEADER_ONLY)) {
            assertTrue(header.problem().isEmpty(), () -> header.problem().get().getMessage());
            assertEquals(comments, header.dataset().getString(Tag.ImageComments));
            assertEquals("AFTER-THE-LONG-VALUE", header.dataset().getString(Tag.PatientID));
            assertTrue(header.pixelData().isPresent());
        }
    }
}
