package org.sonocine.imaging.jpeg2000;

import java.util.List;

/**
 * Everything needed to decode one tile, after the tile's own marker segments have overridden the main header's.
 *
 * @param order         the progression order of COD (0 LRCP, 1 RLCP, 2 RPCL, 3 PCRL, 4 CPRL)
 * @param layers        quality layers
 * @param componentTransform whether the first three components are YCbCr/YUV (RCT or ICT after the wavelet)
 * @param startOfPacket whether packets may start with SOP marker segments
 * @param endOfHeader   whether packet headers end with EPH markers
 * @param components    each component's coding
 * @param quantisation  each component's quantisation
 * @param roiShift      each component's ROI max-shift (RGN), 0 for none
 * @param progressions  the POC progressions in force, empty when the progression order alone applies
 */
record TileCoding(int order, int layers, boolean componentTransform, boolean startOfPacket, boolean endOfHeader,
                  ComponentCoding[] components, Quantisation[] quantisation, int[] roiShift,
                  List<ProgressionChange> progressions) {
}
