package org.sonocine.export;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sonocine.dicom.DicomFile;
import org.sonocine.imaging.FrameSource;
import org.sonocine.imaging.ParallelDecoder;
import org.sonocine.study.CineTiming;
import org.sonocine.study.DemoCine;
import org.sonocine.study.Geometry;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CineExportTest {

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aCancelledExportStopsAndLeavesNothingBehind(@TempDir Path dir) throws IOException {
        Path demo = dir.resolve("demo.dcm");
        DemoCine.write(demo);
        List<Integer> reported = new ArrayList<>();
        for (CineExport.Format format : CineExport.Format.values()) {
            try (DicomFile dicom = DicomFile.open(demo); ParallelDecoder decoder = new ParallelDecoder(2)) {
                FrameSource source = FrameSource.of(dicom);
                ExportPlan plan = ExportPlan.of(CineTiming.of(dicom.dataset(), source.frameCount()));
                ExportRenderer renderer = ExportRenderer.of(source, Geometry.of(dicom.dataset()), 0.25,
                        format.needsEvenSize());
                CineExport export = new CineExport(source, renderer, decoder);
                reported.clear();
                InterruptedIOException cancelled = assertThrows(InterruptedIOException.class,
                        () -> export.write(plan, format, demo, dir.resolve("out." + format), (done, total) -> {
                            reported.add(done);
                            if (done == 3) {
                                // What a Cancel button does to the export's thread.
                                Thread.currentThread().interrupt();
                            }
                        }));
                assertEquals("export cancelled", cancelled.getMessage());
            } finally {
                Thread.interrupted();
            }
            assertEquals(List.of(1, 2, 3), reported, format + ": stops at once");
            assertEquals(List.of("demo.dcm"), names(dir), format + ": no partial output");
        }
    }
    @Test
    void pngFramesWhoseFolderVanishesFailWithAMessageAndPrintNothing(@TempDir Path dir) throws IOException {
        Path demo = dir.resolve("demo.dcm");
        DemoCine.write(demo);
        PrintStream stderr = System.err;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        Path out = dir.resolve("frames");
        try (DicomFile dicom = DicomFile.open(demo); ParallelDecoder decoder = new ParallelDecoder(2)) {
            FrameSource source = FrameSource.of(dicom);
            ExportPlan plan = ExportPlan.of(CineTiming.of(dicom.dataset(), source.frameCount()));
            CineExport export = new CineExport(source,
                    ExportRenderer.of(source, Geometry.of(dicom.dataset()), 0.25), decoder);
            System.setErr(new PrintStream(printed, true));
            OutputException failed = assertThrows(OutputException.class,
                    () -> export.write(plan, CineExport.Format.PNG, demo, out, (done, total) -> {
                        if (done == 2) {
                            // What the end of the program does to a pending folder while frames are written.
                            PendingOutput.discardUnfinished();
                        }
                    }));
            assertEquals(out + ": cannot be created in " + dir, failed.getMessage());
        } finally {
            System.setErr(stderr);
        }
        assertEquals("", printed.toString());
        assertEquals(List.of("demo.dcm"), names(dir));
    }
}
