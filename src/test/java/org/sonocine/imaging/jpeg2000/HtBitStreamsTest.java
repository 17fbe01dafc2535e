package org.sonocine.imaging.jpeg2000;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The HT cleanup's bit-streams each against a test-side encoder: MEL, the backward VLC and MagRef, MagSgn, U-VLC. */
class HtBitStreamsTest {
    @Test
    void melDecodesEventsOfEveryDensity() {
        Random random = new Random(1);
        for (double density : new double[] {0.0, 0.005, 0.1, 0.5, 0.9, 1.0}) {
            int[] events = new int[5000];
            for (int i = 0; i < events.length; i++) {
                events[i] = random.nextDouble() < density ? 1 : 0;
            }
            HtStreamWriters.Mel writer = new HtStreamWriters.Mel();
            for (int event : events) {
                writer.event(event);
            }
            byte[] coded = writer.finish();
            // the decoder's last byte is the one shared with VLC: append it
            byte[] data = java.util.Arrays.copyOf(coded, coded.length + 1);
            HtMelDecoder mel = new HtMelDecoder();
            mel.start(data, 0, data.length);
            int[] decoded = new int[events.length];
            for (int i = 0; i < decoded.length; i++) {
                decoded[i] = mel.event();
            }
            assertThat(decoded).as("density %s", density).containsExactly(events);
            if (density == 0.0) {
                assertThat(coded).as("long zero runs code as 0xFF bytes").contains((byte) 0xFF);
            }
        }
    }

    @Test
    void melReadsOnesPastItsEnd() {
        HtMelDecoder mel = new HtMelDecoder();
        mel.start(new byte[] {0x00, 0x00}, 1, 0);
        // all ones: full runs of zeros, 1, 1, 1, 2, 2, 2, 4, ... long
        int zeros = 0;
        for (int i = 0; i < 100; i++) {
            zeros += 1 - mel.event();
        }
        assertThat(zeros).isEqualTo(100);
    }

    @Test
    void backwardStreamUnstuffsSevenOnesAfterLargeBytes() {
        Random random = new Random(2);
        List<int[]> groups = new ArrayList<>();
        HtStreamWriters.Backward writer = new HtStreamWriters.Backward(false);
        for (int i = 0; i < 3000; i++) {
            int n = 1 + random.nextInt(12);
            int value = random.nextInt(4) == 0 ? random.nextInt(1 << n) : (1 << n) - 1;
            writer.put(value, n);
            groups.add(new int[] {value, n});
        }
        int[] units = writer.units();
        byte[] data = new byte[units.length + 5];
        int start = 5;
        for (int i = 0; i < units.length; i++) {
            data[start + units.length - 1 - i] = (byte) units[i];
        }
        assertThat(countStuffed(units, false)).as("stuffed bytes in the test stream").isGreaterThan(10);
        HtBackwardBits reader = new HtBackwardBits();
        reader.startMagRef(data, start, units.length);
        for (int[] group : groups) {
            assertThat(reader.read(group[1])).isEqualTo(group[0]);
        }
        // past its start it reads zeros, not the bytes before it
        data[start - 1] = (byte) 0xFF;
        assertThat(reader.read(32)).isZero();
    }

    @Test
    void vlcStartsAtTheUpperNibbleBeforeScupAndUnstuffs() {
        Random random = new Random(3);
        for (int trial = 0; trial < 200; trial++) {
            List<int[]> groups = new ArrayList<>();
            HtStreamWriters.Backward writer = new HtStreamWriters.Backward(true);
            int total = 0;
            while (total < 400) {
                int n = 1 + random.nextInt(7);
                int value = random.nextBoolean() ? random.nextInt(1 << n) : (1 << n) - 1;
                writer.put(value, n);
                groups.add(new int[] {value, n});
                total += n;
            }
            int[] units = writer.units();
            int magSgnBytes = random.nextInt(4);
            int scup = units.length + 1;
            int lcup = magSgnBytes + scup;
            byte[] data = new byte[lcup];
            for (int i = 0; i < magSgnBytes; i++) {
                data[i] = (byte) 0xFF;
            }
            data[lcup - 1] = (byte) (scup >> 4);
            data[lcup - 2] = (byte) (units[0] << 4 | (scup & 0xF));
            for (int i = 1; i < units.length; i++) {
                data[lcup - 2 - i] = (byte) units[i];
            }
            HtBackwardBits reader = new HtBackwardBits();
            reader.startVlc(data, 0, lcup, scup);
            for (int[] group : groups) {
                assertThat(reader.read(group[1])).as("trial %d", trial).isEqualTo(group[0]);
            }
        }
    }

    @Test
    void magSgnReadsLeastSignificantFirstWithStuffingAndOnesPastItsEnd() {
        Random random = new Random(4);
        HtStreamWriters.ForwardLsb writer = new HtStreamWriters.ForwardLsb();
        List<int[]> groups = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            int n = 1 + random.nextInt(20);
            int value = random.nextInt(3) == 0 ? random.nextInt(1 << n) : (1 << n) - 1;
            writer.put(value, n);
            groups.add(new int[] {value, n});
        }
        byte[] data = writer.finish();
        HtForwardBits reader = new HtForwardBits();
        reader.start(data, 0, data.length, 0xFF);
        int skipped = 0;
        for (int[] group : groups) {
            assertThat(reader.read(group[1])).isEqualTo(group[0]);
            skipped += group[1];
        }
        int padding = (8 - skipped % 8) % 8;
        reader.read(Math.min(padding, 7));
        assertThat(reader.read(20)).isEqualTo((1 << 20) - 1);
    }

    @Test
    void uVlcDecodesEveryPairOfResidualsInLaterRows() {
        HtStreamWriters.Backward vlc = new HtStreamWriters.Backward(false);
        List<int[]> pairs = new ArrayList<>();
        for (int uA = 0; uA <= 45; uA++) {
            for (int uB = 0; uB <= 45; uB++) {
                if (uA + uB > 0) {
                    pairs.add(new int[] {uA, uB});
                    HtStreamWriters.Residuals.pair(vlc, uA, uB);
                }
            }
        }
        HtBackwardBits reader = backward(vlc);
        for (int[] pair : pairs) {
            long decoded = HtResiduals.pair(offsets(pair), reader);
            assertThat(new int[] {(int) decoded, (int) (decoded >>> 32)}).containsExactly(pair);
        }
    }

    @Test
    void uVlcDecodesEveryPairOfResidualsInTheInitialRow() {
        HtStreamWriters.Backward vlc = new HtStreamWriters.Backward(false);
        HtStreamWriters.Mel mel = new HtStreamWriters.Mel();
        List<int[]> pairs = new ArrayList<>();
        for (int uA = 0; uA <= 45; uA++) {
            for (int uB = 0; uB <= 45; uB++) {
                if (uA + uB > 0) {
                    pairs.add(new int[] {uA, uB});
                    HtStreamWriters.Residuals.pair(mel, vlc, uA, uB, true);
                }
            }
        }
        byte[] melBytes = mel.finish();
        HtMelDecoder melDecoder = new HtMelDecoder();
        melDecoder.start(java.util.Arrays.copyOf(melBytes, melBytes.length + 1), 0, melBytes.length + 1);
        HtBackwardBits reader = backward(vlc);
        for (int[] pair : pairs) {
            long decoded = HtResiduals.initialPair(offsets(pair), reader, melDecoder);
            assertThat(new int[] {(int) decoded, (int) (decoded >>> 32)}).as("u pair %s", java.util.Arrays.toString(pair))
                    .containsExactly(pair);
        }
    }

    private static int offsets(int[] pair) {
        return (pair[0] > 0 ? 1 : 0) | (pair[1] > 0 ? 2 : 0);
    }

    private static HtBackwardBits backward(HtStreamWriters.Backward writer) {
        int[] units = writer.units();
        byte[] data = new byte[units.length];
        for (int i = 0; i < units.length; i++) {
            data[units.length - 1 - i] = (byte) units[i];
        }
        HtBackwardBits reader = new HtBackwardBits();
        reader.startMagRef(data, 0, data.length);
        return reader;
    }

    private static int countStuffed(int[] units, boolean nibbleFirst) {
        int count = 0;
        for (int i = 1; i < units.length; i++) {
            if (units[i - 1] > 0x8F && units[i] == 0x7F) {
                count++;
            }
        }
        return count;
    }
}
