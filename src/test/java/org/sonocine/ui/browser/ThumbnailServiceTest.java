package org.sonocine.ui.browser;

import javafx.scene.image.Image;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sonocine.dicom.Attributes;
import org.sonocine.dicom.DicomWriter;
import org.sonocine.dicom.Tag;
import org.sonocine.dicom.TransferSyntax;
import org.sonocine.dicom.VR;
import org.sonocine.imaging.DisplayFrame;
import org.sonocine.imaging.RetryableDecodeException;
import org.sonocine.study.DemoCine;
import org.sonocine.testing.ImageHeaders;
import org.sonocine.ui.browser.ThumbnailService.Failure;
import org.sonocine.ui.browser.ThumbnailService.Picture;
import org.sonocine.ui.browser.ThumbnailService.Thumbnail;
import org.sonocine.ui.task.Cancellable;
import org.sonocine.ui.task.DirectTaskExecutor;
import org.sonocine.ui.task.Lane;
import org.sonocine.ui.task.SteppedTaskExecutor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** Thumbnails made, cached, cancelled and failed, with the background work run by the test. */
class ThumbnailServiceTest {
    @TempDir
    Path dir;

    /** A maker of plain pictures that counts what it made, file by file. */
    private static final class CountingMaker implements ThumbnailService.Maker {
        final Map<Path, Integer> made = new HashMap<>();
        private final int width;
        private final int height;

        CountingMaker(int width, int height) {
            this.width = width;
            this.height = height;
        }

        @Override
        public DisplayFrame make(Path file, int size) {
            made.merge(file, 1, Integer::sum);
            return new DisplayFrame(0, width, height, new int[width * height]);
        }

        int total() {
            return made.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    @Test
    void theLeastRecentlyUsedThumbnailIsDroppedPastTheBudgetAndMadeAgainWhenAskedFor() {
        CountingMaker maker = new CountingMaker(10, 10);
        ThumbnailService service = new ThumbnailService(new DirectTaskExecutor(), 3 * 400, maker);
        List<Thumbnail> got = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            service.request(dir.resolve(i + ".dcm"), got::add);
        }
        assertEquals(4, got.size());
        assertEquals(3, service.cached());
        assertEquals(1200, service.cachedBytes());
        service.request(dir.resolve("4.dcm"), got::add);
        assertEquals(4, maker.total(), "the newest is still remembered");
        service.request(dir.resolve("1.dcm"), got::add);
        assertEquals(2, maker.made.get(dir.resolve("1.dcm")), "the oldest was dropped and is made again");
        assertEquals(3, service.cached());
        service.request(dir.resolve("2.dcm"), got::add);
        assertEquals(2, maker.made.get(dir.resolve("2.dcm")), "making 1 again dropped 2, the least recently used");
    }

    @Test
    void memoryStaysWithinTheBudgetForTenThousandInstances() {
        CountingMaker maker = new CountingMaker(96, 72);
        ThumbnailService service = new ThumbnailService(new DirectTaskExecutor(), ThumbnailService.CACHE_BYTES,
                maker);
        int[] answered = new int[1];
        for (int i = 0; i < 10_000; i++) {
            service.request(dir.resolve("IMG" + i), t -> answered[0]++);
        }
        assertEquals(10_000, answered[0]);
        assertThat(service.cachedBytes()).isLessThanOrEqualTo(ThumbnailService.CACHE_BYTES)
                .isGreaterThan(ThumbnailService.CACHE_BYTES - 96 * 72 * 4);
        assertEquals(ThumbnailService.CACHE_BYTES / (96 * 72 * 4), service.cached());
        assertEquals(0, service.pending());
    }

    @Test
    void aRequestCancelledBeforeTheLaneRunsIsNeitherMadeNorAnswered() {
        SteppedTaskExecutor tasks = new SteppedTaskExecutor();
        CountingMaker maker = new CountingMaker(4, 4);
        ThumbnailService service = new ThumbnailService(tasks, ThumbnailService.CACHE_BYTES, maker);
        List<Thumbnail> got = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            service.request(dir.resolve("IMG" + i), got::add).cancel();
        }
        assertEquals(0, service.pending());
        tasks.runAll();
        assertEquals(0, maker.total());
        assertThat(got).isEmpty();
        assertEquals(0, service.cached());
    }

    @Test
    void whenOneOfTwoCallersCancelsTheOtherStillGetsTheThumbnail() {
        SteppedTaskExecutor tasks = new SteppedTaskExecutor();
        CountingMaker maker = new CountingMaker(4, 3);
        ThumbnailService service = new ThumbnailService(tasks, ThumbnailService.CACHE_BYTES, maker);
        Path file = dir.resolve("a.dcm");
        List<Thumbnail> first = new ArrayList<>();
        List<Thumbnail> second = new ArrayList<>();
        Cancellable firstWait = service.request(file, first::add);
        service.request(file, second::add);
        assertEquals(1, tasks.queued(Lane.THUMBNAILS), "one piece of work for both");
        firstWait.cancel();
        tasks.runAll();
        assertEquals(1, maker.total());
        assertThat(first).isEmpty();
        assertEquals(1, second.size());
        Image image = assertInstanceOf(Picture.class, second.get(0)).image();
        assertEquals(4, image.getWidth());
        assertEquals(3, image.getHeight());
    }

    @Test
    void workAlreadyRunningWhenItsLastCallerGoesIsKeptForNextTime() {
        SteppedTaskExecutor tasks = new SteppedTaskExecutor();
        Path file = dir.resolve("a.dcm");
        Cancellable[] wait = new Cancellable[1];
        int[] made = new int[1];
        ThumbnailService service = new ThumbnailService(tasks, ThumbnailService.CACHE_BYTES, (f, size) -> {
            made[0]++;
            wait[0].cancel();
            return new DisplayFrame(0, 2, 2, new int[4]);
        });
        List<Thumbnail> got = new ArrayList<>();
        wait[0] = service.request(file, got::add);
        tasks.runAll();
        assertThat(got).isEmpty();
        service.request(file, got::add);
        assertEquals(1, made[0], "answered from the cache");
        assertInstanceOf(Picture.class, got.get(0));
    }

    @Test
    void aFileThatIsNotDicomGetsItsReasonOnceAndIsNotTriedAgain() throws IOException {
        Path text = Files.writeString(dir.resolve("notes.txt"), "Patient notes, not an image.\n".repeat(20));
        int[] made = new int[1];
        ThumbnailService service = new ThumbnailService(new DirectTaskExecutor(), ThumbnailService.CACHE_BYTES,
                (f, size) -> {
                    made[0]++;
                    return ThumbnailService.fromFirstFrame(f, size);
                });
        List<Thumbnail> got = new ArrayList<>();
        service.request(text, got::add);
        service.request(text, got::add);
        assertEquals(1, made[0]);
        assertEquals(2, got.size());
        String message = assertInstanceOf(Failure.class, got.get(0)).message();
        assertEquals("no image: the file is not DICOM: no 'DICM' prefix at byte 128 and the first bytes are not a data element", message);
        assertEquals(got.get(0), got.get(1));
    }

    @Test
    void aTruncatedCineSaysWhichFrameCouldNotBeRead() throws IOException {
        Path whole = dir.resolve("whole.dcm");
        DemoCine.write(whole);
        byte[] bytes = Files.readAllBytes(whole);
        Path cut = Files.write(dir.resolve("cut.dcm"), java.util.Arrays.copyOf(bytes, 4000));
        List<Thumbnail> got = new ArrayList<>();
        new ThumbnailService(new DirectTaskExecutor()).request(cut, got::add);
        String message = assertInstanceOf(Failure.class, got.get(0)).message();
        assertThat(message).matches("no image: frame 1 is cut short: the file holds \\d+ of its "
                + DemoCine.ROWS * DemoCine.COLUMNS * 3 + " bytes");
    }

    @Test
    void anErrorThrownWhileMakingEndsTheRequestWithAReason() {
        int[] made = new int[1];
        ThumbnailService service = new ThumbnailService(new DirectTaskExecutor(), ThumbnailService.CACHE_BYTES,
                (f, size) -> {
                    made[0]++;
                    throw new StackOverflowError();
                });
        List<Thumbnail> got = new ArrayList<>();
        Path file = dir.resolve("deep.dcm");
        service.request(file, got::add);
        assertEquals(new Failure("no image: nested too deeply to read"), got.get(0));
        assertEquals(0, service.pending(), "nothing is left waiting");
        service.request(file, got::add);
        assertEquals(1, made[0], "the failure is remembered");
        assertEquals(got.get(0), got.get(1));
    }

    @Test
    void anErrorWithoutAMessageIsNotShownAsItsClassName() {
        ThumbnailService service = new ThumbnailService(new DirectTaskExecutor(), ThumbnailService.CACHE_BYTES,
                (f, size) -> {
                    throw new InternalError();
                });
        List<Thumbnail> got = new ArrayList<>();
        service.request(dir.resolve("a.dcm"), got::add);
        assertEquals(new Failure("no image: it could not be read"), got.get(0));
    }

    @Test
    void aFailureThatMayPassIsDeliveredButTriedAgainNextTime() {
        int[] made = new int[1];
        ThumbnailService service = new ThumbnailService(new DirectTaskExecutor(), ThumbnailService.CACHE_BYTES,
                (f, size) -> {
                    made[0]++;
                    throw new RetryableDecodeException("frame 1: decoding was stopped");
                });
        List<Thumbnail> got = new ArrayList<>();
        Path file = dir.resolve("a.dcm");
        service.request(file, got::add);
        assertEquals(new Failure("no image: frame 1: decoding was stopped"), got.get(0));
        assertEquals(0, service.cached());
        service.request(file, got::add);
        assertEquals(2, made[0]);
    }

    @Test
    void theDemoCineIsShrunkToTheThumbnailSizeKeepingItsShape() throws IOException {
        Path file = dir.resolve("demo.dcm");
        DemoCine.write(file);
        List<Thumbnail> got = new ArrayList<>();
        new ThumbnailService(new DirectTaskExecutor()).request(file, got::add);
        Image image = assertInstanceOf(Picture.class, got.get(0)).image();
        assertEquals(ThumbnailService.SIZE, image.getWidth());
        assertEquals(ThumbnailService.SIZE * DemoCine.ROWS / DemoCine.COLUMNS, image.getHeight());
    }

    @Test
    void nonSquarePixelsAreShownAtTheirAspectFromTheFrameTheCineStartsOn() throws IOException {
        // 60 rows of pixels twice as tall as wide, 120 columns: shown square. Frame 1 red, frame 2 blue.
        Attributes ds = ImageHeaders.of(60, 120, 3, 8, "RGB", 2);
        ds.setString(Tag.PixelAspectRatio, VR.IS, "2", "1");
        ds.setString(Tag.StartTrim, VR.IS, "2");
        int pixels = 60 * 120;
        byte[] data = new byte[pixels * 3 * 2];
        for (int p = 0; p < pixels; p++) {
            data[3 * p] = (byte) 200;
            data[3 * (pixels + p) + 2] = (byte) 200;
        }
        ds.setBytes(Tag.PixelData, VR.OB, data);
        Path file = dir.resolve("tall-pixels.dcm");
        new DicomWriter(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN).writeFile(file, ds);

        DisplayFrame frame = ThumbnailService.fromFirstFrame(file, ThumbnailService.SIZE);
        assertEquals(ThumbnailService.SIZE, frame.width());
        assertEquals(ThumbnailService.SIZE, frame.height());
        assertEquals(0xFF0000C8, frame.pixel(48, 48), "frame 2, where the cine starts");
    }

    @Test
    void shrinkingAveragesThePixelsItCovers() throws IOException {
        // Alternate black and white columns: averaged, not picked, they make an even grey.
        Attributes ds = ImageHeaders.of(192, 192, 3, 8, "RGB", 1);
        byte[] data = new byte[192 * 192 * 3];
        for (int p = 0; p < 192 * 192; p++) {
            if (p % 2 == 0) {
                data[3 * p] = (byte) 255;
                data[3 * p + 1] = (byte) 255;
                data[3 * p + 2] = (byte) 255;
            }
        }
        ds.setBytes(Tag.PixelData, VR.OB, data);
        Path file = dir.resolve("stripes.dcm");
        new DicomWriter(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN).writeFile(file, ds);

        DisplayFrame frame = ThumbnailService.fromFirstFrame(file, ThumbnailService.SIZE);
        assertEquals(96, frame.width());
        assertEquals(0xFF808080, frame.pixel(10, 10));
    }
}
