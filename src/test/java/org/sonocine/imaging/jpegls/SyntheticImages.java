package org.sonocine.imaging.jpegls;

import java.util.Random;

import org.sonocine.imaging.codec.RawImage;

/** Synthetic images for round trips, and access to decoded samples as ints. */
final class SyntheticImages {
    private SyntheticImages() {
    }

    /** Independent uniform samples: mostly regular mode, long Golomb codes, escapes at low bit depths. */
    static int[] random(int width, int height, int components, int maxVal, long seed) {
        Random random = new Random(seed);
        int[] samples = new int[width * height * components];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = random.nextInt(maxVal + 1);
        }
        return samples;
    }

    /**
     * Gradients with a little noise, flat patches (run mode, run interruptions) and hard edges, different in each
     * component.
     */
    static int[] smooth(int width, int height, int components, int maxVal, long seed) {
        Random random = new Random(seed);
        int[] samples = new int[width * height * components];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                for (int c = 0; c < components; c++) {
                    double v;
                    if (x < width / 4 && y < height / 2) {
                        v = c * 0.2; // flat patch
                    } else if ((x / 7 + y / 5 + c) % 5 == 0) {
                        v = 0.9; // blocks with hard edges
                    } else {
                        v = 0.5 + 0.4 * Math.sin(x * 0.11 + c) * Math.cos(y * 0.07 - c) + random.nextGaussian() * 0.01;
                    }
                    samples[(y * width + x) * components + c] = (int) Math.round(Math.max(0, Math.min(1, v)) * maxVal);
                }
            }
        }
        return samples;
    }

    static int[] samples(RawImage image) {
        int count = image.width() * image.height() * image.components();
        int[] out = new int[count];
        for (int i = 0; i < count; i++) {
            out[i] = image.isWide() ? image.shorts()[i] & 0xFFFF : image.bytes()[i] & 0xFF;
        }
        return out;
    }
}
