package org.sonocine.dicom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.Deflater;
import java.nio.ByteOrder;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Lying lengths, deep nesting, deflate bombs and random damage end in clear errors, never in a crash. */
class HostileInputTest {

    private static byte[] explicitElement(int tag, String vr, byte[] value, long declaredLength) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] h = new byte[12];
        Bytes.putInt16(h, 0, tag >>> 16, false);
        Bytes.putInt16(h, 2, tag, false);
        h[4] = (byte) vr.charAt(0);
        h[5] = (byte) vr.charAt(1);
        VR v = VR.ofCode((vr.charAt(0) << 8) | vr.charAt(1));
        if (v.hasLongHeader()) {
            Bytes.putInt32(h, 8, (int) declaredLength, false);
            out.write(h, 0, 12);
        } else {
            Bytes.putInt16(h, 6, (int) declaredLength, false);
            out.write(h, 0, 8);
        }
        out.writeBytes(value);
        return out.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    private static byte[] modality() {
        return explicitElement(Tag.Modality, "CS", "US".getBytes(), 2);
    }

    @Test
    void lengthBeyondTheEndOfTheFileIsAnErrorThatKeepsWhatCameBefore() throws IOException {
        byte[] data = concat(modality(), explicitElement(Tag.ImageComments, "LT", "short".getBytes(), 60000));
        DicomException e = assertThrows(DicomException.class, () -> DicomFile.read(data));
        assertThat(e.getMessage()).contains("element (0020,4000) ImageComments at byte 10 declares 60000 bytes,"
                + " but only 5 remain: the file is truncated or corrupt");
        DicomFile partial = DicomFile.readLenient(data, ReadOptions.DEFAULT);
        assertEquals("US", partial.dataset().getString(Tag.Modality));
    }

    private static byte[] itemHeader(long declaredLength) {
        byte[] h = {(byte) 0xFE, (byte) 0xFF, 0x00, (byte) 0xE0, 0, 0, 0, 0};
        Bytes.putInt32(h, 4, (int) declaredLength, false);
        return h;
    }

    @Test
    void anItemLongerThanTheFileNamesItsSequence() {
        byte[] item = concat(itemHeader(5000), new byte[8]);
        byte[] data = concat(modality(), explicitElement(Tag.SequenceOfUltrasoundRegions, "SQ", item, 0xFFFFFFFFL));
        DicomException e = assertThrows(DicomException.class, () -> DicomFile.read(data));
        assertThat(e.getMessage()).contains("an item of (0018,6011) SequenceOfUltrasoundRegions at byte 22"
                + " declares 5000 bytes, but only 8 remain");
    }

    @Test
    void anItemWithoutASequenceLongerThanTheFileSaysSo() {
        byte[] data = concat(modality(), itemHeader(5000), new byte[8]);
        DicomException e = assertThrows(DicomException.class, () -> DicomFile.read(data));
        assertThat(e.getMessage()).contains("an item outside any sequence at byte 10 declares 5000 bytes,"
                + " but only 8 remain");
    }

    @Test
    void absurdLengthOfABulkElementIsRefusedWithoutAllocating() {
        byte[] data = concat(modality(), explicitElement(Tag.EncapsulatedDocument, "OB", new byte[16], 0xFFFFFFF0L));
        DicomException e = assertThrows(DicomException.class, () -> DicomFile.read(data));
        assertThat(e.getMessage()).contains("declares 4294967280 bytes");
    }

    @Test
    void sequencesNestedBeyondTheLimitAreRefused() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(modality());
        byte[] sq = explicitElement(Tag.ReferencedImageSequence, "SQ", new byte[0], 0xFFFFFFFFL);
        byte[] item = {(byte) 0xFE, (byte) 0xFF, 0x00, (byte) 0xE0, -1, -1, -1, -1};
        for (int i = 0; i < 10_000; i++) {
            out.writeBytes(sq);
            out.writeBytes(item);
        }
        byte[] data = out.toByteArray();
        DicomException e = assertThrows(DicomException.class, () -> DicomFile.read(data));
        assertThat(e.getMessage()).contains("sequences nested deeper than 64 levels");
    }

    @Test
    void deflatedDataSetThatInflatesBeyondTheLimitIsRefused() throws IOException {
        Attributes ds = new Attributes();
        ds.setString(Tag.SOPClassUID, VR.UI, "1.2.840.10008.5.1.4.1.1.7");
        ds.setBytes(Tag.EncapsulatedDocument, VR.OB, new byte[8 << 20]);
        byte[] bomb = new DicomWriter(TransferSyntax.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN).toPart10Bytes(ds);
        assertThat(bomb.length).isLessThan(64 * 1024);

        DicomException e = assertThrows(DicomException.class,
                () -> DicomFile.readLenient(bomb, ReadOptions.DEFAULT.withMaxInflated(1 << 20)));
        assertThat(e.getMessage()).isEqualTo("data: the deflated data set inflates to more than 1 MiB:"
                + " refusing to inflate further");
    }

    @Test
    void aDeflateBombIsStoppedAtWhatTheHeapCanHold() throws IOException {
        byte[] file = new DicomWriter(TransferSyntax.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN)
                .toPart10Bytes(new Attributes());
        // preamble, DICM, and the File Meta Information whose group length is the value at byte 140
        int metaEnd = 144 + ByteBuffer.wrap(file, 140, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        byte[] header = Arrays.copyOf(file, metaEnd);
        long heapShare = Runtime.getRuntime().maxMemory() / 4;
        // an element claiming more than the heap share, then that many zeros, deflated without holding them
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try (DeflaterOutputStream z = new DeflaterOutputStream(body, new Deflater(9, true))) {
            ByteBuffer element = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
            element.putShort((short) 0x0042).putShort((short) 0x0011).put((byte) 'O').put((byte) 'B').putShort((short) 0)
                    .putInt((int) Math.min(Integer.MAX_VALUE - 1, heapShare + (16 << 20)) & ~1);
            z.write(element.array());
            byte[] zeros = new byte[1 << 20];
            for (long written = 0; written <= heapShare + (16 << 20); written += zeros.length) {
                z.write(zeros);
            }
        }
        byte[] bomb = ByteBuffer.allocate(header.length + body.size()).put(header).put(body.toByteArray()).array();
        assertThat(bomb.length).as("a small file").isLessThan(2 << 20);

        DicomException e = assertThrows(DicomException.class, () -> DicomFile.readLenient(bomb, ReadOptions.DEFAULT));
        assertThat(e.getMessage()).isEqualTo("data: the deflated data set inflates to more than " + (heapShare >> 20)
                + " MiB, more than Sonocine can hold in the memory it has: refusing to inflate further");
    }

    @Test
    void truncatedFileKeepsEverythingBeforeTheCut(@TempDir Path dir) throws IOException {
        Attributes ds = RoundTripTest.everyVr(false);
        byte[] whole = new DicomWriter(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN).toPart10Bytes(ds);
        Path cut = dir.resolve("cut.dcm");
        Files.write(cut, Arrays.copyOf(whole, whole.length - 7));

        DicomFile file = DicomFile.openLenient(cut);

        assertThat(file.problem()).hasValueSatisfying(p -> assertThat(p.getMessage()).startsWith("cut.dcm: ")
                .contains("truncated"));
        assertEquals(65535, file.dataset().getInt(Tag.Rows, 0));
        assertEquals("US", file.dataset().getString(Tag.Modality));
        assertThrows(DicomException.class, () -> DicomFile.open(cut));
    }

    @Test
    void emptyFilesFoldersAndOtherFormatsAreNotDicom(@TempDir Path dir) throws IOException {
        Path empty = Files.write(dir.resolve("empty.dcm"), new byte[0]);
        Path png = Files.write(dir.resolve("image.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0});
        assertEquals("empty.dcm is empty", assertThrows(NotDicomException.class, () -> DicomFile.open(empty)).getMessage());
        assertThat(assertThrows(NotDicomException.class, () -> DicomFile.open(png)).getMessage())
                .startsWith("image.png is not DICOM");
        assertThat(assertThrows(NotDicomException.class, () -> DicomFile.open(dir)).getMessage())
                .endsWith("is a folder, not a file");
    }

    @Test
    void randomDamageNeverEscapesAsAnythingButADicomException() throws IOException {
        Attributes ds = RoundTripTest.everyVr(false);
        Fragments fragments = new Fragments();
        fragments.add(new byte[0]);
        fragments.add(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 1, 2});
        ds.set(Tag.PixelData, VR.OB, fragments);
        byte[][] originals = {
            new DicomWriter(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN).toPart10Bytes(ds),
            new DicomWriter(TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN).definedLengths(true).toPart10Bytes(ds),
            new DicomWriter(TransferSyntax.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN).toPart10Bytes(ds)};
        Random random = new Random(42);
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            for (int attempt = 0; attempt < 3000; attempt++) {
                byte[] original = originals[attempt % originals.length];
                byte[] damaged = random.nextBoolean()
                        ? Arrays.copyOf(original, random.nextInt(original.length))
                        : original.clone();
                for (int flips = random.nextInt(8); flips >= 0; flips--) {
                    if (damaged.length > 0) {
                        damaged[random.nextInt(damaged.length)] = (byte) random.nextInt(256);
                    }
                }
                try {
                    DicomFile file = DicomFile.readLenient(damaged, ReadOptions.DEFAULT);
                    file.frames();
                    file.dataset().getStrings(Tag.PatientName);
                } catch (DicomException expected) {
                    assertTrue(expected.getMessage() != null && !expected.getMessage().isBlank());
                }
            }
        });
    }

    @Test
    void aDefectRepeatedAHundredThousandTimesIsReportedAFewTimesAndCounted() throws IOException {
        byte[] stray = {(byte) 0xFE, (byte) 0xFF, 0x0D, (byte) 0xE0, 0, 0, 0, 0};
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(modality());
        for (int i = 0; i < 100_000; i++) {
            out.writeBytes(stray);
        }
        DicomFile file = DicomFile.readLenient(out.toByteArray(), ReadOptions.DEFAULT);
        assertEquals(11, file.warnings().size());
        assertEquals("stray Item Delimitation Item at byte 10 ignored", file.warnings().get(0));
        assertEquals("and 99,990 more like it: stray Item Delimitation Item at byte # ignored",
                file.warnings().get(10));
    }

    @Test
    void aNamedPipeIsRefusedAtOnceRatherThanWaitedOn(@TempDir Path dir) throws Exception {
        Path fifo = dir.resolve("pipe.dcm");
        Process mkfifo;
        try {
            mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        } catch (IOException e) {
            org.junit.jupiter.api.Assumptions.abort("mkfifo is not available here: " + e.getMessage());
            return;
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(mkfifo.waitFor() == 0, "mkfifo failed");
        NotDicomException e = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> assertThrows(NotDicomException.class, () -> DicomFile.openLenient(fifo)));
        assertEquals(fifo + " is not a regular file (a named pipe, socket or device)", e.getMessage());
    }
}
