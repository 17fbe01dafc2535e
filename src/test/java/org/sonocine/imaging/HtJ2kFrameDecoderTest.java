package org.sonocine.imaging;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sonocine.dicom.Attributes;
import org.sonocine.dicom.DicomFile;
import org.sonocine.dicom.Tag;
import org.sonocine.dicom.TransferSyntax;
import org.sonocine.dicom.VR;
import org.sonocine.imaging.jpeg2000.OpenJph;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * HTJ2K frames in DICOM (1.2.840.10008.1.2.4.201, .202, .203) through the frame-decoder path a viewer uses: the
 * frames, made by OpenJPH from pixels written here, come back as those pixels.
 */
class HtJ2kFrameDecoderTest {
    private static final String[] SYNTAXES = {"1.2.840.10008.1.2.4.201", "1.2.840.10008.1.2.4.202",
        "1.2.840.10008.1.2.4.203"};

    @TempDir
    Path dir;

    @BeforeEach
    void needsOpenJph() {
        OpenJph.assumeInstalled();
    }

    @Test
    void greyEightAndSixteenBitFramesDecodeLosslesslyInEverySyntax() throws Exception {
        for (String uid : SYNTAXES) {
            checkFrames(uid, 1, 8, "MONOCHROME2", 97, 65);
            checkFrames(uid, 1, 16, "MONOCHROME2", 64, 48);
        }
    }

    @Test
    void colourFramesWithTheReversibleTransformComeOutRgb() throws Exception {
        for (String uid : SYNTAXES) {
            checkFrames(uid, 3, 8, "YBR_RCT", 80, 60);
        }
    }

    private void checkFrames(String uid, int components, int bits, String photometric, int columns, int rows)
            throws Exception {
        TransferSyntax syntax = TransferSyntax.of(uid);
        List<int[]> pixels = new ArrayList<>();
        List<byte[]> frames = new ArrayList<>();
        for (int f = 0; f < 3; f++) {
            int[] frame = new int[columns * rows * components];
            for (int i = 0; i < frame.length; i++) {
                frame[i] = ((i * 37 + f * 1011) ^ (i >> 5)) & ((1 << bits) - 1);
            }
            pixels.add(frame);
            frames.add(OpenJph.compress(dir, frame, columns, rows, components, bits, "-reversible", "true",
                    "-prog_order", uid.endsWith(".202") ? "RPCL" : "LRCP"));
        }
        Attributes ds = new Attributes(false, 16);
        ds.setString(Tag.SOPClassUID, VR.UI, "1.2.840.10008.5.1.4.1.1.3.1");
        ds.setString(Tag.SOPInstanceUID, VR.UI, "2.25.7");
        ds.setInt(Tag.SamplesPerPixel, VR.US, components);
        ds.setString(Tag.PhotometricInterpretation, VR.CS, photometric);
        ds.setString(Tag.NumberOfFrames, VR.IS, Integer.toString(frames.size()));
        if (components == 3) {
            ds.setInt(Tag.PlanarConfiguration, VR.US, 0);
        }
        ds.setInt(Tag.Rows, VR.US, rows);
        ds.setInt(Tag.Columns, VR.US, columns);
        ds.setInt(Tag.BitsAllocated, VR.US, bits > 8 ? 16 : 8);
        ds.setInt(Tag.BitsStored, VR.US, bits);
        ds.setInt(Tag.HighBit, VR.US, bits - 1);
        ds.setInt(Tag.PixelRepresentation, VR.US, 0);
        DicomFile file = TestImages.encapsulatedFile(ds, syntax, frames);
        FrameSource source = FrameSource.of(file);
        assertThat(source.frameCount()).isEqualTo(frames.size());
        List<FrameDecoder> decoders = FrameDecoders.forSyntax(syntax);
        assertThat(decoders).as(uid).isNotEmpty();
        for (int f = 0; f < frames.size(); f++) {
            StoredFrame decoded = FrameDecoders.decode(decoders, source.read(f));
            assertThat(decoded.layout().samplesPerPixel()).isEqualTo(components);
            int[] expected = pixels.get(f);
            int mismatches = 0;
            for (int i = 0; i < expected.length; i++) {
                if (decoded.sample(i / components, i % components) != expected[i]) {
                    mismatches++;
                }
            }
            assertThat(mismatches).as("%s %d-bit %s frame %d: samples that differ", uid, bits, photometric, f)
                    .isZero();
        }
    }
}
