package org.sonocine.imaging;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sonocine.dicom.Attributes;
import org.sonocine.dicom.DicomFile;
import org.sonocine.dicom.DicomWriter;
import org.sonocine.dicom.ReadOptions;
import org.sonocine.dicom.Sequence;
import org.sonocine.dicom.Tag;
import org.sonocine.dicom.TransferSyntax;
import org.sonocine.dicom.VR;
import org.sonocine.imaging.codec.DecodeException;
import org.sonocine.testing.FuzzProperty;
import org.sonocine.testing.ImageHeaders;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The renderers over fuzzed headers: an input is a bare data set (image header, windows, rescale, LUTs, palettes and
 * native pixel data), read, checked by {@link FrameSource#of}, its first frames decoded and rendered at full size
 * and scaled, with each VOI choice. Each rendering gives a frame of the size asked for, or a readable DecodeException.
 */
class FrameRendererFuzzTest {

    static Stream<Arguments> seeds() {
        return Stream.of(
                seed("grey with a window", 4, 4, 1, 8, "MONOCHROME2", ds -> {
                    ds.setString(Tag.WindowCenter, VR.DS, "100", "60");
                    ds.setString(Tag.WindowWidth, VR.DS, "50", "20");
                    ds.setString(Tag.VOILUTFunction, VR.CS, "SIGMOID");
                }),
                seed("signed MONOCHROME1, rescaled", 3, 3, 1, 16, "MONOCHROME1", ds -> {
                    ds.setInt(Tag.PixelRepresentation, VR.US, 1);
                    ds.setInt(Tag.BitsStored, VR.US, 12);
                    ds.setInt(Tag.HighBit, VR.US, 11);
                    ds.setString(Tag.RescaleSlope, VR.DS, "0.5");
                    ds.setString(Tag.RescaleIntercept, VR.DS, "-1024");
                }),
                seed("modality and VOI LUTs", 3, 3, 1, 8, "MONOCHROME2", ds -> {
                    lut(ds.newSequence(Tag.ModalityLUTSequence), 16, 0, 12);
                    lut(ds.newSequence(Tag.VOILUTSequence), 8, 2, 8);
                }),
                seed("per-frame windows", 2, 2, 1, 8, "MONOCHROME2", ds -> {
                    ds.setString(Tag.NumberOfFrames, VR.IS, "2");
                    ds.setBytes(Tag.PixelData, VR.OB, NativeFrameFuzzTest.ramp(8));
                    Sequence frames = ds.newSequence(Tag.PerFrameFunctionalGroupsSequence);
                    for (int i = 0; i < 2; i++) {
                        Attributes window = frames.addItem().newSequence(Tag.FrameVOILUTSequence).addItem();
                        window.setString(Tag.WindowCenter, VR.DS, Integer.toString(40 + 80 * i));
                        window.setString(Tag.WindowWidth, VR.DS, "90");
                    }
                }),
                seed("palette, 8-bit entries", 3, 3, 1, 8, "PALETTE COLOR", ds -> palette(ds, 8, false)),
                seed("palette, 16-bit entries", 3, 3, 1, 8, "PALETTE COLOR", ds -> palette(ds, 16, false)),
                seed("segmented palette", 3, 3, 1, 8, "PALETTE COLOR", ds -> palette(ds, 16, true)),
                seed("RGB", 3, 2, 3, 8, "RGB", ds -> { }),
                seed("YBR 4:2:2", 2, 4, 3, 8, "YBR_FULL_422", ds -> ds.setBytes(Tag.PixelData, VR.OB,
                        NativeFrameFuzzTest.ramp(16))),
                seed("YBR_FULL 16-bit", 2, 2, 3, 16, "YBR_FULL", ds -> { }),
                seed("1-bit", 3, 5, 1, 1, "MONOCHROME2", ds -> ds.setBytes(Tag.PixelData, VR.OB,
                        NativeFrameFuzzTest.ramp(2))));
    }

    @MethodSource("seeds")
    @FuzzTest(maxDuration = "2m")
    void renderFrames(byte[] input) throws Exception {
        FuzzProperty.holds(() -> {
            try (DicomFile file = DicomFile.readLenient(input, ReadOptions.DEFAULT)) {
                FrameSource source = FrameSource.of(file);
                for (GreyscaleRenderer.VoiChoice choice : GreyscaleRenderer.VoiChoice.values()) {
                    FrameRenderer renderer = FrameRenderers.forSource(source, choice);
                    for (int i = 0; i < Math.min(2, source.frameCount()); i++) {
                        int index = i;
                        FuzzProperty.holds(() -> render(renderer, source.decode(index)));
                    }
                }
            }
        });
    }

    private static void render(FrameRenderer renderer, StoredFrame frame) throws DecodeException {
        PixelDescription d = frame.layout();
        requireSize(renderer.render(frame), d.columns(), d.rows());
        requireSize(new ScaledRenderer(renderer, 5, 3).render(frame), 5, 3);
        requireSize(new ScaledRenderer(renderer, d.columns() * 2 + 1, d.rows() + 1).render(frame),
                d.columns() * 2 + 1, d.rows() + 1);
    }

    private static void requireSize(DisplayFrame frame, int width, int height) {
        if (frame.width() != width || frame.height() != height || frame.argb().length < width * height) {
            throw new AssertionError("rendered " + frame.width() + " x " + frame.height() + " (" + frame.argb().length
                    + " pixels) where " + width + " x " + height + " was asked for");
        }
    }

    private static void lut(Sequence sequence, int entries, int firstMapped, int bits) {
        Attributes item = sequence.addItem();
        item.setInt(Tag.LUTDescriptor, VR.US, entries, firstMapped, bits);
        item.setBytes(Tag.LUTData, VR.OW, NativeFrameFuzzTest.ramp(entries * 2));
    }

    private static void palette(Attributes ds, int bits, boolean segmented) {
        int entries = 16;
        int[] descriptors = {Tag.RedPaletteColorLookupTableDescriptor, Tag.GreenPaletteColorLookupTableDescriptor,
            Tag.BluePaletteColorLookupTableDescriptor};
        int[] data = {Tag.RedPaletteColorLookupTableData, Tag.GreenPaletteColorLookupTableData,
            Tag.BluePaletteColorLookupTableData};
        int[] segments = {Tag.SegmentedRedPaletteColorLookupTableData,
            Tag.SegmentedGreenPaletteColorLookupTableData, Tag.SegmentedBluePaletteColorLookupTableData};
        for (int c = 0; c < 3; c++) {
            ds.setInt(descriptors[c], VR.US, entries, 0, bits);
            if (segmented) {
                // a discrete segment of two values, then a linear segment to the last entry
                ds.setInt(segments[c], VR.OW, 0, 2, 0, 1000 * c, 1, entries - 2, 65535);
            } else if (bits == 8) {
                ds.setBytes(data[c], VR.OW, NativeFrameFuzzTest.ramp(entries));
            } else {
                ds.setBytes(data[c], VR.OW, NativeFrameFuzzTest.ramp(entries * 2));
            }
        }
    }

    private static Arguments seed(String name, int rows, int columns, int samples, int bits, String photometric,
                                  Consumer<Attributes> rest) {
        Attributes ds = ImageHeaders.of(rows, columns, samples, bits, photometric, 1);
        ds.setBytes(Tag.PixelData, VR.OB, NativeFrameFuzzTest.ramp(rows * columns * samples * Math.max(1, bits / 8)));
        rest.accept(ds);
        try {
            return Arguments.of(Named.of(name,
                    new DicomWriter(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN).toDataSetBytes(ds)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
