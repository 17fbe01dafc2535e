package org.sonocine.dicom;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import org.sonocine.study.CineTiming;
import org.sonocine.study.Geometry;
import org.sonocine.study.ImageInfo;
import org.sonocine.testing.FuzzProperty;

import java.io.OutputStream;
import java.util.List;

/**
 * What the reader fuzz tests do with an input: read it as the viewer and the command line do (leniently, strictly,
 * header only, keeping only what a folder scan keeps, and under small limits), then use everything that was read — each value as text in a dump and in
 * DICOM JSON, the typed views the viewer shows, the frame table — and check each warning and problem a user sees.
 */
final class HeaderFuzzing {
    /** Small limits, so that values stay in the file and limits are reached with small inputs. */
    private static final ReadOptions TIGHT = new ReadOptions(false, 64, 4, 4096, 16);
    private static final JsonFactory JSON = new JsonFactory();
    /** What a folder scan keeps of a header: a handful of its elements. */
    private static final KeptElements SCANNED = KeptElements.only(Tag.PatientName, Tag.PatientID,
            Tag.StudyInstanceUID, Tag.SeriesInstanceUID, Tag.SOPInstanceUID, Tag.InstanceNumber);

    private HeaderFuzzing() {
    }

    static void readAndUse(byte[] data) throws Exception {
        for (ReadOptions options : List.of(ReadOptions.DEFAULT, ReadOptions.HEADER_ONLY, TIGHT,
                ReadOptions.HEADER_ONLY.withKept(SCANNED))) {
            FuzzProperty.holds(() -> {
                try (DicomFile file = DicomFile.readLenient(data, options)) {
                    use(file);
                }
            });
        }
        FuzzProperty.holds(() -> DicomFile.read(data).close());
        for (ReadOptions options : List.of(ReadOptions.HEADER_ONLY, TIGHT)) {
            keepingFewReadsAsKeepingAll(data, options);
        }
    }

    /** A read that keeps a few elements finds what a read that keeps them all finds, in those elements. */
    private static void keepingFewReadsAsKeepingAll(byte[] data, ReadOptions options) {
        KeptReads.Read read = o -> DicomFile.readLenient(data, o);
        String all = KeptReads.outcome(read, options, SCANNED);
        String few = KeptReads.outcome(read, options.withKept(SCANNED), SCANNED);
        if (!few.equals(all)) {
            throw new AssertionError("keeping " + SCANNED + ", the read found\n" + few + "\nand keeping all\n" + all);
        }
    }

    private static void use(DicomFile file) throws Exception {
        file.problem().ifPresent(FuzzProperty::requireReadable);
        for (String warning : file.warnings()) {
            FuzzProperty.requireReadableMessage(warning, null);
        }
        new DumpFormatter(line -> { }, 80).print(file.dataset());
        try (JsonGenerator json = JSON.createGenerator(OutputStream.nullOutputStream())) {
            new DicomJsonWriter(json, "data").write(file.fileMeta(), file.dataset());
        }
        ImageInfo.of(file);
        CineTiming.of(file.dataset(), file.numberOfFrames());
        Geometry.of(file.dataset());
        FrameTable frames = file.frames();
        for (int i = 0; i < Math.min(frames.size(), 16); i++) {
            int index = i;
            FuzzProperty.holds(() -> frames.get(index));
        }
    }
}
