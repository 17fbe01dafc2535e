package org.sonocine.imaging.jpegls;

import org.sonocine.imaging.codec.DecodeException;
import org.sonocine.imaging.codec.RawImage;

/**
 * Walks the marker segments of one JPEG-LS codestream (T.87 Annex C) and decodes its scans: SOI, then SOF55,
 * LSE, DRI, APPn, COM and SOS segments in any order the standard allows, up to EOI. Offsets in messages count
 * from the first byte of the codestream.
 */
final class CodestreamDecoder {
    /** Most samples one Java array holds. */
    private static final long MAX_SAMPLES = Integer.MAX_VALUE - 8;
    /** Longest line (width times components) decoded: bounds the line buffers and the first allocation. */
    private static final int MAX_LINE_SAMPLES = 1 << 22;
    /**
     * Samples reserved up front per byte of codestream; the image buffer grows beyond that only as decoded lines
     * arrive.
     */
    private static final int INITIAL_SAMPLES_PER_BYTE = 1024;
    /** A '1' bit in run mode stands for at most 2^15 samples, so every line of that many costs one bit. */
    private static final int MAX_RUN_SEGMENT = 1 << 15;

    private final byte[] data;
    private final int base;
    private final int limit;
    private int pos;
    /** Where the length field of the marker segment being read starts. */
    private int segmentStart;
    private FrameHeader frame;
    private PresetParameters presets = PresetParameters.DEFAULTS;
    private int restartInterval;
    private ColorTransform transform = ColorTransform.NONE;
    private ImageBuffer image;
    private boolean[] decoded;
    private BitReader bits;

    CodestreamDecoder(byte[] data, int from, int to) {
        this.data = data;
        this.base = from;
        this.limit = to;
    }

    RawImage decode() throws DecodeException {
        if (limit - base < 2 || data[base] != (byte) 0xFF || (data[base + 1] & 0xFF) != Marker.SOI) {
            throw new DecodeException("not a JPEG-LS codestream: it does not start with an SOI marker (0xFFD8)");
        }
        pos = base + 2;
        while (pos < limit) {
            int at = pos;
            int code = readMarker();
            switch (code) {
                case Marker.SOF55 -> readFrameHeader(at);
                case Marker.LSE -> readPresetParameters(at);
                case Marker.DRI -> readRestartInterval(at);
                case Marker.APP8 -> readApp8(at);
                case Marker.SOS -> decodeScan(at);
                case Marker.EOI -> {
                    return finish("EOI at offset " + offset(at));
                }
                case Marker.SOI, Marker.DNL -> throw new DecodeException(
                        "unexpected " + Marker.name(code) + " marker at offset " + offset(at));
                default -> {
                    if (code >= Marker.RST0 && code <= Marker.RST7) {
                        throw new DecodeException("restart marker " + Marker.name(code) + " outside a scan at offset "
                                + offset(at));
                    }
                    if (Marker.isT81FrameHeader(code)) {
                        throw new DecodeException("not a JPEG-LS codestream: it has a JPEG (ITU-T T.81) "
                                + Marker.name(code) + " frame header at offset " + offset(at) + " instead of SOF55");
                    }
                    skipSegment(at, code);
                }
            }
        }
        return finish("the end of the codestream at offset " + offset(limit) + " (no EOI marker)");
    }

    /** The image once the codestream is over; lenient about a missing EOI if every component was decoded. */
    private RawImage finish(String where) throws DecodeException {
        if (frame == null) {
            throw new DecodeException("no SOF55 frame header (JPEG-LS) before " + where);
        }
        for (int i = 0; i < decoded.length; i++) {
            if (!decoded[i]) {
                throw new DecodeException("component " + frame.componentIds()[i] + " has no scan before " + where
                        + ": the codestream is truncated or incomplete");
            }
        }
        transform.invert(image);
        return image.toRawImage();
    }

    /** Reads a marker at {@code pos}, skipping fill bytes (0xFF) before it, and returns its code. */
    private int readMarker() throws DecodeException {
        if (data[pos] != (byte) 0xFF) {
            throw new DecodeException(String.format("expected a marker at offset %d, found byte 0x%02X",
                    offset(pos), data[pos] & 0xFF));
        }
        while (pos < limit && data[pos] == (byte) 0xFF) {
            pos++;
        }
        if (pos >= limit) {
            throw new DecodeException("the codestream ends inside a marker at offset " + offset(pos - 1));
        }
        return data[pos++] & 0xFF;
    }

    /** Reads a segment's length field and returns where the segment ends, checking that it fits. */
    private int segmentEnd(int at, int code) throws DecodeException {
        if (pos + 2 > limit) {
            throw new DecodeException("the codestream ends inside the " + Marker.name(code)
                    + " marker segment at offset " + offset(at));
        }
        segmentStart = pos;
        int length = u16();
        if (length < 2 || segmentStart + length > limit) {
            throw new DecodeException(Marker.name(code) + " marker segment at offset " + offset(at) + " declares "
                    + length + " bytes, but " + (limit - segmentStart) + " remain");
        }
        return segmentStart + length;
    }

    private void requireLength(int end, int expected, int at, int code) throws DecodeException {
        int length = end - segmentStart;
        if (length != expected) {
            throw new DecodeException(Marker.name(code) + " marker segment at offset " + offset(at) + " has length "
                    + length + ", " + expected + " expected");
        }
    }

    private void skipSegment(int at, int code) throws DecodeException {
        pos = segmentEnd(at, code);
    }

    private void readFrameHeader(int at) throws DecodeException {
        int end = segmentEnd(at, Marker.SOF55);
        if (frame != null) {
            throw new DecodeException("a second SOF55 frame header at offset " + offset(at));
        }
        if (end - pos < 6) {
            throw new DecodeException("SOF55 frame header at offset " + offset(at) + " is too short");
        }
        int precision = u8();
        int height = u16();
        int width = u16();
        int components = u8();
        requireLength(end, 8 + 3 * components, at, Marker.SOF55);
        if (precision < 2 || precision > 16) {
            throw new DecodeException("sample precision " + precision + " bits in SOF55 at offset " + offset(at)
                    + " is not valid: JPEG-LS codes 2 to 16 bits");
        }
        if (components == 0) {
            throw new DecodeException("SOF55 frame header at offset " + offset(at) + " declares no components");
        }
        int[] ids = new int[components];
        int sampling = -1;
        for (int i = 0; i < components; i++) {
            ids[i] = u8();
            int factors = u8();
            u8(); // Tq: no quantization tables in JPEG-LS
            for (int j = 0; j < i; j++) {
                if (ids[j] == ids[i]) {
                    throw new DecodeException("SOF55 at offset " + offset(at) + " declares component " + ids[i]
                            + " twice");
                }
            }
            if (sampling >= 0 && factors != sampling) {
                throw new DecodeException("components with different sampling factors (subsampled JPEG-LS) are not"
                        + " supported");
            }
            sampling = factors;
        }
        frame = new FrameHeader(precision, height, width, ids);
        decoded = new boolean[components];
    }

    private void readPresetParameters(int at) throws DecodeException {
        int end = segmentEnd(at, Marker.LSE);
        if (pos >= end) {
            throw new DecodeException("LSE marker segment at offset " + offset(at) + " has no ID");
        }
        int id = u8();
        switch (id) {
            case 1 -> {
                requireLength(end, 13, at, Marker.LSE);
                presets = new PresetParameters(u16(), u16(), u16(), u16(), u16());
            }
            case 2, 3 -> throw new DecodeException("LSE mapping table (ID " + id + ") at offset " + offset(at)
                    + ": mapping tables (palettised JPEG-LS) are not supported");
            case 4 -> readOversizeDimensions(at, end);
            default -> throw new DecodeException("LSE marker segment at offset " + offset(at) + " has unknown ID "
                    + id);
        }
    }

    /** LSE ID 4 (T.87 C.2.4.1.4): width and height that do not fit the 16-bit fields of SOF55. */
    private void readOversizeDimensions(int at, int end) throws DecodeException {
        if (frame == null || image != null) {
            throw new DecodeException("LSE oversize dimensions at offset " + offset(at)
                    + " must come after SOF55 and before the first scan");
        }
        if (pos >= end) {
            throw new DecodeException("LSE oversize dimensions at offset " + offset(at) + " are empty");
        }
        int size = u8();
        if (size < 2 || size > 4) {
            throw new DecodeException("LSE oversize dimensions at offset " + offset(at) + " use " + size
                    + "-byte numbers; 2 to 4 are valid");
        }
        requireLength(end, 4 + 2 * size, at, Marker.LSE);
        long height = unsigned(size);
        long width = unsigned(size);
        frame = frame.withSize(height, width);
    }

    private void readRestartInterval(int at) throws DecodeException {
        int end = segmentEnd(at, Marker.DRI);
        int size = end - pos;
        if (size < 1 || size > 4) {
            throw new DecodeException("DRI marker segment at offset " + offset(at) + " has length " + (size + 2)
                    + "; 3 to 6 are valid");
        }
        long interval = unsigned(size);
        if (interval > Integer.MAX_VALUE) {
            throw new DecodeException("restart interval " + interval + " at offset " + offset(at) + " is too large");
        }
        restartInterval = (int) interval;
    }

    /** APP8 "mrfx" + one byte: the colour transform of HP's and CharLS's encoders. Other APP8 data is skipped. */
    private void readApp8(int at) throws DecodeException {
        int end = segmentEnd(at, Marker.APP8);
        if (end - pos >= 5 && data[pos] == 'm' && data[pos + 1] == 'r' && data[pos + 2] == 'f'
                && data[pos + 3] == 'x') {
            transform = ColorTransform.of(data[pos + 4] & 0xFF);
        }
        pos = end;
    }

    private void decodeScan(int at) throws DecodeException {
        int end = segmentEnd(at, Marker.SOS);
        if (frame == null) {
            throw new DecodeException("SOS at offset " + offset(at) + " comes before any SOF55 frame header"
                    + " (missing SOF)");
        }
        ScanHeader scan = readScanHeader(at, end);
        if (image == null) {
            image = allocateImage();
        }
        if (transform != ColorTransform.NONE && frame.components() != 3) {
            throw new DecodeException("colour transform " + transform + " needs 3 components, the frame has "
                    + frame.components());
        }
        CodingParameters parameters = presets.resolve(frame.precision(), scan.near());
        if (bits == null) {
            bits = new BitReader(data, base, limit);
        }
        ScanDecoder decoder = new ScanDecoder(bits, parameters, image.width(), scan.components().length);
        pos = decoder.decode(image, scan, image.height(), restartInterval, pos);
        for (int component : scan.components()) {
            decoded[component] = true;
        }
    }

    private ScanHeader readScanHeader(int at, int end) throws DecodeException {
        if (pos >= end) {
            throw new DecodeException("SOS marker segment at offset " + offset(at) + " is empty");
        }
        int count = u8();
        requireLength(end, 6 + 2 * count, at, Marker.SOS);
        if (count == 0 || count > frame.components()) {
            throw new DecodeException("SOS at offset " + offset(at) + " codes " + count + " components; the frame"
                    + " has " + frame.components());
        }
        int[] components = new int[count];
        for (int i = 0; i < count; i++) {
            int id = u8();
            int table = u8();
            int index = frame.indexOf(id);
            if (index < 0) {
                throw new DecodeException("SOS at offset " + offset(at) + " names component " + id
                        + ", which the frame header does not declare");
            }
            if (decoded[index]) {
                throw new DecodeException("component " + id + " is coded by a second scan at offset " + offset(at));
            }
            for (int j = 0; j < i; j++) {
                if (components[j] == index) {
                    throw new DecodeException("SOS at offset " + offset(at) + " names component " + id + " twice");
                }
            }
            if (table != 0) {
                throw new DecodeException("SOS at offset " + offset(at) + " selects mapping table " + table
                        + ": mapping tables (palettised JPEG-LS) are not supported");
            }
            components[i] = index;
        }
        int near = u8();
        int ilv = u8();
        int pointTransform = u8() & 0x0F;
        InterleaveMode mode = InterleaveMode.of(ilv);
        if (mode == null) {
            throw new DecodeException("SOS at offset " + offset(at) + " has interleave mode " + ilv
                    + "; 0, 1 and 2 are valid");
        }
        if (mode == InterleaveMode.NONE && count > 1) {
            throw new DecodeException("SOS at offset " + offset(at) + " codes " + count
                    + " components without interleaving (ILV 0 allows one)");
        }
        if (pointTransform != 0) {
            throw new DecodeException("SOS at offset " + offset(at) + " has point transform " + pointTransform
                    + ", which is not supported");
        }
        return new ScanHeader(components, near, mode);
    }

    /**
     * The output buffer, after checking that the declared size is decodable and that the data that follows
     * could code it at all: every line costs at least one bit per 2^15 samples.
     */
    private ImageBuffer allocateImage() throws DecodeException {
        long width = frame.width();
        long height = frame.height();
        int components = frame.components();
        if (width == 0 || height == 0) {
            throw new DecodeException("the frame is " + width + " x " + height + " pixels: a zero dimension (or a"
                    + " height set by a DNL marker) is not supported");
        }
        long samples = width * height * components;
        if (samples > MAX_SAMPLES) {
            throw new DecodeException("the frame of " + width + " x " + height + " pixels with " + components
                    + " components is too large to decode (over 2^31 samples)");
        }
        if ((width + 2) * components > MAX_LINE_SAMPLES) {
            throw new DecodeException("lines of " + width + " pixels with " + components + " components are longer"
                    + " than this decoder supports (" + MAX_LINE_SAMPLES + " samples)");
        }
        long minimumBits = height * ((width + MAX_RUN_SEGMENT - 1) / MAX_RUN_SEGMENT);
        long available = 8L * (limit - pos);
        if (minimumBits > available) {
            throw new DecodeException("the frame header declares " + width + " x " + height + " pixels, but the "
                    + (limit - pos) + " bytes after the first scan header cannot code that many lines: the"
                    + " codestream is truncated or its header is wrong");
        }
        int initial = (int) Math.min(samples, (long) (limit - base) * INITIAL_SAMPLES_PER_BYTE);
        return new ImageBuffer((int) width, (int) height, components, frame.precision(), initial);
    }

    private int u8() {
        return data[pos++] & 0xFF;
    }

    private int u16() {
        int value = (data[pos] & 0xFF) << 8 | (data[pos + 1] & 0xFF);
        pos += 2;
        return value;
    }

    private long unsigned(int bytes) {
        long value = 0;
        for (int i = 0; i < bytes; i++) {
            value = value << 8 | (data[pos++] & 0xFF);
        }
        return value;
    }

    private int offset(int index) {
        return index - base;
    }
}
