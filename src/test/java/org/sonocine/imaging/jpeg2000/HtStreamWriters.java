package org.sonocine.imaging.jpeg2000;

import java.io.ByteArrayOutputStream;

/** Test-side encoders of the HT bit-streams, written from the standard's description of the encoder. */
final class HtStreamWriters {
    private HtStreamWriters() {
    }

    /** MEL: events run-length coded with the 13-state adaptive code, bits packed first-to-MSB, 0xFF stuffing. */
    static final class Mel {
        private static final int[] EXPONENT = {0, 0, 0, 1, 1, 1, 2, 2, 2, 3, 3, 4, 5};
        private final ForwardMsb bits = new ForwardMsb();
        private int state;
        private int run;

        void event(int event) {
            int exponent = EXPONENT[state];
            if (event == 0) {
                run++;
                if (run == 1 << exponent) {
                    bits.put(1);
                    run = 0;
                    state = Math.min(state + 1, 12);
                }
            } else {
                bits.put(0);
                for (int i = exponent - 1; i >= 0; i--) {
                    bits.put((run >> i) & 1);
                }
                run = 0;
                state = Math.max(state - 1, 0);
            }
        }

        byte[] finish() {
            if (run > 0) {
                bits.put(1);
            }
            return bits.finish();
        }
    }

    /** Bits packed most significant first; a byte after 0xFF takes seven. */
    static final class ForwardMsb {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private int current;
        private int count;
        private int capacity = 8;

        void put(int bit) {
            current = (current << 1) | bit;
            if (++count == capacity) {
                flush();
            }
        }

        private void flush() {
            out.write(current);
            capacity = current == 0xFF ? 7 : 8;
            current = 0;
            count = 0;
        }

        byte[] finish() {
            if (count > 0) {
                current <<= capacity - count;
                flush();
            }
            return out.toByteArray();
        }
    }

    /** Bits packed least significant first; a byte after 0xFF takes seven (MagSgn, SigProp). */
    static final class ForwardLsb {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private int current;
        private int count;
        private int capacity = 8;

        void put(int value, int n) {
            for (int i = 0; i < n; i++) {
                current |= ((value >> i) & 1) << count;
                if (++count == capacity) {
                    flush();
                }
            }
        }

        private void flush() {
            out.write(current);
            capacity = current == 0xFF ? 7 : 8;
            current = 0;
            count = 0;
        }

        byte[] finish() {
            if (count > 0) {
                flush();
            }
            return out.toByteArray();
        }
    }

    /**
     * Bits packed least significant first into bytes that are laid out from the end backwards (VLC, MagRef). After
     * a byte above 0x8F, seven ones take a byte of their own with a stuffed zero on top. The VLC stream's first
     * unit is the upper nibble of a byte (three bits when they would be 111, as though after a byte above 0x8F).
     */
    static final class Backward {
        private final java.util.List<Integer> bytes = new java.util.ArrayList<>();
        private final java.util.List<Integer> pending = new java.util.ArrayList<>();
        private final boolean nibbleFirst;
        private boolean afterLarge;

        Backward(boolean nibbleFirst) {
            this.nibbleFirst = nibbleFirst;
            this.afterLarge = !nibbleFirst;
        }

        void put(int value, int n) {
            for (int i = 0; i < n; i++) {
                pending.add((value >> i) & 1);
            }
        }

        /** The bytes in stream order from first read (index 0) on; pads the last byte with zeros. */
        int[] units() {
            java.util.List<Integer> bits = new java.util.ArrayList<>(pending);
            for (int i = 0; i < 16; i++) {
                bits.add(0);
            }
            int at = 0;
            java.util.List<Integer> result = new java.util.ArrayList<>();
            boolean large = afterLarge;
            boolean first = nibbleFirst;
            while (at < pending.size()) {
                int width = first ? 4 : 8;
                int sevens = first ? 3 : 7;
                int low = 0;
                for (int i = 0; i < sevens; i++) {
                    low |= bits.get(at + i) << i;
                }
                int value;
                boolean stuff = first ? low == 7 : large && low == 0x7F;
                if (stuff) {
                    value = low;
                    at += sevens;
                } else {
                    value = low | bits.get(at + sevens) << sevens;
                    at += width;
                }
                result.add(value);
                large = first ? value > 8 : value > 0x8F;
                first = false;
            }
            return result.stream().mapToInt(Integer::intValue).toArray();
        }
    }

    /**
     * The U-VLC of a quad pair's residuals u (ISO/IEC 15444-15 7.3.6), written to the VLC stream: in the initial
     * row, when both quads have offsets, with the MEL event that says whether both are above 2.
     */
    static final class Residuals {
        private Residuals() {
        }

        static void pair(Mel mel, Backward vlc, int uA, int uB, boolean initialRow) {
            if (!initialRow || uA == 0 || uB == 0) {
                pair(vlc, uA, uB);
                return;
            }
            boolean bothAboveTwo = uA > 2 && uB > 2;
            mel.event(bothAboveTwo ? 1 : 0);
            if (bothAboveTwo) {
                pair(vlc, uA - 2, uB - 2);
            } else if (uA > 2) {
                int[] a = code(uA);
                vlc.put(a[0], a[1]);
                vlc.put(uB - 1, 1);
                vlc.put(a[2], a[3]);
                vlc.put(a[4], a[5]);
            } else {
                pair(vlc, uA, uB);
            }
        }

        /** Both prefixes, both suffixes, both extensions. */
        static void pair(Backward vlc, int uA, int uB) {
            int[] a = uA > 0 ? code(uA) : new int[6];
            int[] b = uB > 0 ? code(uB) : new int[6];
            vlc.put(a[0], a[1]);
            vlc.put(b[0], b[1]);
            vlc.put(a[2], a[3]);
            vlc.put(b[2], b[3]);
            vlc.put(a[4], a[5]);
            vlc.put(b[4], b[5]);
        }

        /** Prefix, suffix and extension of one u, as value/length pairs. */
        private static int[] code(int u) {
            if (u == 1) {
                return new int[] {1, 1, 0, 0, 0, 0};
            }
            if (u == 2) {
                return new int[] {2, 2, 0, 0, 0, 0};
            }
            if (u <= 4) {
                return new int[] {4, 3, u - 3, 1, 0, 0};
            }
            if (u <= 32) {
                return new int[] {0, 3, u - 5, 5, 0, 0};
            }
            return new int[] {0, 3, 28 + ((u - 33) & 3), 5, (u - 33) >> 2, 4};
        }
    }
}
