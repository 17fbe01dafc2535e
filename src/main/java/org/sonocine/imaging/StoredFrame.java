package org.sonocine.imaging;

/**
 * One decoded frame as stored values: what a transcoder to explicit VR little endian would write for it
 * (little-endian samples interleaved by pixel, no LUTs applied, JPEG colour as the codestream holds it).
 * {@code layout} describes these bytes, which may differ from the header (a JPEG's 4:2:0 chroma comes out at
 * full resolution, a JPEG 2000 RCT image comes out RGB). {@code note} says where the codestream and the header
 * disagreed, or is empty.
 */
public record StoredFrame(int index, PixelDescription layout, byte[] data, String note) {

    /** Sample {@code s} of pixel {@code p} as a number, masked to Bits Stored and sign-extended when signed. */
    public int sample(int p, int s) {
        PixelDescription d = layout;
        int i = p * d.samplesPerPixel() + s;
        if (d.bitsAllocated() == 1) {
            return (data[i >> 3] >> (i & 7)) & 1;
        }
        int raw = switch (d.bytesPerSample()) {
            case 1 -> data[i] & 0xFF;
            case 2 -> (data[2 * i] & 0xFF) | ((data[2 * i + 1] & 0xFF) << 8);
            default -> (data[4 * i] & 0xFF) | ((data[4 * i + 1] & 0xFF) << 8) | ((data[4 * i + 2] & 0xFF) << 16)
                    | (data[4 * i + 3] << 24);
        };
        return PixelValues.interpret(raw, d);
    }
}
