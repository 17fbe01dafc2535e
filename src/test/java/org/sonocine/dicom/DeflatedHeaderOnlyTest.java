package org.sonocine.dicom;

import org.junit.jupiter.api.Test;
import org.sonocine.testing.DeflateBombs;
import org.sonocine.testing.ImageHeaders;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A deflated data set read for its header inflates only as far as its header, not its pixel data. */
class DeflatedHeaderOnlyTest {
    private static final ReadOptions SMALL_LIMIT = ReadOptions.DEFAULT.withMaxInflated(8 << 20);

    @Test
    void aHeaderBeforeADeflateBombIsReadWithoutInflatingTheBomb() throws IOException {
        Attributes header = ImageHeaders.of(1024, 1024, 1, 8, "MONOCHROME2", 64);
        header.setString(Tag.PatientID, VR.LO, "BOMB-1");
        byte[] file = DeflateBombs.withPixelDataOfZeros(header, 64);

        try (DicomFile dicom = DicomFile.readLenient(file, SMALL_LIMIT.withHeaderOnly(true))) {
            assertThat(dicom.problem()).isEmpty();
            assertEquals("BOMB-1", dicom.dataset().getString(Tag.PatientID));
            assertEquals(1024, dicom.dataset().getInt(Tag.Rows, 0));
            assertThat(dicom.pixelData()).isPresent();
            assertEquals(64, dicom.numberOfFrames());
            assertThat(dicom.warnings()).isEmpty();
        }
        DicomException e = assertThrows(DicomException.class,
                () -> DicomFile.readLenient(file, SMALL_LIMIT).close());
        assertEquals("data: the deflated data set inflates to more than 8 MiB: refusing to inflate further",
                e.getMessage());
    }

    @Test
    void aHeaderThatItselfInflatesBeyondTheLimitIsRefused() throws IOException {
        Attributes header = ImageHeaders.of(16, 16, 1, 8, "MONOCHROME2", 1);
        header.setBytes(Tag.EncapsulatedDocument, VR.OB, new byte[12 << 20]);
        byte[] file = DeflateBombs.withPixelDataOfZeros(header, 1);

        DicomException e = assertThrows(DicomException.class,
                () -> DicomFile.readLenient(file, SMALL_LIMIT.withHeaderOnly(true)).close());
        assertEquals("data: the deflated data set inflates to more than 8 MiB: refusing to inflate further",
                e.getMessage());
    }

    @Test
    void theInflatedPixelDataOfAHeaderOnlyReadIsNotReadFromTheCompressedFile() throws IOException {
        Attributes header = ImageHeaders.of(4, 4, 1, 8, "MONOCHROME2", 1);
        byte[] file = DeflateBombs.withPixelDataOfZeros(header, 1);
        try (DicomFile dicom = DicomFile.readLenient(file, ReadOptions.HEADER_ONLY)) {
            DicomException e = assertThrows(DicomException.class, () -> dicom.readBytes(0, 16));
            assertEquals("the deflated data set was read for its header only: its pixel data was not inflated",
                    e.getMessage());
        }
    }
}
