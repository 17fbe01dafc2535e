package org.sonocine.imaging;

/** Turning a raw stored word into the number it holds: High Bit alignment, Bits Stored mask, sign. */
final class PixelValues {
    private PixelValues() {
    }

    static int interpret(int raw, PixelDescription d) {
        int shift = d.highBit() + 1 - d.bitsStored();
        int bits = d.bitsStored();
        int value = bits >= 32 ? raw >>> shift : (raw >>> shift) & ((1 << bits) - 1);
        if (d.signed() && bits < 32 && (value & (1 << (bits - 1))) != 0) {
            value -= 1 << bits;
        }
        return value;
    }
}
