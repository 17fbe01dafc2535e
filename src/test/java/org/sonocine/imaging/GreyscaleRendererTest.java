package org.sonocine.imaging;

import org.sonocine.testing.ImageHeaders;
import org.junit.jupiter.api.Test;
import org.sonocine.dicom.Attributes;
import org.sonocine.dicom.DicomFile;
import org.sonocine.dicom.Sequence;
import org.sonocine.dicom.Tag;
import org.sonocine.dicom.TransferSyntax;
import org.sonocine.dicom.VR;

import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertEquals;

class GreyscaleRendererTest {

    private static int grey(DisplayFrame frame, int pixel) {
        return frame.argb()[pixel] & 0xFF;
    }

    private static DisplayFrame render(Attributes ds, byte[] pixels, GreyscaleRenderer.VoiChoice choice)
            throws IOException {
        DicomFile file = TestImages.nativeFile(ds, VR.OB, pixels, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        FrameSource source = FrameSource.of(file);
        return FrameRenderers.forSource(source, choice).render(source.decode(0));
    }

    @Test
    void windowFollowsTheLinearFunctionOfPs33() {
        VoiWindow w = new VoiWindow(100, 50, VoiWindow.Function.LINEAR);
        assertEquals(0, w.apply(75));
        assertEquals(255, w.apply(125));
        assertEquals(130, w.apply(100), "((100 - 99.5) / 49 + 0.5) * 255");
        VoiWindow exact = new VoiWindow(100, 50, VoiWindow.Function.LINEAR_EXACT);
        assertEquals(0, exact.apply(75));
        VoiWindow sigmoid = new VoiWindow(100, 50, VoiWindow.Function.SIGMOID);
        assertEquals(128, sigmoid.apply(100));
    }

    @Test
    void monochrome1IsInvertedAndRescaleIsApplied() throws IOException {
        Attributes ds = ImageHeaders.of(1, 3, 1, 8, "MONOCHROME1", 1);
        ds.setString(Tag.RescaleSlope, VR.DS, "2");
        ds.setString(Tag.RescaleIntercept, VR.DS, "-100");
        ds.setString(Tag.WindowCenter, VR.DS, "0.5");
        ds.setString(Tag.WindowWidth, VR.DS, "201");
        DisplayFrame frame = render(ds, new byte[] {0, 50, 100}, GreyscaleRenderer.VoiChoice.FROM_FILE);
        assertEquals(255, grey(frame, 0), "-100 is the bottom of the window: white in MONOCHROME1");
        assertEquals(0, grey(frame, 2), "100 is the top: black");
    }

    @Test
    void windowOfTheFramesFunctionalGroupWinsOverTheTopLevel() throws IOException {
        Attributes ds = ImageHeaders.of(1, 2, 1, 8, "MONOCHROME2", 1);
        ds.setString(Tag.WindowCenter, VR.DS, "1000");
        ds.setString(Tag.WindowWidth, VR.DS, "10");
        Sequence shared = ds.newSequence(Tag.SharedFunctionalGroupsSequence);
        Attributes voi = shared.addItem().newSequence(Tag.FrameVOILUTSequence).addItem();
        voi.setString(Tag.WindowCenter, VR.DS, "50.5");
        voi.setString(Tag.WindowWidth, VR.DS, "101");
        DisplayFrame frame = render(ds, new byte[] {0, 100}, GreyscaleRenderer.VoiChoice.FROM_FILE);
        assertEquals(0, grey(frame, 0));
        assertEquals(255, grey(frame, 1));
    }

    @Test
    void withoutAWindowTheFramesValueRangeIsUsed() throws IOException {
        Attributes ds = ImageHeaders.of(1, 3, 1, 8, "MONOCHROME2", 1);
        DisplayFrame frame = render(ds, new byte[] {20, 30, 40}, GreyscaleRenderer.VoiChoice.FROM_FILE);
        assertEquals(0, grey(frame, 0));
        assertEquals(127, grey(frame, 1));
        assertEquals(255, grey(frame, 2));
    }

    @Test
    void voiLutSequenceMapsValuesThroughItsTable() throws IOException {
        Attributes ds = ImageHeaders.of(1, 2, 1, 8, "MONOCHROME2", 1);
        Attributes lut = ds.newSequence(Tag.VOILUTSequence).addItem();
        lut.setInt(Tag.LUTDescriptor, VR.US, 2, 5, 8);
        lut.setInt(Tag.LUTData, VR.OW, 0, 255);
        DisplayFrame frame = render(ds, new byte[] {5, 6}, GreyscaleRenderer.VoiChoice.FROM_FILE);
        assertEquals(0, grey(frame, 0));
        assertEquals(255, grey(frame, 1));
    }
}
