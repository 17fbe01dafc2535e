package org.sonocine.cine;

import org.junit.jupiter.api.Test;
import org.sonocine.dicom.Attributes;
import org.sonocine.dicom.DicomFile;
import org.sonocine.dicom.DicomWriter;
import org.sonocine.dicom.ReadOptions;
import org.sonocine.dicom.Tag;
import org.sonocine.dicom.TransferSyntax;
import org.sonocine.dicom.VR;
import org.sonocine.imaging.DisplayFrame;
import org.sonocine.imaging.FrameRenderers;
import org.sonocine.imaging.FrameSource;
import org.sonocine.imaging.GreyscaleRenderer;
import org.sonocine.imaging.VoiWindow;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FrameCacheTest {
    private final List<Runnable> queued = new ArrayList<>();

    /** A grey cine of 4x4 frames whose pixels all hold the frame number; the last frame is cut off. */
    private static FrameSource cine(int frames) throws IOException {
        Attributes ds = new Attributes();
        ds.setString(Tag.SOPClassUID, VR.UI, "1.2.840.10008.5.1.4.1.1.3.1");
        ds.setString(Tag.NumberOfFrames, VR.IS, Integer.toString(frames));
        ds.setInt(Tag.Rows, VR.US, 4);
        ds.setInt(Tag.Columns, VR.US, 4);
        ds.setInt(Tag.SamplesPerPixel, VR.US, 1);
        ds.setString(Tag.PhotometricInterpretation, VR.CS, "MONOCHROME2");
        ds.setInt(Tag.BitsAllocated, VR.US, 8);
        ds.setInt(Tag.BitsStored, VR.US, 8);
        ds.setInt(Tag.HighBit, VR.US, 7);
        ds.setString(Tag.WindowCenter, VR.DS, "128");
        ds.setString(Tag.WindowWidth, VR.DS, "256");
        byte[] pixels = new byte[16 * frames];
        for (int f = 0; f < frames; f++) {
            Arrays.fill(pixels, 16 * f, 16 * f + 16, (byte) (f * 10));
        }
        ds.setBytes(Tag.PixelData, VR.OB, pixels);
        byte[] file = new DicomWriter(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN).toPart10Bytes(ds);
        return FrameSource.of(DicomFile.readLenient(Arrays.copyOf(file, file.length - 8), ReadOptions.DEFAULT));
    }

    private void runQueued() {
        List<Runnable> now = new ArrayList<>(queued);
        queued.clear();
        now.forEach(Runnable::run);
    }

    @Test
    void framesAreDecodedOnTheExecutorAndThenServedFromMemory() throws Exception {
        FrameSource source = cine(5);
        FrameCache cache = new FrameCache(source, FrameRenderers.forSource(source), 1 << 20, queued::add);
        var future = cache.request(2);
        assertTrue(cache.getIfReady(2).isEmpty(), "nothing is decoded on the calling thread");
        runQueued();
        DisplayFrame frame = future.get();
        assertEquals(20, frame.argb()[0] & 0xFF);
        assertTrue(cache.getIfReady(2).isPresent());
        assertTrue(cache.request(2).isDone());
    }

    @Test
    void theBudgetInBytesBoundsWhatIsKept() throws Exception {
        FrameSource source = cine(5);
        long frameBytes = 16 * 4;
        FrameCache cache = new FrameCache(source, FrameRenderers.forSource(source), 2 * frameBytes, Runnable::run);
        for (int i = 0; i < 4; i++) {
            cache.request(i).get();
        }
        assertEquals(2 * frameBytes, cache.usedBytes());
        assertTrue(cache.getIfReady(3).isPresent());
        assertTrue(cache.getIfReady(0).isEmpty(), "the least recently used frame went first");
    }

    @Test
    void aFrameThatCannotBeDecodedKeepsItsReason() throws IOException {
        FrameSource source = cine(5);
        FrameCache cache = new FrameCache(source, FrameRenderers.forSource(source), 1 << 20, Runnable::run);
        ExecutionException e = assertThrows(ExecutionException.class, () -> cache.request(4).get());
        assertThat(e.getCause().getMessage()).isEqualTo("frame 5 is cut short: the file holds 8 of its 16 bytes");
        assertThat(cache.failure(4)).hasValue("frame 5 is cut short: the file holds 8 of its 16 bytes");
        assertTrue(cache.request(3).isDone(), "the other frames still decode");
    }

    @Test
    void prefetchQueuesWhatComesNextAndDropsWhatIsNoLongerWanted() throws IOException {
        FrameSource source = cine(5);
        FrameCache cache = new FrameCache(source, FrameRenderers.forSource(source), 1 << 20, queued::add);
        cache.prefetch(List.of(1, 2, 3));
        assertEquals(3, queued.size());
        cache.prefetch(List.of(3, 4));
        runQueued();
        assertTrue(cache.getIfReady(1).isEmpty(), "cancelled before it ran");
        assertTrue(cache.getIfReady(3).isPresent());
        assertTrue(cache.failure(4).isPresent());
    }

    @Test
    void aNewWindowDropsFramesRenderedWithTheOldOne() throws Exception {
        FrameSource source = cine(5);
        GreyscaleRenderer renderer = (GreyscaleRenderer) FrameRenderers.forSource(source);
        FrameCache cache = new FrameCache(source, renderer, 1 << 20, Runnable::run);
        assertEquals(30, cache.request(3).get().argb()[0] & 0xFF);
        cache.setRenderer(renderer.withWindow(new VoiWindow(40.5, 2, VoiWindow.Function.LINEAR)));
        assertTrue(cache.getIfReady(3).isEmpty());
        assertEquals(0, cache.request(3).get().argb()[0] & 0xFF);
    }
}
