package org.sonocine.imaging.jpeg2000;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sonocine.dicom.DicomFile;
import org.sonocine.testing.RequiresSamples;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Packed packet headers (PPM in the main header, PPT in the tile-part headers): real codestreams rewritten with
 * their packet headers moved out of the packets, the bodies left where they were, decode to the same samples.
 */
class PackedPacketHeadersTest {
    private static final int SOT = 0xFF90;
    private static final int SOD = 0xFF93;
    private static final int PLT = 0xFF58;

    /** One tile-part of the original: where it lies, and where its body starts. */
    private record Part(int tile, int start, int body, int end) {
    }

    /** One packet of a tile, in the coordinates of the tile's joined data. */
    private record Packet(int start, int header, int body, int end) {
    }

    @ParameterizedTest
    @ValueSource(strings = {"US1_J2KR.dcm", "defects/966_fixed.dcm", "jpeg2000-multiframe-multifragments.dcm"})
    @RequiresSamples
    void headersPackedInTheMainHeaderOrTheTilePartsDecodeAlike(String name) throws Exception {
        byte[] original;
        try (DicomFile file = DicomFile.open(J2kSamples.path(name))) {
            original = J2kSamples.frame(file, 0);
        }
        byte[] expected = Jpeg2000SampleConformanceTest.stored(decode(original));
        byte[] ppm = repack(original, true);
        byte[] ppt = repack(original, false);
        assertTrue(indexOf(ppm, 0xFF60) > 0 && indexOf(ppt, 0xFF61) > 0, "the rewritten codestreams pack headers");
        assertArrayEquals(expected, Jpeg2000SampleConformanceTest.stored(decode(ppm)), "PPM");
        assertArrayEquals(expected, Jpeg2000SampleConformanceTest.stored(decode(ppt)), "PPT");
    }

    private static org.sonocine.imaging.codec.RawImage decode(byte[] c) throws Exception {
        return new Jpeg2000ImageDecoder(false).decode(c, 0, c.length);
    }

    /** The codestream with every packet's header moved into PPM (or PPT) segments. */
    private static byte[] repack(byte[] c, boolean inMainHeader) throws Exception {
        Codestream codestream = CodestreamParser.parse(c, 0, c.length);
        int firstPart = indexOf(c, SOT);
        List<Part> parts = parts(c, firstPart);
        List<List<Packet>> packets = new ArrayList<>();
        for (Codestream.Tile tile : codestream.tiles()) {
            List<Packet> list = new ArrayList<>();
            new TileDecoder(codestream.size(), tile, false).readPackets(
                    (start, header, body, end) -> list.add(new Packet(start, header, body, end)));
            packets.add(list);
        }
        List<byte[]> headers = new ArrayList<>();
        List<byte[]> bodies = new ArrayList<>();
        int[] joinedSoFar = new int[codestream.tiles().size()];
        for (Part part : parts) {
            Codestream.Tile tile = codestream.tiles().get(part.tile);
            byte[] data = tile.data().bytes();
            int base = tile.data().from();
            int from = joinedSoFar[part.tile];
            int to = from + part.end - part.body;
            joinedSoFar[part.tile] = to;
            ByteArrayOutputStream h = new ByteArrayOutputStream();
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            for (Packet p : packets.get(part.tile)) {
                if (p.start - base >= from && p.start - base < to) {
                    assertTrue(p.end - base <= to, "a packet within one tile-part");
                    b.write(data, p.start, p.header - p.start);
                    h.write(data, p.header, p.body - p.header);
                    b.write(data, p.body, p.end - p.body);
                }
            }
            headers.add(h.toByteArray());
            bodies.add(b.toByteArray());
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(c, 0, firstPart);
        if (inMainHeader) {
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            for (byte[] h : headers) {
                all.write(h.length >>> 24);
                all.write(h.length >>> 16);
                all.write(h.length >>> 8);
                all.write(h.length);
                all.writeBytes(h);
            }
            segments(out, 0xFF60, all.toByteArray());
        }
        for (int i = 0; i < parts.size(); i++) {
            Part part = parts.get(i);
            ByteArrayOutputStream header = new ByteArrayOutputStream();
            int at = part.start + 12;
            while (u16(c, at) != SOD) {
                int length = u16(c, at + 2);
                if (u16(c, at) != PLT) {
                    header.write(c, at, 2 + length);
                }
                at += 2 + length;
            }
            if (!inMainHeader) {
                segments(header, 0xFF61, headers.get(i));
            }
            int length = 12 + header.size() + 2 + bodies.get(i).length;
            out.write(c, part.start, 6);
            out.write(length >>> 24);
            out.write(length >>> 16);
            out.write(length >>> 8);
            out.write(length);
            out.write(c, part.start + 10, 2);
            out.writeBytes(header.toByteArray());
            out.write(SOD >> 8);
            out.write(SOD & 0xFF);
            out.writeBytes(bodies.get(i));
        }
        out.write(0xFF);
        out.write(0xD9);
        return out.toByteArray();
    }

    /** PPM or PPT segments holding {@code bytes}, each with its index Z. */
    private static void segments(ByteArrayOutputStream out, int marker, byte[] bytes) {
        int z = 0;
        int at = 0;
        do {
            int n = Math.min(bytes.length - at, 60000);
            out.write(marker >> 8);
            out.write(marker & 0xFF);
            out.write((n + 3) >> 8);
            out.write((n + 3) & 0xFF);
            out.write(z++);
            out.write(bytes, at, n);
            at += n;
        } while (at < bytes.length);
    }

    private static List<Part> parts(byte[] c, int first) {
        List<Part> parts = new ArrayList<>();
        int at = first;
        while (at + 12 <= c.length && u16(c, at) == SOT) {
            int length = (u16(c, at + 6) << 16) | u16(c, at + 8);
            int end = length == 0 ? c.length - 2 : at + length;
            int body = at + 12;
            while (u16(c, body) != SOD) {
                body += 2 + u16(c, body + 2);
            }
            parts.add(new Part(u16(c, at + 4), at, body + 2, end));
            at = end;
        }
        return parts;
    }

    private static int indexOf(byte[] c, int marker) {
        for (int i = 0; i + 1 < c.length; i++) {
            if (u16(c, i) == marker) {
                return i;
            }
        }
        return -1;
    }

    private static int u16(byte[] b, int at) {
        return ((b[at] & 0xFF) << 8) | (b[at + 1] & 0xFF);
    }
}
