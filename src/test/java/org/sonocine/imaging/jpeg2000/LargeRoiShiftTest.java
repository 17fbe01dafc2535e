package org.sonocine.imaging.jpeg2000;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sonocine.imaging.codec.DecodeException;
import org.sonocine.imaging.codec.RawImage;

import java.io.ByteArrayOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ROI max-shifts (RGN) up to the largest this decoder holds (magnitude bit-planes and shift together at most 30;
 * larger ones are refused when the codestream is read): the background's coefficients, below 2^shift, must come out
 * as they are, not be scaled down as though they were the region's.
 */
class LargeRoiShiftTest {


    private static void segment(ByteArrayOutputStream out, int marker, int... params) {
        out.write(marker >> 8);
        out.write(marker);
        out.write((params.length + 2) >> 8);
        out.write(params.length + 2);
        for (int p : params) {
            out.write(p);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {20, 28, 29})
    void backgroundCoefficientsAreKept(int roi) throws DecodeException {
        int size = 8;
        int[] coefficients = new int[size * size];
        for (int i = 0; i < coefficients.length; i++) {
            coefficients[i] = (i * 37 % 11) - 5;
        }
        // Guard bits 1 and exponent 1: one magnitude bit-plane, one more than the shift with it.
        int magnitudeBits = 1 + roi;
        EbcotTestEncoder.Encoded encoded = EbcotTestEncoder.encode(coefficients, size, size, CodeBlock.Band.LL, 0,
                magnitudeBits);
        CodeBlock block = encoded.block();
        int length = 0;
        for (int l : block.segmentLengths()) {
            length += l;
        }
        int passes = block.passes();
        assertThat(passes).isBetween(6, 36);
        PacketHeaderWriter header = new PacketHeaderWriter().bits(1, 1).bits(1, 1);
        header.bits(0, block.zeroBitPlanes()).bits(1, 1);
        header.bits(0b1111, 4).bits(passes - 6, 5);
        // Lblock 3 + 5 increments, and 3 bits for log2 of the passes: 11 bits of length.
        header.bits(0b111110, 6).bits(length, 8 + (31 - Integer.numberOfLeadingZeros(passes)));
        byte[] packet = header.finish();

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0xFF);
        out.write(0x4F);
        segment(out, 0xFF51, 0, 0, 0, 0, 0, size, 0, 0, 0, size, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, size, 0, 0, 0, size,
                0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 7, 1, 1);
        segment(out, 0xFF52, 0, 0, 0, 1, 0, 0, 4, 4, 0, 1);
        segment(out, 0xFF5C, 1 << 5, 1 << 3);
        segment(out, 0xFF5E, 0, 0, roi);
        int psot = 14 + packet.length + length;
        segment(out, 0xFF90, 0, 0, psot >> 24, psot >> 16 & 0xFF, psot >> 8 & 0xFF, psot & 0xFF, 0, 1);
        out.write(0xFF);
        out.write(0x93);
        out.write(packet, 0, packet.length);
        out.write(block.data(), 0, length);
        out.write(0xFF);
        out.write(0xD9);
        byte[] codestream = out.toByteArray();

        RawImage image = new Jpeg2000ImageDecoder(false).decode(codestream, 0, codestream.length);
        for (int i = 0; i < coefficients.length; i++) {
            assertThat(image.bytes()[i] & 0xFF).as("sample %d", i).isEqualTo(128 + coefficients[i]);
        }
    }
}
