package org.sonocine.imaging.jpeg2000;

/** The inverse component transforms of ISO/IEC 15444-1 Annex G, on the first three tile-component planes. */
final class ComponentTransform {
    private ComponentTransform() {
    }

    /** The inverse RCT (G-6) on integer planes, the inverse ICT (G-8) on floating-point ones, in place. */
    static void inverse(Object[] planes, int samples) {
        if (planes[0] instanceof int[] y) {
            int[] cb = (int[]) planes[1];
            int[] cr = (int[]) planes[2];
            for (int i = 0; i < samples; i++) {
                int g = y[i] - ((cb[i] + cr[i]) >> 2);
                y[i] = cr[i] + g;
                cr[i] = cb[i] + g;
                cb[i] = g;
            }
        } else {
            float[] y = (float[]) planes[0];
            float[] cb = (float[]) planes[1];
            float[] cr = (float[]) planes[2];
            for (int i = 0; i < samples; i++) {
                float l = y[i];
                float u = cb[i];
                float v = cr[i];
                y[i] = l + 1.402f * v;
                cb[i] = l - 0.34413f * u - 0.71414f * v;
                cr[i] = l + 1.772f * u;
            }
        }
    }
}
