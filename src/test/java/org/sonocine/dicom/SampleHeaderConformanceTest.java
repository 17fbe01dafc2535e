package org.sonocine.dicom;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.sonocine.testing.ExpectedTable;
import org.sonocine.testing.ExpectedTable.Row;
import org.sonocine.testing.RequiresSamples;
import org.sonocine.testing.Samples;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every sample's header facts, as two reference toolkits printed them, are what the reader returns. */
class SampleHeaderConformanceTest {
    private static final Map<String, Integer> COLUMNS = Map.ofEntries(
            Map.entry("rows", Tag.Rows),
            Map.entry("columns", Tag.Columns),
            Map.entry("photometric", Tag.PhotometricInterpretation),
            Map.entry("bits_allocated", Tag.BitsAllocated),
            Map.entry("samples_per_pixel", Tag.SamplesPerPixel),
            Map.entry("planar_configuration", Tag.PlanarConfiguration),
            Map.entry("pixel_aspect_ratio", Tag.PixelAspectRatio),
            Map.entry("image_type", Tag.ImageType),
            Map.entry("acquisition_datetime", Tag.AcquisitionDateTime),
            Map.entry("operators_name", Tag.OperatorsName),
            Map.entry("device_serial_number", Tag.DeviceSerialNumber),
            Map.entry("bits_stored", Tag.BitsStored),
            Map.entry("pixel_representation", Tag.PixelRepresentation),
            Map.entry("frame_time", Tag.FrameTime),
            Map.entry("cine_rate", Tag.CineRate),
            Map.entry("recommended_display_frame_rate", Tag.RecommendedDisplayFrameRate),
            Map.entry("pixel_spacing", Tag.PixelSpacing),
            Map.entry("modality", Tag.Modality),
            Map.entry("manufacturer", Tag.Manufacturer),
            Map.entry("model", Tag.ManufacturerModelName));

    static Stream<Row> rows() {
        return ExpectedTable.rows().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    @RequiresSamples
    void headerFactsMatchTheReferenceToolkits(Row row) throws IOException {
        try (DicomFile file = DicomFile.openLenient(Samples.dir().resolve(row.file()))) {
            Attributes ds = file.dataset();
            String sopClass = ds.contains(Tag.SOPClassUID) ? ds.getRawString(Tag.SOPClassUID)
                    : file.fileMeta().getRawString(Tag.MediaStorageSOPClassUID);
            assertAll(Stream.concat(
                    Stream.of(
                            () -> assertEquals(row.get("sop_class_uid"), nullToEmpty(sopClass), "SOP class"),
                            () -> assertEquals(row.get("transfer_syntax_uid"),
                                    nullToEmpty(file.fileMeta().getRawString(Tag.TransferSyntaxUID)), "transfer syntax"),
                            () -> assertEquals(row.get("frames"),
                                    file.numberOfFrames() == 0 ? "" : Integer.toString(file.numberOfFrames()), "frames"),
                            () -> assertEquals(row.get("frame_time_vector_count"),
                                    ds.contains(Tag.FrameTimeVector) ? Integer.toString(ds.valueCount(Tag.FrameTimeVector))
                                            : "", "frame time vector count"),
                            () -> assertEquals(row.get("frame_increment_pointer"),
                                    frameIncrementPointer(ds), "frame increment pointer")),
                    COLUMNS.entrySet().stream().map(e -> () -> assertEquals(row.get(e.getKey()),
                            nullToEmpty(ds.getRawString(e.getValue())), e.getKey()))));
        }
    }

    private static String frameIncrementPointer(Attributes ds) {
        String[] values = ds.getStrings(Tag.FrameIncrementPointer);
        StringBuilder b = new StringBuilder();
        for (String v : values) {
            b.append(b.length() == 0 ? "" : "\\").append('(').append(v, 0, 4).append(',').append(v.substring(4))
                    .append(')');
        }
        return b.toString().toLowerCase(java.util.Locale.ROOT);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    @RequiresSamples
    void ultrasoundRegionsMatchTheReferenceToolkits(Row row) throws IOException {
        try (DicomFile file = DicomFile.openLenient(Samples.dir().resolve(row.file()))) {
            Sequence regions = file.dataset().getSequence(Tag.SequenceOfUltrasoundRegions);
            String expectedCount = row.get("us_regions");
            assertEquals(expectedCount, regions == null ? "" : Integer.toString(regions.size()), "region count");
            if (regions == null) {
                return;
            }
            List<String> deltas = regions.stream().map(r -> r.getRawString(Tag.PhysicalDeltaX) + "/"
                    + r.getRawString(Tag.PhysicalDeltaY)).toList();
            List<String> expected = List.of(row.get("us_region_physical_delta_xy").split(";"));
            assertEquals(expected.size(), deltas.size());
            for (int i = 0; i < deltas.size(); i++) {
                String[] want = expected.get(i).split("/");
                String[] got = deltas.get(i).split("/");
                assertEquals(Double.parseDouble(want[0]), Double.parseDouble(got[0]), 1e-15, "delta X of region " + i);
                assertEquals(Double.parseDouble(want[1]), Double.parseDouble(got[1]), 1e-15, "delta Y of region " + i);
            }
        }
    }
}
