package org.sonocine.export;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sonocine.dicom.Attributes;
import org.sonocine.dicom.DicomFile;
import org.sonocine.dicom.Sequence;
import org.sonocine.dicom.Tag;
import org.sonocine.dicom.Tags;
import org.sonocine.dicom.TransferSyntax;
import org.sonocine.imaging.FrameSource;
import org.sonocine.imaging.StoredFrame;
import org.sonocine.study.UltrasoundRegion;
import org.sonocine.testing.IdentifiedUltrasound;
import org.sonocine.testing.RequiresSamples;
import org.sonocine.testing.Samples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class DeidentifiedExportTest {
    private static final String SOP_A = "1.2.826.0.1.3680043.9.7777.1.1.1";
    private static final String SOP_B = "1.2.826.0.1.3680043.9.7777.1.1.2";

    @TempDir
    Path dir;

    @Test
    void appliesEveryActionClassOfTheProfile() throws IOException {
        Path input = IdentifiedUltrasound.write(dir.resolve("a.dcm"), SOP_A, null);
        DeidentifiedExport.Result result = new DeidentifiedExport(false).write(input, dir.resolve("out"));
        try (DicomFile copy = DicomFile.open(result.out())) {
            Attributes ds = copy.dataset();
            for (int zeroed : new int[] {Tag.PatientName, Tag.PatientID, Tag.PatientBirthDate, Tag.PatientSex,
                    Tag.AccessionNumber, Tag.StudyDate, Tag.StudyTime, Tag.ContentDate, Tag.ReferringPhysicianName,
                    Tag.StudyID}) {
                assertThat(ds.contains(zeroed)).as(Tags.toString(zeroed)).isTrue();
                assertThat(ds.getBytes(zeroed)).as(Tags.toString(zeroed)).isEmpty();
            }
            for (int removed : new int[] {Tag.OtherPatientIDs, Tag.PatientAddress, Tag.InstitutionName,
                    Tag.StationName, Tag.StudyDescription, Tag.OperatorsName, Tag.DeviceSerialNumber,
                    Tag.SeriesDate}) {
                assertThat(ds.contains(removed)).as(Tags.toString(removed)).isFalse();
            }
            Attributes kept = ds.getSequence(IdentifiedUltrasound.KEPT_SEQUENCE).get(0);
            assertEquals("T-32000", kept.getString(Tag.CodeValue));
            assertEquals("ANONYMOUS", kept.getString(IdentifiedUltrasound.PERSON_NAME));
            assertThat(kept.contains(Tag.InstitutionName)).isFalse();
            assertThat(ds.contains(IdentifiedUltrasound.PRIVATE_CREATOR)).isFalse();
            assertThat(ds.contains(IdentifiedUltrasound.PRIVATE_VALUE)).isFalse();
            assertThat(allTags(ds)).noneMatch(Tags::isPrivate);

            assertEquals("US", ds.getString(Tag.Modality));
            assertEquals("Acme Medical", ds.getString(Tag.Manufacturer));
            assertEquals(IdentifiedUltrasound.SOP_CLASS_UID, ds.getString(Tag.SOPClassUID));
            assertEquals("YES", ds.getString(Tag.PatientIdentityRemoved));
            assertEquals(Deidentifier.METHOD, ds.getString(Tag.DeidentificationMethod));
            Attributes code = ds.getSequence(Tag.DeidentificationMethodCodeSequence).get(0);
            assertEquals("113100", code.getString(Tag.CodeValue));
            assertEquals("DCM", code.getString(Tag.CodingSchemeDesignator));
            assertEquals("Basic Application Confidentiality Profile", code.getString(Tag.CodeMeaning));

            String sop = ds.getString(Tag.SOPInstanceUID);
            assertThat(sop).startsWith("2.25.").isNotEqualTo(SOP_A);
            assertThat(sop.length()).isLessThanOrEqualTo(64);
            assertEquals(sop + ".dcm", result.out().getFileName().toString());
            assertEquals(sop, copy.fileMeta().getString(Tag.MediaStorageSOPInstanceUID));
            assertThat(ds.getString(Tag.FrameOfReferenceUID)).startsWith("2.25.")
                    .isNotEqualTo(IdentifiedUltrasound.FRAME_OF_REFERENCE_UID);
            assertEquals(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN.uid(), copy.transferSyntax().uid());
        }
        assertThat(result.decodedFrom()).isNull();
        assertThat(result.mayHoldBurnedInText()).isTrue();
    }

    @Test
    void replacesUidsConsistentlyAcrossTheInstancesOfOneExport() throws IOException {
        Path a = IdentifiedUltrasound.write(dir.resolve("a.dcm"), SOP_A, null);
        Path b = IdentifiedUltrasound.write(dir.resolve("b.dcm"), SOP_B, SOP_A);
        byte[] original = Files.readAllBytes(b);
        DeidentifiedExport export = new DeidentifiedExport(false);
        Path outA = export.write(a, dir.resolve("out")).out();
        Path outB = export.write(b, dir.resolve("out")).out();
        try (DicomFile copyA = DicomFile.open(outA); DicomFile copyB = DicomFile.open(outB)) {
            Attributes dsA = copyA.dataset();
            Attributes dsB = copyB.dataset();
            assertThat(dsA.getString(Tag.StudyInstanceUID)).startsWith("2.25.")
                    .isNotEqualTo(IdentifiedUltrasound.STUDY_UID).isEqualTo(dsB.getString(Tag.StudyInstanceUID));
            assertThat(dsA.getString(Tag.SeriesInstanceUID)).isEqualTo(dsB.getString(Tag.SeriesInstanceUID))
                    .isNotEqualTo(dsA.getString(Tag.StudyInstanceUID));
            assertThat(dsA.getString(Tag.SOPInstanceUID)).isNotEqualTo(dsB.getString(Tag.SOPInstanceUID));
            Attributes reference = dsB.getSequence(Tag.SourceImageSequence).get(0);
            assertEquals(dsA.getString(Tag.SOPInstanceUID), reference.getString(Tag.ReferencedSOPInstanceUID));
            assertEquals(IdentifiedUltrasound.SOP_CLASS_UID, reference.getString(Tag.ReferencedSOPClassUID));
        }
        assertArrayEquals(original, Files.readAllBytes(b));

        Path again = new DeidentifiedExport(false).write(a, dir.resolve("other")).out();
        try (DicomFile copy = DicomFile.open(again); DicomFile first = DicomFile.open(outA)) {
            assertThat(copy.dataset().getString(Tag.StudyInstanceUID))
                    .isNotEqualTo(first.dataset().getString(Tag.StudyInstanceUID));
        }
    }

    @Test
    void blanksEveryFrameOutsideTheRegionsAndKeepsThePixelsInside() throws IOException {
        Path input = IdentifiedUltrasound.write(dir.resolve("a.dcm"), SOP_A, null);
        Path out = new DeidentifiedExport(true).write(input, dir.resolve("out")).out();
        List<StoredFrame> frames = frames(out);
        assertEquals(IdentifiedUltrasound.FRAMES, frames.size());
        int pixels = IdentifiedUltrasound.ROWS * IdentifiedUltrasound.COLUMNS;
        int inside = 0;
        for (int f = 0; f < frames.size(); f++) {
            for (int p = 0; p < pixels; p++) {
                int expected = IdentifiedUltrasound.insideRegions(p) ? IdentifiedUltrasound.pixel(p, f) : 0;
                assertEquals(expected, frames.get(f).sample(p, 0), "frame " + f + " pixel " + p);
                inside += IdentifiedUltrasound.insideRegions(p) ? 1 : 0;
            }
        }
        assertEquals(2 * (4 * 4 + 2 * 2), inside);
    }

    @Test
    void withoutBlankingThePixelsAreCopiedUnchanged() throws IOException {
        Path input = IdentifiedUltrasound.write(dir.resolve("a.dcm"), SOP_A, null);
        Path out = new DeidentifiedExport(false).write(input, dir.resolve("out")).out();
        List<StoredFrame> copied = frames(out);
        List<StoredFrame> original = frames(input);
        for (int f = 0; f < original.size(); f++) {
            assertArrayEquals(original.get(f).data(), copied.get(f).data());
        }
    }

    @Test
    void refusesToBlankAFileWithoutRegions(@TempDir Path other) throws IOException {
        Path input = IdentifiedUltrasound.write(dir.resolve("a.dcm"), SOP_A, null);
        try (DicomFile file = DicomFile.open(input)) {
            Attributes ds = file.dataset();
            ds.remove(Tag.SequenceOfUltrasoundRegions);
            ds.set(Tag.PixelData, org.sonocine.dicom.VR.OB, file.readBytes(
                    ((org.sonocine.dicom.NativePixelData) ds.pixelData().orElseThrow()).data().offset(),
                    IdentifiedUltrasound.ROWS * IdentifiedUltrasound.COLUMNS * IdentifiedUltrasound.FRAMES));
            new org.sonocine.dicom.DicomWriter(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN)
                    .writeFile(other.resolve("plain.dcm"), ds);
        }
        assertThatThrownBy(() -> new DeidentifiedExport(true).write(other.resolve("plain.dcm"), dir.resolve("out")))
                .hasMessageContaining("no ultrasound regions");
        assertThat(dir.resolve("out")).doesNotExist();
    }

    /** The test cine with its header changed by {@code change}, its pixels as they were. */
    private Path rewritten(String name, java.util.function.Consumer<Attributes> change) throws IOException {
        Path input = IdentifiedUltrasound.write(dir.resolve("source-" + name), SOP_A, null);
        Path changed = dir.resolve(name);
        try (DicomFile file = DicomFile.open(input)) {
            Attributes ds = file.dataset();
            ds.set(Tag.PixelData, org.sonocine.dicom.VR.OB, file.readBytes(
                    ((org.sonocine.dicom.NativePixelData) ds.pixelData().orElseThrow()).data().offset(),
                    IdentifiedUltrasound.ROWS * IdentifiedUltrasound.COLUMNS * IdentifiedUltrasound.FRAMES));
            change.accept(ds);
            new org.sonocine.dicom.DicomWriter(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN).writeFile(changed, ds);
        }
        return changed;
    }

    @Test
    void blankingAHeaderOfImpossibleSizeFailsOnTheSizeBeforeAnythingIsAllocated() throws IOException {
        Path huge = rewritten("huge.dcm", ds -> {
            ds.setInt(Tag.Rows, org.sonocine.dicom.VR.US, 65535);
            ds.setInt(Tag.Columns, org.sonocine.dicom.VR.US, 65535);
        });
        assertThatThrownBy(() -> new DeidentifiedExport(true).write(huge, dir.resolve("out")))
                .isInstanceOf(IOException.class).isNotInstanceOf(OutputException.class)
                .hasMessage("one frame of 65535 x 65535 pixels of 1 samples is larger than Sonocine decodes");
        Path large = rewritten("large.dcm", ds -> {
            ds.setInt(Tag.Rows, org.sonocine.dicom.VR.US, 46000);
            ds.setInt(Tag.Columns, org.sonocine.dicom.VR.US, 46000);
        });
        assertThatThrownBy(() -> new DeidentifiedExport(true).write(large, dir.resolve("out")))
                .isInstanceOf(IOException.class).isNotInstanceOf(OutputException.class)
                .hasMessageStartingWith("frame 1 ");
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void filesWithoutASopInstanceUidGetANewOneEach() throws IOException {
        Path first = rewritten("first.dcm", ds -> ds.set(Tag.SOPInstanceUID, org.sonocine.dicom.VR.UI, new byte[0]));
        Path second = rewritten("second.dcm", ds -> ds.remove(Tag.SOPInstanceUID));
        DeidentifiedExport export = new DeidentifiedExport(false);
        Path out = dir.resolve("out");
        Path a = export.write(first, out).out();
        Path b = export.write(second, out).out();
        assertThat(a).isNotEqualTo(b);
        for (Path copy : List.of(a, b)) {
            try (DicomFile file = DicomFile.open(copy)) {
                String uid = file.dataset().getString(Tag.SOPInstanceUID);
                assertThat(uid).startsWith("2.25.");
                assertEquals(uid + ".dcm", copy.getFileName().toString());
                assertEquals(uid, file.fileMeta().getString(Tag.MediaStorageSOPInstanceUID));
            }
        }
    }

    /** The first frame RLE-compressed as it should be, the second with a header no decoder accepts. */
    private Path rleWithABrokenSecondFrame() throws IOException {
        Path input = IdentifiedUltrasound.write(dir.resolve("a.dcm"), SOP_A, null);
        int pixels = IdentifiedUltrasound.ROWS * IdentifiedUltrasound.COLUMNS;
        byte[] good = new byte[64 + 1 + pixels];
        good[0] = 1; // one segment, starting after the 64-byte header
        good[4] = 64;
        good[64] = (byte) (pixels - 1); // one literal run of all the pixels
        for (int p = 0; p < pixels; p++) {
            good[65 + p] = (byte) IdentifiedUltrasound.pixel(p, 0);
        }
        byte[] broken = new byte[64 + 2];
        broken[0] = 9; // more segments than RLE allows
        org.sonocine.dicom.Fragments fragments = new org.sonocine.dicom.Fragments();
        fragments.add(new byte[0]);
        fragments.add(good);
        fragments.add(broken);
        try (DicomFile file = DicomFile.open(input)) {
            Attributes ds = file.dataset();
            ds.set(Tag.PixelData, org.sonocine.dicom.VR.OB, fragments);
            Path rle = dir.resolve("rle.dcm");
            new org.sonocine.dicom.DicomWriter(TransferSyntax.RLE_LOSSLESS).writeFile(rle, ds);
            return rle;
        }
    }

    @Test
    void aFrameThatCannotBeDecodedHalfWayLeavesNoFileAndBlamesTheInput() throws IOException {
        Path rle = rleWithABrokenSecondFrame();

        assertThatThrownBy(() -> new DeidentifiedExport(false).write(rle, dir.resolve("out")))
                .isNotInstanceOf(OutputException.class)
                .hasMessage("RLE frame 2 has 9 segments; 1 samples of 8 bits need 1");
        assertThat(dir.resolve("out")).satisfiesAnyOf(
                folder -> assertThat(folder).doesNotExist(),
                folder -> assertThat(folder).isEmptyDirectory());
    }

    @Test
    void refusesAFileAsTheOutputFolder() throws IOException {
        Path input = IdentifiedUltrasound.write(dir.resolve("a.dcm"), SOP_A, null);
        assertThatThrownBy(() -> new DeidentifiedExport(false).write(input, input))
                .isInstanceOf(OutputException.class).hasMessageContaining("is a file");
    }

    @Test
    @RequiresSamples
    void decodesACompressedColourCineAndBlanksOutsideItsRegions() throws IOException {
        Path input = Samples.file("JPEGLosslessP14SV1_3s_2f_u_08_08.dcm");
        DeidentifiedExport.Result result = new DeidentifiedExport(true).write(input, dir);
        assertThat(result.decodedFrom()).isNotNull();
        assertEquals("RGB", result.photometric());
        List<StoredFrame> original = frames(input);
        List<StoredFrame> copied = frames(result.out());
        List<UltrasoundRegion> regions = new ArrayList<>();
        try (DicomFile file = DicomFile.open(input); DicomFile copy = DicomFile.open(result.out())) {
            for (Attributes item : file.dataset().getSequence(Tag.SequenceOfUltrasoundRegions)) {
                regions.add(UltrasoundRegion.of(item));
            }
            assertEquals(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN.uid(), copy.transferSyntax().uid());
            assertEquals("RGB", copy.dataset().getString(Tag.PhotometricInterpretation));
            assertThat(copy.dataset().getString(Tag.PatientName, "")).isEmpty();
        }
        assertEquals(original.size(), copied.size());
        int columns = original.get(0).layout().columns();
        long blanked = 0;
        long kept = 0;
        for (int f = 0; f < original.size(); f++) {
            for (int p = 0; p < original.get(f).layout().pixels(); p++) {
                int x = p % columns;
                int y = p / columns;
                boolean inside = regions.stream().anyMatch(r -> r.contains(x, y));
                for (int s = 0; s < 3; s++) {
                    int expected = inside ? original.get(f).sample(p, s) : 0;
                    assertEquals(expected, copied.get(f).sample(p, s));
                }
                if (inside) {
                    kept++;
                } else {
                    blanked++;
                }
            }
        }
        assertThat(blanked).isPositive();
        assertThat(kept).isPositive();
    }

    private static List<StoredFrame> frames(Path file) throws IOException {
        try (DicomFile dicom = DicomFile.open(file)) {
            FrameSource source = FrameSource.of(dicom);
            List<StoredFrame> frames = new ArrayList<>();
            for (int i = 0; i < source.frameCount(); i++) {
                frames.add(source.decode(i));
            }
            return frames;
        }
    }

    private static List<Integer> allTags(Attributes ds) {
        List<Integer> tags = new ArrayList<>();
        for (int i = 0; i < ds.size(); i++) {
            tags.add(ds.tagAt(i));
            if (ds.valueAt(i) instanceof Sequence seq) {
                for (Attributes item : seq) {
                    tags.addAll(allTags(item));
                }
            }
        }
        return tags;
    }
}
