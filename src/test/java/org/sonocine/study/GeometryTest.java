package org.sonocine.study;

import org.junit.jupiter.api.Test;
import org.sonocine.dicom.Attributes;
import org.sonocine.dicom.DicomFile;
import org.sonocine.dicom.Tag;
import org.sonocine.dicom.VR;
import org.sonocine.testing.Samples;

import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GeometryTest {

    private static Geometry ofSample(String name) throws IOException {
        try (DicomFile file = DicomFile.open(Samples.file(name))) {
            return Geometry.of(file.dataset());
        }
    }

    @Test
    void pixelAspectRatioFourToThreeMakesPixelsTaller() throws IOException {
        Geometry g = ofSample("US-RGB-8-esopecho");
        assertEquals(4.0 / 3, g.displayAspect(), 1e-12);
        assertEquals("PixelAspectRatio", g.aspectSource());
    }

    @Test
    void unequalPixelSpacingGivesTheAspectWhenThereIsNoRatio() {
        Attributes ds = new Attributes();
        ds.setString(Tag.PixelSpacing, VR.DS, "0.5", "0.25");
        Geometry g = Geometry.of(ds);
        assertEquals(2, g.displayAspect(), 1e-12);
        assertEquals("PixelSpacing", g.aspectSource());
    }

    @Test
    void aMalformedRatioIsIgnored() throws IOException {
        Geometry g = ofSample("CR-MONO1-10-chest");
        assertEquals(1, g.displayAspect(), 0);
        assertEquals("default", g.aspectSource());
    }

    @Test
    void ultrasoundRegionsGivePhysicalScalePerPixel() throws IOException {
        Geometry g = ofSample("JPEGLosslessP14SV1_3s_2f_u_08_08.dcm");
        assertEquals(2, g.regions().size());
        UltrasoundRegion tissue = g.regions().get(0);
        assertEquals(UltrasoundRegion.Units.CM, tissue.unitsX());
        assertEquals("0.002774 cm × 0.002774 cm per pixel", tissue.scaleText());
        UltrasoundRegion ecg = g.regions().get(1);
        assertEquals(UltrasoundRegion.Units.SECONDS, ecg.unitsX());
        assertTrue(tissue.contains(tissue.minX(), tissue.maxY()));
    }
}
