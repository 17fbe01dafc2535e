package org.sonocine.imaging.jpeg2000;

/**
 * How one tile-component is coded: SPcod/SPcoc of a COD or COC segment (ISO/IEC 15444-1 A.6.1, A.6.2).
 *
 * @param levels          decomposition levels N_L (0 to 32)
 * @param blockWidthExp   code-block width exponent xcb (2 to 10)
 * @param blockHeightExp  code-block height exponent ycb
 * @param blockStyle      the code-block style byte (see {@link CodeBlock})
 * @param reversible      the 5/3 reversible wavelet, rather than the 9/7 irreversible one
 * @param precinctWidthExp  PPx for each resolution 0 to N_L (15 when precincts are not given)
 * @param precinctHeightExp PPy for each resolution
 */
record ComponentCoding(int levels, int blockWidthExp, int blockHeightExp, int blockStyle, boolean reversible,
                       int[] precinctWidthExp, int[] precinctHeightExp) {

    boolean highThroughput() {
        return (blockStyle & CodeBlock.HIGH_THROUGHPUT) != 0;
    }
}
