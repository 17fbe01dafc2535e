package org.sonocine.study;

import org.sonocine.dicom.Attributes;
import org.sonocine.dicom.DicomWriter;
import org.sonocine.dicom.Sequence;
import org.sonocine.dicom.Tag;
import org.sonocine.dicom.TransferSyntax;
import org.sonocine.dicom.VR;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Random;

/**
 * A synthetic duplex ultrasound cine, written with our own DICOM writer, so that a new user sees the viewer at work
 * without data: a sector scan with speckle, a beating chamber with a moving valve leaflet and a colour Doppler jet
 * above a spectral Doppler strip, at 30 frames/s. Each part has an ultrasound region that calibrates it (the sector
 * in cm, the strip in seconds across and cm/s down, flow away from the probe below the baseline), so that every
 * measuring tool has something to measure.
 */
public final class DemoCine {
    public static final int ROWS = 640;
    public static final int COLUMNS = 640;
    public static final int FRAMES = 60;
    /** The sector takes the rows above this one; the spectral strip lies below. */
    public static final int SECTOR_ROWS = 440;
    public static final int STRIP_LEFT = 20;
    public static final int STRIP_TOP = 450;
    public static final int STRIP_RIGHT = 619;
    public static final int STRIP_BOTTOM = 629;
    /** The strip's zero-velocity line, in rows below its top. */
    public static final int STRIP_BASELINE = 50;
    public static final double SECONDS_PER_COLUMN = 0.01;
    /** Velocity per row, negative because rows count down while velocity counts up. */
    public static final double CM_PER_SECOND_PER_ROW = -1.0;
    private static final double FRAME_TIME_MS = 1000.0 / 30;
    private static final double CM_PER_PIXEL = 0.03;
    private static final double CARDIAC_CYCLE_S = 0.8;
    private static final double PEAK_CM_PER_SECOND = 110;

    private DemoCine() {
    }

    /** Writes the demo cine to {@code file}. */
    public static void write(Path file) throws IOException {
        new DicomWriter(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN).writeFile(file, dataset());
    }

    /**
     * Writes the demo cine to the file named by the only argument. The build uses it for a file of its own to run a
     * short command on when it records which classes a run loads (see the class-data-sharing archive in pom.xml).
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: DemoCine FILE");
            System.exit(2);
        }
        write(Path.of(args[0]));
    }

    static Attributes dataset() {
        Attributes ds = new Attributes(false, 64);
        String now = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMddHHmmss"));
        ds.setString(Tag.SpecificCharacterSet, VR.CS, "ISO_IR 192");
        ds.setString(Tag.ImageType, VR.CS, "ORIGINAL", "PRIMARY", "CARDIAC");
        ds.setString(Tag.SOPClassUID, VR.UI, "1.2.840.10008.5.1.4.1.1.3.1");
        ds.setString(Tag.SOPInstanceUID, VR.UI, "2.25.293019826107343201923841108276342181923");
        ds.setString(Tag.StudyDate, VR.DA, now.substring(0, 8));
        ds.setString(Tag.AcquisitionDateTime, VR.DT, now);
        ds.setString(Tag.Modality, VR.CS, "US");
        ds.setString(Tag.Manufacturer, VR.LO, "Sonocine");
        ds.setString(Tag.StudyDescription, VR.LO, "Demo echocardiogram");
        ds.setString(Tag.SeriesDescription, VR.LO, "Synthetic apical view");
        ds.setString(Tag.OperatorsName, VR.PN, "Demo^Sonographer");
        ds.setString(Tag.ManufacturerModelName, VR.LO, "Demo cine generator");
        ds.setString(Tag.PatientName, VR.PN, "Demo^Patient");
        ds.setString(Tag.PatientID, VR.LO, "DEMO-001");
        ds.setString(Tag.FrameTime, VR.DS, String.format(java.util.Locale.ROOT, "%.3f", FRAME_TIME_MS));
        ds.setString(Tag.DeviceSerialNumber, VR.LO, "SONO-DEMO-0001");
        ds.setString(Tag.RecommendedDisplayFrameRate, VR.IS, "30");
        ds.setString(Tag.CineRate, VR.IS, "30");
        Sequence regions = ds.newSequence(Tag.SequenceOfUltrasoundRegions);
        Attributes sector = region(regions, 1, 0, 0, COLUMNS - 1, SECTOR_ROWS - 1, 3, 3, CM_PER_PIXEL, CM_PER_PIXEL);
        sector.setInt(Tag.RegionDataType, VR.US, 2);
        Attributes strip = region(regions, 3, STRIP_LEFT, STRIP_TOP, STRIP_RIGHT, STRIP_BOTTOM, 4, 7,
                SECONDS_PER_COLUMN, CM_PER_SECOND_PER_ROW);
        strip.setInt(Tag.RegionDataType, VR.US, 3);
        strip.setInt(Tag.ReferencePixelX0, VR.SL, 0);
        strip.setInt(Tag.ReferencePixelY0, VR.SL, STRIP_BASELINE);
        strip.setDouble(Tag.ReferencePixelPhysicalValueX, VR.FD, 0);
        strip.setDouble(Tag.ReferencePixelPhysicalValueY, VR.FD, 0);
        ds.setString(Tag.StudyInstanceUID, VR.UI, "2.25.293019826107343201923841108276342181920");
        ds.setString(Tag.SeriesInstanceUID, VR.UI, "2.25.293019826107343201923841108276342181921");
        ds.setString(Tag.SeriesNumber, VR.IS, "1");
        ds.setString(Tag.InstanceNumber, VR.IS, "1");
        ds.setInt(Tag.SamplesPerPixel, VR.US, 3);
        ds.setString(Tag.PhotometricInterpretation, VR.CS, "RGB");
        ds.setInt(Tag.PlanarConfiguration, VR.US, 0);
        ds.setString(Tag.NumberOfFrames, VR.IS, Integer.toString(FRAMES));
        ds.setInt(Tag.FrameIncrementPointer, VR.AT, Tag.FrameTime);
        ds.setInt(Tag.Rows, VR.US, ROWS);
        ds.setInt(Tag.Columns, VR.US, COLUMNS);
        ds.setInt(Tag.BitsAllocated, VR.US, 8);
        ds.setInt(Tag.BitsStored, VR.US, 8);
        ds.setInt(Tag.HighBit, VR.US, 7);
        ds.setInt(Tag.PixelRepresentation, VR.US, 0);
        ds.setString(Tag.LossyImageCompression, VR.CS, "00");
        ds.setBytes(Tag.PixelData, VR.OB, pixels());
        return ds;
    }

    private static Attributes region(Sequence regions, int format, int minX, int minY, int maxX, int maxY,
                                     int unitsX, int unitsY, double deltaX, double deltaY) {
        Attributes region = regions.addItem();
        region.setInt(Tag.RegionSpatialFormat, VR.US, format);
        region.setInt(Tag.RegionFlags, VR.UL, 0);
        region.setInt(Tag.RegionLocationMinX0, VR.UL, minX);
        region.setInt(Tag.RegionLocationMinY0, VR.UL, minY);
        region.setInt(Tag.RegionLocationMaxX1, VR.UL, maxX);
        region.setInt(Tag.RegionLocationMaxY1, VR.UL, maxY);
        region.setInt(Tag.PhysicalUnitsXDirection, VR.US, unitsX);
        region.setInt(Tag.PhysicalUnitsYDirection, VR.US, unitsY);
        region.setDouble(Tag.PhysicalDeltaX, VR.FD, deltaX);
        region.setDouble(Tag.PhysicalDeltaY, VR.FD, deltaY);
        return region;
    }

    /**
     * The velocity (cm/s) of the flow traced by the strip at {@code seconds}: away from the probe, so negative; a
     * systolic peak in each cardiac cycle and slow flow in between.
     */
    public static double velocityAt(double seconds) {
        double t = seconds % CARDIAC_CYCLE_S;
        double systole = 0.3;
        return t < systole ? -PEAK_CM_PER_SECOND * Math.sin(Math.PI * t / systole) : -15 * Math.exp(-(t - systole) * 3);
    }

    private static byte[] pixels() {
        byte[] out = new byte[ROWS * COLUMNS * 3 * FRAMES];
        int pixels = ROWS * COLUMNS;
        double apexX = COLUMNS / 2.0;
        double apexY = 20;
        double depth = SECTOR_ROWS - 40.0;
        double halfAngle = Math.toRadians(38);
        // What does not move: the sector, its depth attenuation and Rayleigh speckle as in real B-mode images.
        float[] echo = new float[pixels];
        float[] layers = new float[pixels];
        Random random = new Random(20261125L);
        for (int y = 0; y < SECTOR_ROWS; y++) {
            for (int x = 0; x < COLUMNS; x++) {
                double dx = x - apexX;
                double dy = y - apexY;
                double r = Math.hypot(dx, dy);
                double angle = Math.atan2(dx, dy);
                double speckle = Math.sqrt(-2 * Math.log(1 - random.nextDouble()));
                int i = y * COLUMNS + x;
                if (dy >= 0 && r <= depth && Math.abs(angle) <= halfAngle) {
                    echo[i] = (float) (Math.exp(-r / (depth * 1.4)) * speckle * 0.8 * 255);
                    layers[i] = (float) (0.35 + 0.25 * Math.sin(r / 23.0 + angle * 4));
                }
            }
        }
        for (int f = 0; f < FRAMES; f++) {
            double phase = 2 * Math.PI * f / FRAMES;
            double chamber = 70 + 25 * Math.sin(phase);
            double leaflet = Math.toRadians(35 + 40 * Math.max(0, Math.sin(phase)));
            double sinL = Math.sin(leaflet);
            double cosL = Math.cos(leaflet);
            boolean jet = Math.sin(phase) > 0.2;
            double cx = apexX + 10 * Math.sin(phase);
            double cy = apexY + depth * 0.55;
            int base = f * pixels * 3;
            strip(out, base, f, random);
            for (int y = 0; y < SECTOR_ROWS; y++) {
                for (int x = 0; x < COLUMNS; x++) {
                    int i = y * COLUMNS + x;
                    if (echo[i] == 0) {
                        continue;
                    }
                    double tissue = layers[i];
                    double d = Math.hypot(x - cx, (y - cy) * 0.8);
                    if (d < chamber) {
                        tissue = 0.04;
                    } else if (d < chamber + 8) {
                        tissue = 0.95;
                    }
                    double lx = x - (cx - chamber * 0.6);
                    double ly = y - (cy - chamber * 0.7);
                    double along = lx * sinL + ly * cosL;
                    double across = lx * cosL - ly * sinL;
                    if (along > 0 && along < chamber * 0.9 && Math.abs(across) < 3) {
                        tissue = 1.0;
                    }
                    int g = (int) Math.min(255, tissue * echo[i]);
                    int o = base + i * 3;
                    if (jet && d < chamber * 0.85 && Math.abs(x - cx) < chamber * 0.35 && y > cy - chamber * 0.2) {
                        double v = Math.sin(phase) * (1 - Math.abs(x - cx) / (chamber * 0.35));
                        out[o] = (byte) Math.min(255, 80 + 175 * v);
                        out[o + 1] = (byte) (60 * v);
                        out[o + 2] = 10;
                    } else {
                        out[o] = (byte) g;
                        out[o + 1] = (byte) g;
                        out[o + 2] = (byte) g;
                    }
                }
            }
        }
        return out;
    }

    /**
     * The spectral strip of frame {@code frame}: the spectrum filled from the baseline to the velocity envelope,
     * brighter towards the envelope, with noise; the baseline; and the sweep line, which moves on with each frame.
     */
    private static void strip(byte[] out, int base, int frame, Random random) {
        int sweep = STRIP_LEFT + (STRIP_RIGHT - STRIP_LEFT) * frame / FRAMES;
        int baseline = STRIP_TOP + STRIP_BASELINE;
        for (int x = STRIP_LEFT; x <= STRIP_RIGHT; x++) {
            double v = velocityAt((x - STRIP_LEFT) * SECONDS_PER_COLUMN);
            double envelopeRow = baseline + v / CM_PER_SECOND_PER_ROW;
            for (int y = STRIP_TOP; y <= STRIP_BOTTOM; y++) {
                int g = 0;
                if (y == baseline || x == sweep) {
                    g = 200;
                } else if (y > baseline && y <= envelopeRow) {
                    double towardsEdge = (y - baseline) / Math.max(1, envelopeRow - baseline);
                    g = (int) Math.min(255, (90 + 140 * towardsEdge) * (0.6 + 0.4 * random.nextDouble()));
                }
                int o = base + (y * COLUMNS + x) * 3;
                out[o] = (byte) g;
                out[o + 1] = (byte) g;
                out[o + 2] = (byte) g;
            }
        }
    }
}
