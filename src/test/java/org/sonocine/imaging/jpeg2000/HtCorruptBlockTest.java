package org.sonocine.imaging.jpeg2000;

import org.junit.jupiter.api.Test;
import org.sonocine.imaging.codec.DecodeException;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Whatever bytes an HT code-block holds, decoding ends quickly, in coefficients or a DecodeException. */
class HtCorruptBlockTest {
    @Test
    void randomSegmentsDecodeOrFailWithAMessage() {
        Random random = new Random(5);
        HtBlockDecoder decoder = new HtBlockDecoder();
        int failures = 0;
        for (int trial = 0; trial < 3000; trial++) {
            int width = 1 + random.nextInt(64);
            int height = 1 + random.nextInt(4096 / width);
            int cleanup = 2 + random.nextInt(300);
            int refinement = random.nextInt(3) == 0 ? 0 : random.nextInt(40);
            byte[] data = new byte[cleanup + refinement];
            random.nextBytes(data);
            if (random.nextBoolean()) {
                int scup = 2 + random.nextInt(cleanup - 1);
                data[cleanup - 1] = (byte) (scup >> 4);
                data[cleanup - 2] = (byte) ((data[cleanup - 2] & 0xF0) | (scup & 0xF));
            }
            int magnitudeBits = 1 + random.nextInt(30);
            int passes = refinement == 0 ? 1 : 2 + random.nextInt(2);
            CodeBlock block = new CodeBlock(width, height, CodeBlock.Band.HH, magnitudeBits,
                    random.nextInt(magnitudeBits), passes, CodeBlock.HIGH_THROUGHPUT, data,
                    refinement == 0 ? new int[] {cleanup} : new int[] {cleanup, refinement},
                    refinement == 0 ? new int[] {1} : new int[] {1, passes - 1});
            int[] out = new int[width * height];
            try {
                decoder.decode(block, out, 0, width);
            } catch (DecodeException e) {
                assertThat(e.getMessage()).contains("HT");
                failures++;
            }
        }
        assertThat(failures).as("random blocks refused").isPositive();
    }

    @Test
    void refusesASuffixLengthOutsideTheSegment() {
        byte[] data = {0x12, 0x34, (byte) 0x0F, (byte) 0xFF};
        CodeBlock block = new CodeBlock(4, 4, CodeBlock.Band.LL, 8, 2, 1, CodeBlock.HIGH_THROUGHPUT, data,
                new int[] {4}, new int[] {1});
        assertThatThrownBy(() -> new HtBlockDecoder().decode(block, new int[16], 0, 4))
                .isInstanceOf(DecodeException.class).hasMessageContaining("MEL/VLC length of 4095 bytes");
    }

    @Test
    void refusesSegmentsLongerThanTheData() {
        CodeBlock block = new CodeBlock(4, 4, CodeBlock.Band.LL, 8, 2, 1, CodeBlock.HIGH_THROUGHPUT, new byte[3],
                new int[] {10}, new int[] {1});
        assertThatThrownBy(() -> new HtBlockDecoder().decode(block, new int[16], 0, 4))
                .isInstanceOf(DecodeException.class).hasMessageContaining("runs past");
    }
}
