package org.sonocine.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sonocine.dicom.Attributes;
import org.sonocine.dicom.DicomWriter;
import org.sonocine.dicom.Tag;
import org.sonocine.dicom.TransferSyntax;
import org.sonocine.dicom.VR;
import org.sonocine.testing.FileSets;
import org.sonocine.testing.Samples;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import java.util.zip.Deflater;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class ScanCommandTest {

    @Test
    void aDeflateBombFailsAloneAndTheOthersAreStillListed(@TempDir Path dir) throws IOException {
        Files.copy(Samples.file("US1_UNCR.dcm"), dir.resolve("a.dcm"));
        Files.copy(Samples.file("US-RGB-8-epicard"), dir.resolve("b.dcm"));
        Path bomb = Files.write(dir.resolve("bomb.dcm"), deflatedDataSetOfZeros(1100));

        CliRun run = CliRun.of("scan", "--threads", "1", dir.toString());

        assertEquals(1, run.status(), run.err());
        assertThat(run.out()).contains(dir.resolve("a.dcm").toString(), dir.resolve("b.dcm").toString())
                .contains("failed: " + bomb + ": the deflated data set inflates to more than "
                        + (Runtime.getRuntime().maxMemory() / 4 >> 20) + " MiB, more than Sonocine can hold in the"
                        + " memory it has: refusing to inflate further\n")
                .contains("2 instances; 0 files skipped (not DICOM), 1 failed, 0 warnings; 3 files");
    }

    @Test
    void aDeflatedFileIsScannedWithoutInflatingItsPixelData(@TempDir Path dir) throws IOException {
        Attributes header = org.sonocine.testing.ImageHeaders.of(1024, 1024, 1, 8, "MONOCHROME2", 1100);
        header.setString(Tag.PatientID, VR.LO, "BOMB-2");
        Path bomb = Files.write(dir.resolve("deflated.dcm"),
                org.sonocine.testing.DeflateBombs.withPixelDataOfZeros(header, 1100));

        CliRun run = CliRun.of("scan", "--threads", "1", dir.toString());

        assertEquals(0, run.status(), run.out() + run.err());
        assertThat(run.out()).contains(bomb.toString())
                .contains("1 instance; 0 files skipped (not DICOM), 0 failed, 0 warnings; 1 file in");
    }

    @Test
    void aFolderAndItsDicomdirGivenTogetherListEachInstanceOnce() {
        Path folder = Samples.file("dicomdir");

        CliRun run = CliRun.of("scan", folder.toString(), folder.resolve("DICOMDIR").toString());

        assertEquals(0, run.status(), run.err());
        assertThat(run.out()).contains("31 instances; 0 files skipped (not DICOM), 0 failed, 0 warnings; 32 files");
        List<String> instanceLines = Arrays.stream(run.out().split("\n")).filter(line -> line.contains("98892001"))
                .toList();
        assertThat(instanceLines).isNotEmpty().doesNotHaveDuplicates();
    }

    @Test
    void patientsStudiesSeriesAndInstancesAreListedInTheOrderAReaderExpects(@TempDir Path dir) throws IOException {
        header(dir.resolve("1.dcm"), "zed", "2.25.1", "20200101", "2.25.11", "7", "2");
        header(dir.resolve("2.dcm"), "Adams", "2.25.2", "20190101", "2.25.21", "1", "1");
        header(dir.resolve("3.dcm"), "Adams", "2.25.3", "20240101", "2.25.31", "700", "1");
        header(dir.resolve("4.dcm"), "Adams", "2.25.3", "20240101", "2.25.32", "", "");
        header(dir.resolve("5.dcm"), "Adams", "2.25.3", "20240101", "2.25.33", "2", "4");
        header(dir.resolve("6.dcm"), "Adams", "2.25.3", "20240101", "2.25.33", "2", "3");

        CliRun run = CliRun.of("scan", "--threads", "1", dir.toString());

        List<String> listed = run.out().lines().filter(l -> !l.startsWith("    ") || l.startsWith("    Series"))
                .map(String::strip).map(l -> l.replace(dir + "/", "")).toList();
        assertThat(listed.subList(0, 9)).containsExactly(
                "Patient Adams (ID (none))",
                "Study 20240101   [2.25.3]",
                "Series 2 US  (2 instances)",
                "Series 700 US  (1 instance)",
                "Series ? US  (1 instance)",
                "Study 20190101   [2.25.2]",
                "Series 1 US  (1 instance)",
                "Patient zed (ID (none))",
                "Study 20200101   [2.25.1]");
        assertThat(run.out()).containsSubsequence("6.dcm  #3", "5.dcm  #4", "4.dcm  #?");
    }

    /** A header-only ultrasound instance; empty series or instance numbers are left out. */
    private static void header(Path file, String patient, String study, String date, String series,
                               String seriesNumber, String instanceNumber) throws IOException {
        Attributes ds = new Attributes(false, 16);
        ds.setString(Tag.SOPClassUID, VR.UI, "1.2.840.10008.5.1.4.1.1.6.1");
        ds.setString(Tag.SOPInstanceUID, VR.UI, "2.25.9" + file.getFileName().toString().charAt(0));
        ds.setString(Tag.PatientName, VR.PN, patient);
        ds.setString(Tag.StudyInstanceUID, VR.UI, study);
        ds.setString(Tag.StudyDate, VR.DA, date);
        ds.setString(Tag.Modality, VR.CS, "US");
        ds.setString(Tag.SeriesInstanceUID, VR.UI, series);
        if (!seriesNumber.isEmpty()) {
            ds.setString(Tag.SeriesNumber, VR.IS, seriesNumber);
        }
        if (!instanceNumber.isEmpty()) {
            ds.setString(Tag.InstanceNumber, VR.IS, instanceNumber);
        }
        new DicomWriter(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN).writeFile(file, ds);
    }

    @Test
    void anUnreadableFileIsPermissionDenied(@TempDir Path dir) throws IOException {
        Path locked = Files.copy(Samples.file("US1_UNCR.dcm"), dir.resolve("locked.dcm"));
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        assumeFalse(Files.isReadable(locked), "running with the right to read any file (root): a file without"
                + " permissions is still readable, skipping (FailureReasonTest checks the wording)");

        CliRun run = CliRun.of("scan", dir.toString());

        assertEquals(1, run.status());
        assertThat(run.out()).contains("failed: " + locked + ": permission denied\n");
    }

    @Test
    void everyFailedLineNamesItsFileOnce(@TempDir Path dir) throws IOException {
        Path cut = Files.copy(Samples.file("MR_truncated.dcm"), dir.resolve("cut.dcm"));

        CliRun run = CliRun.of("scan", dir.toString());

        assertEquals(1, run.status());
        List<String> failed = run.out().lines().filter(l -> l.startsWith("failed: ")).toList();
        assertThat(failed).singleElement().asString().startsWith("failed: " + cut + ": Pixel Data (7FE0,0010)"
                + " declares 8192 bytes");
        assertEquals(1, failed.get(0).split("cut\\.dcm", -1).length - 1, failed.get(0));
    }

    @Test
    void dicomdirReferencesRefusedArePrintedAsWarningsAndCounted(@TempDir Path dir) throws IOException {
        Path media = Files.createDirectories(dir.resolve("media"));
        Files.copy(Samples.file("US1_UNCR.dcm"), media.resolve("IMG1"));
        Path outside = Files.copy(Samples.file("US-RGB-8-epicard"), dir.resolve("outside.dcm"));
        Files.createSymbolicLink(media.resolve("LINK"), outside);
        Path dicomdir = FileSets.writeImageRecords(media, new String[] {"IMG1"}, new String[] {"..", "outside.dcm"},
                new String[] {"LINK"});

        CliRun run = CliRun.of("scan", dicomdir.toString());

        assertEquals(1, run.status());
        assertThat(run.out()).contains("warning: " + dicomdir + ": Referenced File ID '..\\outside.dcm' refused: it"
                        + " does not name a file inside the DICOMDIR's folder\n")
                .contains("warning: " + dicomdir + ": Referenced File ID 'LINK' refused: a symbolic link leads it out"
                        + " of the DICOMDIR's folder\n")
                .contains("1 instance; 0 files skipped (not DICOM), 0 failed, 2 warnings; 1 file in")
                .doesNotContain(outside.toString());
    }

    @Test
    void aTruncatedDicomdirFailsAloneAndTheFileAfterItIsScanned(@TempDir Path dir) throws IOException {
        byte[] whole = Files.readAllBytes(Samples.file("dicomdir/DICOMDIR"));
        Path dicomdir = Files.write(Files.createDirectories(dir.resolve("cd")).resolve("DICOMDIR"),
                Arrays.copyOf(whole, whole.length / 2));
        Path image = Files.copy(Samples.file("US1_UNCR.dcm"), dir.resolve("a.dcm"));

        CliRun run = CliRun.of("scan", dicomdir.toString(), image.toString());

        assertEquals(1, run.status(), run.err());
        assertThat(run.out()).contains(image.toString())
                .contains("failed: " + dicomdir + ": element (0004,1220) DirectoryRecordSequence at byte 384 declares"
                        + " 10720 bytes, but only 5162 remain: the file is truncated or corrupt\n")
                .contains("1 instance; 0 files skipped (not DICOM), 1 failed, 0 warnings; 1 file in");
    }

    @Test
    void aCleanScanExitsZero() {
        CliRun run = CliRun.of("scan", Samples.file("dicomdir/DICOMDIR").toString());
        assertEquals(0, run.status(), run.out());
        assertThat(run.out()).contains(" 0 failed, 0 warnings;");
    }

    /**
     * A deflated data set of {@code megabytes} MB of zeros, about a thousand times smaller than that: one
     * fully flushed block of a megabyte of zeros repeated, since each such block stands alone.
     */
    private static byte[] deflatedDataSetOfZeros(int megabytes) throws IOException {
        Attributes ds = new Attributes();
        ds.setString(Tag.SOPClassUID, VR.UI, "1.2.840.10008.5.1.4.1.1.6.1");
        ds.setString(Tag.SOPInstanceUID, VR.UI, "2.25.1");
        byte[] small = new DicomWriter(TransferSyntax.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN).toPart10Bytes(ds);
        int metaEnd = 144 + ByteBuffer.wrap(small, 140, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        deflater.setInput(new byte[1 << 20]);
        ByteArrayOutputStream block = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        int n;
        while ((n = deflater.deflate(buffer, 0, buffer.length, Deflater.FULL_FLUSH)) > 0) {
            block.write(buffer, 0, n);
        }
        deflater.end();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(Arrays.copyOf(small, metaEnd));
        for (int i = 0; i < megabytes; i++) {
            block.writeTo(out);
        }
        out.write(new byte[] {0x03, 0x00});
        return out.toByteArray();
    }

    @Test
    void instancesAreListedInOrderWithTheirFramesWhateverTheThreads(@TempDir Path dir) throws IOException {
        // written in an order unlike the listing's, so that the listing's order is the scan's own
        for (int n : new int[] {12, 3, 7, 1, 30, 5, 2, 21, 9, 4}) {
            Attributes ds = org.sonocine.testing.ImageHeaders.of(2, 2, 1, 8, "MONOCHROME2", n == 7 ? 3 : 1);
            ds.setString(Tag.PatientID, VR.LO, "ORDER-1");
            ds.setString(Tag.StudyInstanceUID, VR.UI, "2.25.10");
            ds.setString(Tag.SeriesInstanceUID, VR.UI, "2.25.11");
            ds.setString(Tag.SOPInstanceUID, VR.UI, "2.25.12." + n);
            ds.setString(Tag.InstanceNumber, VR.IS, Integer.toString(n));
            if (n != 30) {
                ds.set(Tag.PixelData, VR.OB, new byte[n == 7 ? 12 : 4]);
            }
            new DicomWriter(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN).writeFile(dir.resolve("f" + n + ".dcm"), ds);
        }

        CliRun one = CliRun.of("scan", "--threads", "1", dir.toString());
        CliRun four = CliRun.of("scan", "--threads", "4", dir.toString());

        assertEquals(0, one.status(), one.err());
        assertEquals(withoutTiming(one.out()), withoutTiming(four.out()));
        List<String> instances = Arrays.stream(one.out().split("\n")).filter(line -> line.startsWith("      "))
                .toList();
        assertEquals(List.of(
                "      " + dir.resolve("f1.dcm") + "  #1, 1 frame",
                "      " + dir.resolve("f2.dcm") + "  #2, 1 frame",
                "      " + dir.resolve("f3.dcm") + "  #3, 1 frame",
                "      " + dir.resolve("f4.dcm") + "  #4, 1 frame",
                "      " + dir.resolve("f5.dcm") + "  #5, 1 frame",
                "      " + dir.resolve("f7.dcm") + "  #7, 3 frames",
                "      " + dir.resolve("f9.dcm") + "  #9, 1 frame",
                "      " + dir.resolve("f12.dcm") + "  #12, 1 frame",
                "      " + dir.resolve("f21.dcm") + "  #21, 1 frame",
                "      " + dir.resolve("f30.dcm") + "  #30, 0 frames, no image"), instances);
    }

    /** The listing less its last line's time and rate, which differ from run to run. */
    private static String withoutTiming(String out) {
        return out.replaceAll(" in [0-9.]+ s \\([0-9,]+ files/s\\)", "");
    }
}
