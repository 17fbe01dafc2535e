package org.sonocine.remote;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sonocine.dicom.Attributes;
import org.sonocine.dicom.DicomFile;
import org.sonocine.dicom.Tag;
import org.sonocine.dicom.Tags;
import org.sonocine.dicom.VR;
import org.sonocine.imaging.FrameSource;
import org.sonocine.study.ArchiveImage;
import org.sonocine.study.RemoteCache;
import org.sonocine.testing.OrthancServer;
import org.sonocine.testing.RequiresOrthanc;
import org.sonocine.testing.Samples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The client against a real Orthanc with its DICOMweb plugin, holding shared samples uploaded through Orthanc's own
 * REST API: what it finds, the headers and the decoded frames must be those of the local files.
 */
@RequiresOrthanc
class OrthancArchiveTest {
    /**
     * Ultrasound, each: native RGB; a JPEG baseline cine (30 frames); a JPEG-LS palette cine (10); RLE YBR; and a
     * JPEG cine (8 frames, fragmented without offsets) whose frames Orthanc can only send decompressed.
     */
    static final List<String> SAMPLES = List.of("US1_UNCR.dcm", "examples_ybr_color.dcm", "jpeg-ls-Palette.dcm",
            "YBR_FULL-RLE.dcm", "IM00001.fragmented_no_bot_jpeg_baseline.50.dcm");

    private static DicomWebClient client;
    @org.junit.jupiter.api.io.TempDir
    Path cache;

    @BeforeAll
    static void upload(OrthancServer orthanc) throws Exception {
        for (String sample : SAMPLES) {
            orthanc.upload(Samples.file(sample));
        }
        client = new DicomWebClient(ArchiveConnection.of(orthanc.dicomWeb()));
    }

    private static Attributes local(String sample) throws IOException {
        try (DicomFile file = DicomFile.open(Samples.file(sample))) {
            return file.dataset();
        }
    }

    private static InstanceRef refOf(Attributes header) {
        return InstanceRef.instance(header.getString(Tag.StudyInstanceUID), header.getString(Tag.SeriesInstanceUID),
                header.getString(Tag.SOPInstanceUID));
    }

    private static List<String> studyUids(SearchPage page) {
        return page.matches().stream().map(a -> a.getString(Tag.StudyInstanceUID)).toList();
    }

    @Test
    void everyUploadedStudyIsFound() throws Exception {
        List<String> expected = new ArrayList<>();
        for (String sample : SAMPLES) {
            expected.add(local(sample).getString(Tag.StudyInstanceUID));
        }
        assertThat(studyUids(client.searchStudies(SearchQuery.all()))).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void aPatientNameWithAWildcardFindsOnlyThatPatientsStudy() throws Exception {
        Attributes header = local("US1_UNCR.dcm");
        String name = header.getString(Tag.PatientName);
        SearchPage page = client.searchStudies(SearchQuery.all().withPatientName(name.substring(0, 5) + "*"));
        assertThat(studyUids(page)).containsExactly(header.getString(Tag.StudyInstanceUID));
        assertThat(page.matches().get(0).getString(Tag.PatientName)).isEqualTo(name);
        assertThat(page.matches().get(0).getString(Tag.StudyDate)).isEqualTo(header.getString(Tag.StudyDate));
    }

    @Test
    void aStudyDateRangeFindsTheStudiesInsideIt() throws Exception {
        Attributes header = local("US1_UNCR.dcm");
        var date = header.getDate(Tag.StudyDate).orElseThrow();
        SearchPage inside = client.searchStudies(SearchQuery.all().withDates(date.minusDays(1), date.plusDays(1)));
        assertThat(studyUids(inside)).contains(header.getString(Tag.StudyInstanceUID));
        SearchPage after = client.searchStudies(SearchQuery.all().withDates(date.plusDays(1), null));
        assertThat(studyUids(after)).doesNotContain(header.getString(Tag.StudyInstanceUID));
    }

    @Test
    void aModalityOutsideTheArchiveFindsNothingAndUltrasoundFindsAll() throws Exception {
        assertThat(client.searchStudies(SearchQuery.all().withModality("MR")).matches()).isEmpty();
        assertThat(client.searchStudies(SearchQuery.all().withModality("US")).matches()).hasSize(SAMPLES.size());
    }

    @Test
    void resultsComeInPages() throws Exception {
        SearchPage first = client.searchStudies(SearchQuery.all().withPage(3, 0));
        assertThat(first.matches()).hasSize(3);
        assertThat(first.mayHaveMore()).isTrue();
        SearchPage second = client.searchStudies(first.nextQuery());
        assertThat(second.matches()).hasSize(SAMPLES.size() - 3);
        assertThat(studyUids(second)).doesNotContainAnyElementsOf(studyUids(first));
    }

    @Test
    void seriesAndInstancesCarryWhatABrowserShows() throws Exception {
        Attributes header = local("examples_ybr_color.dcm");
        SearchPage series = client.searchSeries(header.getString(Tag.StudyInstanceUID), SearchQuery.all());
        assertThat(series.matches()).singleElement().satisfies(s -> {
            assertThat(s.getString(Tag.SeriesInstanceUID)).isEqualTo(header.getString(Tag.SeriesInstanceUID));
            assertThat(s.getString(Tag.Modality)).isEqualTo("US");
        });
        SearchPage instances = client.searchInstances(header.getString(Tag.StudyInstanceUID),
                header.getString(Tag.SeriesInstanceUID), SearchQuery.all());
        assertThat(instances.matches()).singleElement().satisfies(i -> {
            assertThat(i.getString(Tag.SOPInstanceUID)).isEqualTo(header.getString(Tag.SOPInstanceUID));
            assertThat(i.getString(Tag.SOPClassUID)).isEqualTo(header.getString(Tag.SOPClassUID));
            assertThat(i.getInt(Tag.NumberOfFrames, 0)).isEqualTo(header.getInt(Tag.NumberOfFrames, 0));
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"US1_UNCR.dcm", "examples_ybr_color.dcm", "jpeg-ls-Palette.dcm", "YBR_FULL-RLE.dcm"})
    void metadataHoldsTheLocalHeadersValues(String sample) throws Exception {
        Attributes header = local(sample);
        Attributes remote = client.metadata(refOf(header)).attributes();
        int compared = 0;
        for (int i = 0; i < header.size(); i++) {
            int tag = header.tagAt(i);
            VR vr = header.vrAt(i);
            if (!(header.valueAt(i) instanceof byte[]) || Tags.isPrivate(tag) || tag == Tag.SpecificCharacterSet
                    || vr.kind() == VR.Kind.BULK || !remote.contains(tag)) {
                continue;
            }
            if (vr == VR.DS || vr == VR.FL || vr == VR.FD) {
                assertThat(remote.getDoubles(tag)).as(Tags.toHex(tag)).containsExactly(header.getDoubles(tag));
            } else {
                assertThat(remote.getStrings(tag)).as(Tags.toHex(tag)).containsExactly(header.getStrings(tag));
            }
            compared++;
        }
        for (int tag : new int[] {Tag.SOPInstanceUID, Tag.Rows, Tag.Columns, Tag.PhotometricInterpretation,
            Tag.BitsAllocated, Tag.PatientName}) {
            assertThat(remote.contains(tag)).as(Tags.toHex(tag)).isTrue();
        }
        assertThat(compared).isGreaterThan(20);
    }

    @ParameterizedTest
    @ValueSource(strings = {"US1_UNCR.dcm", "examples_ybr_color.dcm", "jpeg-ls-Palette.dcm", "YBR_FULL-RLE.dcm"})
    void remoteFramesDecodeToTheLocalFilesStoredValues(String sample) throws Exception {
        try (DicomFile file = DicomFile.open(Samples.file(sample))) {
            FrameSource local = FrameSource.of(file);
            ArchiveImage image = ArchiveImage.open(client, refOf(file.dataset()), new RemoteCache(cache, 1L << 30),
                    "orthanc");
            assertThat(image.syntax()).as("the archive sends the frames as stored")
                    .isEqualTo(file.transferSyntax());
            assertThat(image.source().frameCount()).isEqualTo(local.frameCount());
            for (int i = 0; i < local.frameCount(); i++) {
                assertThat(image.source().decode(i).data()).as("frame %d", i + 1).isEqualTo(local.decode(i).data());
            }
        }
    }

    @Test
    void aWholeCineStreamsInOneRequestFrameByFrame() throws Exception {
        try (DicomFile file = DicomFile.open(Samples.file("examples_ybr_color.dcm"))) {
            FrameSource local = FrameSource.of(file);
            RemoteFrames frames = client.frames(refOf(file.dataset()), client.metadata(refOf(file.dataset()))
                    .attributes());
            AtomicInteger next = new AtomicInteger();
            frames.readAll(0, local.frameCount(), (index, bytes) -> {
                assertThat(index).isEqualTo(next.getAndIncrement());
                try {
                    assertThat(bytes).as("frame %d", index + 1).isEqualTo(local.read(index).bytes());
                } catch (IOException e) {
                    throw new AssertionError(e);
                }
            });
            assertThat(next).hasValue(local.frameCount());
        }
    }

    @Test
    void aWholeInstanceIsSavedAsAPart10FileNamedByItsUid(@org.junit.jupiter.api.io.TempDir Path out)
            throws Exception {
        Attributes header = local("jpeg-ls-Palette.dcm");
        List<Path> saved = client.retrieve(refOf(header), out, p -> { });
        Path expected = out.resolve(header.getString(Tag.SOPInstanceUID) + ".dcm");
        assertThat(saved).containsExactly(expected);
        try (DicomFile back = DicomFile.open(expected); DicomFile original = DicomFile.open(Samples.file(
                "jpeg-ls-Palette.dcm"))) {
            assertThat(FrameSource.of(back).decode(9).data()).isEqualTo(FrameSource.of(original).decode(9).data());
        }
        try (var files = Files.list(out)) {
            assertThat(files).as("no temporary file is left").containsExactly(expected);
        }
    }

    @Test
    void anUnknownStudyIsNotFound() {
        assertThatThrownBy(() -> client.metadata(InstanceRef.instance("1.2.3", "1.2.3.4", "1.2.3.4.5")))
                .isInstanceOf(RemoteException.class)
                .hasMessageStartingWith("the archive has nothing at /dicom-web/studies/1.2.3/series/1.2.3.4/instances"
                        + "/1.2.3.4.5/metadata")
                .extracting(e -> ((RemoteException) e).reason()).isEqualTo(RemoteException.Reason.NOT_FOUND);
    }

    @Test
    void framesTheArchiveCanOnlySendDecompressedArriveAsRgbOfTheSameImage() throws Exception {
        try (DicomFile file = DicomFile.open(Samples.file("IM00001.fragmented_no_bot_jpeg_baseline.50.dcm"))) {
            ArchiveImage image = ArchiveImage.open(client, refOf(file.dataset()), new RemoteCache(cache, 1L << 30),
                    "orthanc");
            assertThat(image.syntax()).isEqualTo(org.sonocine.dicom.TransferSyntax
                    .EXPLICIT_VR_LITTLE_ENDIAN);
            assertThat(image.source().header().photometric()).isEqualTo(org.sonocine.imaging.Photometric.RGB);
            FrameSource local = FrameSource.of(file);
            assertThat(local.header().photometric()).isEqualTo(org.sonocine.imaging.Photometric.YBR_FULL);
            for (int f : new int[] {0, 7}) {
                byte[] rgb = image.source().decode(f).data();
                byte[] ybr = local.decode(f).data();
                assertThat(rgb).hasSameSizeAs(ybr);
                int worst = 0;
                for (int p = 0; p < ybr.length; p += 3) {
                    double y = ybr[p] & 0xFF;
                    double cb = (ybr[p + 1] & 0xFF) - 128.0;
                    double cr = (ybr[p + 2] & 0xFF) - 128.0;
                    double[] expected = {y + 1.402 * cr, y - 0.344136 * cb - 0.714136 * cr, y + 1.772 * cb};
                    for (int c = 0; c < 3; c++) {
                        long e = Math.max(0, Math.min(255, Math.round(expected[c])));
                        worst = (int) Math.max(worst, Math.abs((rgb[p + c] & 0xFF) - e));
                    }
                }
                assertThat(worst).as("largest difference from the local frame %d in RGB", f + 1).isLessThanOrEqualTo(2);
            }
        }
    }
}
