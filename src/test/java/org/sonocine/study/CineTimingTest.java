package org.sonocine.study;

import org.junit.jupiter.api.Test;
import org.sonocine.dicom.Attributes;
import org.sonocine.dicom.DicomFile;
import org.sonocine.dicom.ElementDictionary;
import org.sonocine.dicom.Tag;
import org.sonocine.dicom.VR;
import org.sonocine.testing.Samples;

import java.io.IOException;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class CineTimingTest {

    private static CineTiming ofSample(String name) throws IOException {
        try (DicomFile file = DicomFile.open(Samples.file(name))) {
            return CineTiming.of(file.dataset(), file.numberOfFrames());
        }
    }

    private static double[] filled(int n, double v) {
        double[] a = new double[n];
        Arrays.fill(a, v);
        return a;
    }

    @Test
    void frameIncrementPointerToFrameTime() throws IOException {
        CineTiming t = ofSample("HasFragmentSequence.dcm");
        assertEquals("FrameTime", t.source());
        assertArrayEquals(filled(96, 33), t.intervalsMs());
        assertEquals(1, t.startFrame());
        assertEquals(96, t.stopFrame());
        assertEquals(CineTiming.Sequencing.LOOP, t.sequencing());
    }

    @Test
    void frameIncrementPointerToFrameTimeVectorGivesPerFrameIntervals() throws IOException {
        CineTiming t = ofSample("IM00001.implicit_little_endian.dcm");
        assertEquals("FrameTimeVector", t.source());
        assertArrayEquals(new double[] {33.333, 50, 33.333, 50, 50, 50, 33.333, 43.333}, t.intervalsMs());
    }

    @Test
    void frameTimeWinsOverCineRateAndRecommendedRate() throws IOException {
        CineTiming t = ofSample("JPEGLosslessP14SV1_3s_2f_u_08_08.dcm");
        assertEquals("FrameTime", t.source());
        assertEquals(1000 / 31.9652, t.framesPerSecond(), 1e-9);
    }

    @Test
    void withoutTimingTheDefaultRateIsUsed() throws IOException {
        CineTiming t = ofSample("US1_UNCR.dcm");
        assertEquals("default", t.source());
        assertEquals(CineTiming.DEFAULT_FPS, t.framesPerSecond(), 1e-9);
    }

    private static Attributes cine(int frames) {
        Attributes ds = new Attributes();
        ds.setString(Tag.NumberOfFrames, VR.IS, Integer.toString(frames));
        return ds;
    }

    @Test
    void cineRateThenRecommendedDisplayFrameRate() {
        Attributes ds = cine(3);
        ds.setString(Tag.RecommendedDisplayFrameRate, VR.IS, "20");
        assertEquals("RecommendedDisplayFrameRate", CineTiming.of(ds, 3).source());
        assertArrayEquals(filled(3, 50), CineTiming.of(ds, 3).intervalsMs());
        ds.setString(Tag.CineRate, VR.IS, "25");
        assertEquals("CineRate", CineTiming.of(ds, 3).source());
        assertArrayEquals(filled(3, 40), CineTiming.of(ds, 3).intervalsMs());
    }

    @Test
    void implausibleFrameTimeFallsThroughToTheNextSource() {
        Attributes ds = cine(2);
        ds.setInt(Tag.FrameIncrementPointer, VR.AT, Tag.FrameTime);
        ds.setString(Tag.FrameTime, VR.DS, "0");
        ds.setString(Tag.CineRate, VR.IS, "50");
        assertEquals("CineRate", CineTiming.of(ds, 2).source());
    }

    @Test
    void intervalsTooShortToShowFallThroughToTheNextSource() {
        Attributes ds = cine(3);
        ds.setInt(Tag.FrameIncrementPointer, VR.AT, Tag.FrameTime);
        ds.setString(Tag.FrameTime, VR.DS, "1e-9");
        ds.setString(Tag.FrameTimeVector, VR.DS, "0", "0.0001", "20");
        ds.setString(Tag.CineRate, VR.IS, "1000000000");
        ds.setString(Tag.RecommendedDisplayFrameRate, VR.IS, "25");
        CineTiming timing = CineTiming.of(ds, 3);
        assertEquals("RecommendedDisplayFrameRate", timing.source());
        assertArrayEquals(filled(3, 40), timing.intervalsMs());
        ds.setString(Tag.FrameTime, VR.DS, "1");
        assertArrayEquals(filled(3, 1), CineTiming.of(ds, 3).intervalsMs(), "1000 frames/s is still a rate");
    }

    @Test
    void leadingZeroOfAFrameTimeVectorBecomesTheMeanInterval() {
        Attributes ds = cine(4);
        ds.setInt(Tag.FrameIncrementPointer, VR.AT, Tag.FrameTimeVector);
        ds.setString(Tag.FrameTimeVector, VR.DS, "0", "20", "30", "40");
        assertArrayEquals(new double[] {30, 20, 30, 40}, CineTiming.of(ds, 4).intervalsMs());
    }

    @Test
    void trimAndSweepAreHonoured() {
        Attributes ds = cine(10);
        ds.setString(Tag.FrameTime, VR.DS, "40");
        ds.setString(Tag.StartTrim, VR.IS, "3");
        ds.setString(Tag.StopTrim, VR.IS, "12");
        ds.setInt(Tag.PreferredPlaybackSequencing, VR.US, 1);
        CineTiming t = CineTiming.of(ds, 10);
        assertEquals(3, t.startFrame());
        assertEquals(10, t.stopFrame(), "a stop trim past the end is clamped");
        assertEquals(CineTiming.Sequencing.SWEEP, t.sequencing());
    }

    @Test
    void theSourcesAreNamedByTheirKeywordsInTheDictionary() {
        ElementDictionary dictionary = ElementDictionary.standard();

        assertEquals(dictionary.keywordOf(Tag.FrameTime), CineTiming.FRAME_TIME);
        assertEquals(dictionary.keywordOf(Tag.FrameTimeVector), CineTiming.FRAME_TIME_VECTOR);
        assertEquals(dictionary.keywordOf(Tag.CineRate), CineTiming.CINE_RATE);
        assertEquals(dictionary.keywordOf(Tag.RecommendedDisplayFrameRate), CineTiming.RECOMMENDED_DISPLAY_FRAME_RATE);
    }
}
