package org.sonocine.imaging.jpeg2000;

/**
 * Reads the one code-block of a one-component codestream without wavelet levels whose code-block covers the whole
 * image: enough of SIZ, QCD and the packet header to test a block decoder on its own, before any tier-2.
 */
final class SingleBlockCodestream {
    private final byte[] data;
    private int position;
    private int width;
    private int height;
    private int precision;
    private int magnitudeBits;
    private int headerByte;
    private int headerBits;
    private int tilePartStart;
    private int headerStart;

    private SingleBlockCodestream(byte[] data) {
        this.data = data;
    }

    /**
     * @param tilePartStart where the SOT marker is
     * @param headerStart   where the packet header begins (after SOD)
     * @param bodyStart     where the code-block's bytes begin
     * @param lblock        the code-block's Lblock after the header's increments
     */
    record Parsed(CodeBlock block, int precision, int tilePartStart, int headerStart, int bodyStart, int lblock) {
    }

    static Parsed parse(byte[] codestream, int style) {
        SingleBlockCodestream reader = new SingleBlockCodestream(codestream);
        return reader.read(style);
    }

    private Parsed read(int style) {
        position = 2;
        while (true) {
            int marker = u16();
            int length = u16();
            int next = position + length - 2;
            if (marker == 0xFF51) {
                position += 2;
                width = u32();
                height = u32();
                position += 24;
                precision = (data[position + 2] & 0x7F) + 1;
            } else if (marker == 0xFF5C) {
                int sqcd = data[position] & 0xFF;
                int guard = sqcd >> 5;
                int exponent = (sqcd & 0x1F) == 0 ? (data[position + 1] & 0xFF) >> 3 : u16At(position + 1) >> 11;
                magnitudeBits = guard + exponent - 1;
            } else if (marker == 0xFF90) {
                tilePartStart = position - 4;
                position += 8;
                if (u16() != 0xFF93) {
                    throw new IllegalStateException("no SOD after SOT");
                }
                headerStart = position;
                return packet(style);
            }
            position = next;
        }
    }

    private Parsed packet(int style) {
        if (bit() == 0 || bit() == 0) {
            throw new IllegalStateException("empty packet or block not included");
        }
        int zeroBitPlanes = 0;
        while (bit() == 0) {
            zeroBitPlanes++;
        }
        int passes = 1;
        if (bit() == 1) {
            throw new IllegalStateException("more than one coding pass");
        }
        int lblock = 3;
        while (bit() == 1) {
            lblock++;
        }
        int length = 0;
        for (int i = 0; i < lblock; i++) {
            length = (length << 1) | bit();
        }
        if (headerByte == 0xFF) {
            position++;
        }
        byte[] body = java.util.Arrays.copyOfRange(data, position, position + length);
        CodeBlock block = new CodeBlock(width, height, CodeBlock.Band.LL, magnitudeBits, zeroBitPlanes, passes,
                style, body, new int[] {length}, new int[] {1});
        return new Parsed(block, precision, tilePartStart, headerStart, position, lblock);
    }

    private int bit() {
        if (headerBits == 0) {
            boolean stuffed = headerByte == 0xFF;
            headerByte = data[position++] & 0xFF;
            headerBits = stuffed ? 7 : 8;
        }
        headerBits--;
        return (headerByte >> headerBits) & 1;
    }

    private int u16() {
        int value = u16At(position);
        position += 2;
        return value;
    }

    private int u16At(int at) {
        return (data[at] & 0xFF) << 8 | (data[at + 1] & 0xFF);
    }

    private int u32() {
        int value = u16() << 16;
        return value | u16();
    }
}
