package org.sonocine.imaging.jpeg2000;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sonocine.imaging.codec.DecodeException;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Damaged HTJ2K codestreams (bytes changed, data cut short): each decodes to some image or fails with a
 * DecodeException, and soon.
 */
class HtJ2kCorruptionTest {
    @TempDir
    Path dir;

    @BeforeEach
    void needsOpenJph() {
        OpenJph.assumeInstalled();
    }

    @Test
    void damagedCodestreamsDecodeOrFailWithAMessage() throws Exception {
        int[] pixels = HtBlockDecoderRoundTripTest.mixed(3 * 70, 50, 8, 41);
        byte[] good = OpenJph.compress(dir, pixels, 70, 50, 3, 8, "-reversible", "true", "-block_size", "{16,16}",
                "-num_decomps", "3");
        Random random = new Random(42);
        int refused = 0;
        long start = System.nanoTime();
        for (int trial = 0; trial < 600; trial++) {
            byte[] bad = trial % 5 == 0 ? Arrays.copyOf(good, 100 + random.nextInt(good.length - 100)) : good.clone();
            int changes = 1 + random.nextInt(6);
            for (int k = 0; k < changes && trial % 5 != 0; k++) {
                // mostly in the tile data, where the code-blocks are; sometimes in the headers
                int at = random.nextInt(4) == 0 ? random.nextInt(bad.length) : bad.length / 4
                        + random.nextInt(bad.length * 3 / 4);
                bad[at] = (byte) random.nextInt(256);
            }
            try {
                new Jpeg2000ImageDecoder(false).decode(bad, 0, bad.length);
            } catch (DecodeException e) {
                assertThat(e.getMessage()).isNotBlank();
                refused++;
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        assertThat(refused).as("damaged codestreams refused").isPositive();
        assertThat(seconds).as("seconds for 600 damaged codestreams").isLessThan(60);
    }
}
