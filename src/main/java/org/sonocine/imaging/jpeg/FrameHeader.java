package org.sonocine.imaging.jpeg;

import java.util.ArrayList;
import java.util.List;

import org.sonocine.imaging.codec.DecodeException;

/** A start-of-frame segment: process, precision, size and the components with their sampling factors. */
final class FrameHeader {
    /** More components than any DICOM photometric interpretation uses; bounds memory for a lying header. */
    static final int MAX_COMPONENTS = 4;
    /** libjpeg's limit on blocks (or lossless samples) per MCU of an interleaved scan. */
    static final int MAX_UNITS_IN_MCU = 10;

    /**
     * One component of the frame: identifier, sampling factors, quantization table selector (checked only where
     * used: lossless frames ignore it, as libjpeg does).
     */
    record Component(int id, int h, int v, int quantTable) {
    }

    private final int marker;
    private final int precision;
    private final int height;
    private final int width;
    private final List<Component> components;
    private final int maxH;
    private final int maxV;

    private FrameHeader(int marker, int precision, int height, int width, List<Component> components) {
        this.marker = marker;
        this.precision = precision;
        this.height = height;
        this.width = width;
        this.components = List.copyOf(components);
        this.maxH = components.stream().mapToInt(Component::h).max().orElseThrow();
        this.maxV = components.stream().mapToInt(Component::v).max().orElseThrow();
    }

    static FrameHeader read(Segment segment) throws DecodeException {
        int marker = segment.marker();
        String sof = Marker.name(marker);
        checkProcess(marker, sof);
        int precision = segment.u8();
        int height = segment.u16();
        int width = segment.u16();
        int count = segment.u8();
        if (marker == Marker.SOF3) {
            if (precision < 2 || precision > 16) {
                throw new DecodeException("lossless JPEG precision " + precision + " is invalid (2 to 16 bits)");
            }
        } else if (precision != 8 && precision != 12) {
            throw new DecodeException("DCT JPEG precision " + precision + " is not supported (8 or 12 bits)");
        }
        if (height == 0) {
            throw new DecodeException("JPEG frame height 0 (size given by a DNL marker) is not supported");
        }
        if (width == 0) {
            throw new DecodeException("JPEG frame width is 0");
        }
        if (count < 1 || count > MAX_COMPONENTS) {
            throw new DecodeException("JPEG frame with " + count + " components is not supported (1 to "
                    + MAX_COMPONENTS + ")");
        }
        if (segment.remaining() != 3 * count) {
            throw new DecodeException(sof + " segment length does not match its " + count + " components");
        }
        List<Component> components = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int id = segment.u8();
            int sampling = segment.u8();
            int h = sampling >> 4;
            int v = sampling & 15;
            int tq = segment.u8();
            if (h < 1 || h > 4 || v < 1 || v > 4) {
                throw new DecodeException("component " + id + " has invalid sampling factors " + h + "x" + v);
            }
            components.add(new Component(id, h, v, tq));
        }
        return new FrameHeader(marker, precision, height, width, components);
    }

    private static void checkProcess(int marker, String sof) throws DecodeException {
        switch (marker) {
            case Marker.SOF0, Marker.SOF1, Marker.SOF2, Marker.SOF3 -> {
            }
            case 0xC5, 0xC6, 0xC7 ->
                    throw new DecodeException("hierarchical JPEG (" + sof + ") is not supported");
            default -> throw new DecodeException("arithmetic-coded JPEG (" + sof + ") is not supported");
        }
    }

    boolean isLossless() {
        return marker == Marker.SOF3;
    }

    boolean isProgressive() {
        return marker == Marker.SOF2;
    }

    int precision() {
        return precision;
    }

    int height() {
        return height;
    }

    int width() {
        return width;
    }

    int componentCount() {
        return components.size();
    }

    Component component(int index) {
        return components.get(index);
    }

    int maxH() {
        return maxH;
    }

    int maxV() {
        return maxV;
    }

    /** Samples per line of a component as coded (before upsampling): ceil(width * h / maxH). */
    int componentWidth(int index) {
        return ceilDiv(width * components.get(index).h(), maxH);
    }

    /** Lines of a component as coded: ceil(height * v / maxV). */
    int componentHeight(int index) {
        return ceilDiv(height * components.get(index).v(), maxV);
    }

    /** Index of the component with this identifier (the first, as libjpeg looks it up), or -1. */
    int indexOf(int id) {
        for (int i = 0; i < components.size(); i++) {
            if (components.get(i).id() == id) {
                return i;
            }
        }
        return -1;
    }

    static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }
}
