package org.sonocine.dicom;

import org.junit.jupiter.api.Named;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.stream.Stream;

/** Small data sets written by our writer, each with features the reader must handle, as fuzzing seeds. */
final class DataSetSeeds {
    private static final List<TransferSyntax> NATIVE = List.of(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN,
            TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN, TransferSyntax.EXPLICIT_VR_BIG_ENDIAN,
            TransferSyntax.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN);

    private DataSetSeeds() {
    }

    static Stream<Named<byte[]>> part10Files() {
        return Stream.concat(
                NATIVE.stream().flatMap(ts -> Stream.of(
                        seed("every VR, " + ts.name(), ts, RoundTripTest.everyVr(ts.bigEndian()), false),
                        seed("every VR, defined lengths, " + ts.name(), ts, RoundTripTest.everyVr(ts.bigEndian()),
                                true))),
                Stream.of(
                        seed("native cine", TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, nativeCine(), false),
                        seed("encapsulated frames with offsets", TransferSyntax.JPEG_BASELINE, encapsulated(), false),
                        seed("Japanese names", TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, japanese(), false)));
    }

    static Stream<Named<byte[]>> bareDataSets() {
        return Stream.of(
                dataSet("every VR, explicit", TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, RoundTripTest.everyVr(false)),
                dataSet("every VR, implicit", TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN, RoundTripTest.everyVr(false)),
                dataSet("every VR, big endian", TransferSyntax.EXPLICIT_VR_BIG_ENDIAN, RoundTripTest.everyVr(true)),
                dataSet("native cine, implicit", TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN, nativeCine()),
                dataSet("encapsulated frames", TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, encapsulated()));
    }

    /** Two 4 x 4 frames with the timing and geometry an ultrasound cine carries. */
    static Attributes nativeCine() {
        Attributes ds = new Attributes();
        ds.setString(Tag.SpecificCharacterSet, VR.CS, "ISO_IR 100");
        ds.setString(Tag.ImageType, VR.CS, "ORIGINAL", "PRIMARY");
        ds.setString(Tag.SOPClassUID, VR.UI, "1.2.840.10008.5.1.4.1.1.3.1");
        ds.setString(Tag.SOPInstanceUID, VR.UI, "2.25.7");
        ds.setString(Tag.AcquisitionDateTime, VR.DT, "20250102030405.25+0100");
        ds.setString(Tag.Modality, VR.CS, "US");
        ds.setString(Tag.OperatorsName, VR.PN, "Müller^Jörg");
        ds.setString(Tag.DeviceSerialNumber, VR.LO, "SN 42");
        ds.setString(Tag.FrameTime, VR.DS, "33.3");
        ds.setString(Tag.FrameTimeVector, VR.DS, "0", "40");
        ds.setString(Tag.CineRate, VR.IS, "25");
        ds.setInt(Tag.FrameIncrementPointer, VR.AT, Tag.FrameTimeVector);
        ds.setString(Tag.StartTrim, VR.IS, "1");
        ds.setString(Tag.StopTrim, VR.IS, "2");
        ds.setInt(Tag.PreferredPlaybackSequencing, VR.US, 1);
        ds.setString(Tag.PixelAspectRatio, VR.IS, "4", "3");
        ds.setString(Tag.PixelSpacing, VR.DS, "0.1", "0.2");
        Attributes region = ds.newSequence(Tag.SequenceOfUltrasoundRegions).addItem();
        region.setInt(Tag.RegionLocationMinX0, VR.UL, 0);
        region.setInt(Tag.RegionLocationMinY0, VR.UL, 0);
        region.setInt(Tag.RegionLocationMaxX1, VR.UL, 3);
        region.setInt(Tag.RegionLocationMaxY1, VR.UL, 3);
        region.setInt(Tag.PhysicalUnitsXDirection, VR.US, 3);
        region.setInt(Tag.PhysicalUnitsYDirection, VR.US, 3);
        region.setDouble(Tag.PhysicalDeltaX, VR.FD, 0.05);
        region.setDouble(Tag.PhysicalDeltaY, VR.FD, 0.05);
        ds.newSequence(Tag.SourceImageSequence).addItem()
                .setString(Tag.ReferencedSOPInstanceUID, VR.UI, "2.25.6");
        ds.setInt(Tag.SamplesPerPixel, VR.US, 1);
        ds.setString(Tag.PhotometricInterpretation, VR.CS, "MONOCHROME2");
        ds.setString(Tag.NumberOfFrames, VR.IS, "2");
        ds.setInt(Tag.Rows, VR.US, 4);
        ds.setInt(Tag.Columns, VR.US, 4);
        ds.setInt(Tag.BitsAllocated, VR.US, 8);
        ds.setInt(Tag.BitsStored, VR.US, 8);
        ds.setInt(Tag.HighBit, VR.US, 7);
        ds.setInt(Tag.PixelRepresentation, VR.US, 0);
        byte[] pixels = new byte[32];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) (i * 8);
        }
        ds.setBytes(Tag.PixelData, VR.OW, pixels);
        return ds;
    }

    /** Three frames in four fragments, with a Basic Offset Table. */
    static Attributes encapsulated() {
        Attributes ds = nativeCine();
        ds.setString(Tag.NumberOfFrames, VR.IS, "3");
        ds.setString(Tag.PhotometricInterpretation, VR.CS, "YBR_FULL_422");
        ds.setInt(Tag.SamplesPerPixel, VR.US, 3);
        byte[] a = {(byte) 0xFF, (byte) 0xD8, 1, 2, (byte) 0xFF, (byte) 0xD9};
        byte[] b1 = {(byte) 0xFF, (byte) 0xD8, 3, 4};
        byte[] b2 = {5, 6, (byte) 0xFF, (byte) 0xD9};
        byte[] c = {(byte) 0xFF, (byte) 0xD8, 7, 8, (byte) 0xFF, (byte) 0xD9};
        Fragments fragments = new Fragments();
        int second = 8 + a.length;
        int third = second + 8 + b1.length + 8 + b2.length;
        fragments.add(new byte[] {0, 0, 0, 0, (byte) second, 0, 0, 0, (byte) third, 0, 0, 0});
        fragments.add(a);
        fragments.add(b1);
        fragments.add(b2);
        fragments.add(c);
        ds.set(Tag.PixelData, VR.OB, fragments);
        return ds;
    }

    /** Names in ISO 2022 with Japanese kanji and kana. */
    static Attributes japanese() {
        Attributes ds = new Attributes();
        ds.setString(Tag.SpecificCharacterSet, VR.CS, "", "ISO 2022 IR 87");
        ds.setString(Tag.SOPClassUID, VR.UI, "1.2.840.10008.5.1.4.1.1.6.1");
        ds.setString(Tag.PatientName, VR.PN, "Yamada^Tarou=山田^太郎=やまだ^たろう");
        ds.setString(Tag.StudyDescription, VR.LO, "心臓");
        return ds;
    }

    private static Named<byte[]> seed(String name, TransferSyntax ts, Attributes ds, boolean definedLengths) {
        try {
            return Named.of(name, new DicomWriter(ts).definedLengths(definedLengths).toPart10Bytes(ds));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Named<byte[]> dataSet(String name, TransferSyntax ts, Attributes ds) {
        try {
            return Named.of(name, new DicomWriter(ts).toDataSetBytes(ds));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
