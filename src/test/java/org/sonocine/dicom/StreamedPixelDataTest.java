package org.sonocine.dicom;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Pixel Data written while the file is written, a frame at a time, gives the file an in-memory value gives. */
class StreamedPixelDataTest {
    private static final DicomWriter WRITER = new DicomWriter(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);

    private static Attributes header() {
        Attributes ds = new Attributes(false, 16);
        ds.setString(Tag.SOPClassUID, VR.UI, "1.2.840.10008.5.1.4.1.1.3.1");
        ds.setString(Tag.SOPInstanceUID, VR.UI, "2.25.42");
        ds.setInt(Tag.Rows, VR.US, 1);
        ds.setInt(Tag.Columns, VR.US, 3);
        ds.setBytes(Tag.DataSetTrailingPadding, VR.OB, new byte[] {0, 0});
        return ds;
    }

    @Test
    void aStreamedValueIsWrittenWhereTheHeldOneWouldBeWithItsPadding() throws IOException {
        byte[] pixels = {1, 2, 3, 4, 5, 6, 7, 8, 9};
        Attributes held = header();
        held.setBytes(Tag.PixelData, VR.OB, pixels);
        ByteArrayOutputStream streamed = new ByteArrayOutputStream();

        WRITER.writePart10(streamed, header(), VR.OB, pixels.length, out -> {
            out.write(pixels, 0, 4);
            out.write(pixels, 4, 5);
        });

        assertArrayEquals(WRITER.toPart10Bytes(held), streamed.toByteArray(),
                "odd length padded to even; the trailing padding element after Pixel Data");
        try (DicomFile read = DicomFile.read(streamed.toByteArray())) {
            assertEquals(3, read.dataset().getInt(Tag.Columns, 0));
        }
    }

    @Test
    void aWriterThatBreaksItsWordIsAFailureNotAFileWithAWrongLength() {
        assertThatThrownBy(() -> WRITER.writePart10(new ByteArrayOutputStream(), header(), VR.OB, 10,
                out -> out.write(new byte[8])))
                .isInstanceOf(IOException.class)
                .hasMessage("Pixel Data was to be 10 bytes, but 8 were written");
    }

    @Test
    void moreThanOneElementCanHoldIsRefusedBeforeAnythingIsWritten() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThatThrownBy(() -> WRITER.writePart10(out, header(), VR.OB, 0xFFFFFFFFL, o -> { }))
                .hasMessage("Pixel Data of 4294967295 bytes does not fit one element (4 GiB at most)");
        assertEquals(0, out.size());
    }
}
