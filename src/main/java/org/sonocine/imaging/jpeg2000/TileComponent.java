package org.sonocine.imaging.jpeg2000;

import org.sonocine.imaging.codec.DecodeException;

/**
 * One component of one tile with its resolutions, subbands and precincts (ISO/IEC 15444-1 Annex B), and the
 * coefficient plane they share: the tile-component's samples in Mallat layout (each resolution's rectangle at the
 * top-left, its lower resolution's inside it top-left, then HL to the right, LH below, HH diagonally).
 */
final class TileComponent {
    final int component;
    final ComponentCoding coding;
    final int x0;
    final int y0;
    final int x1;
    final int y1;
    final Resolution[] resolutions;

    TileComponent(int component, ImageSize size, long[] tile, ComponentCoding coding, Quantisation quantisation,
                  int roiShift) throws DecodeException {
        this.component = component;
        this.coding = coding;
        ImageSize.Component info = size.components()[component];
        x0 = (int) ImageSize.ceilDiv(tile[0], info.dx());
        y0 = (int) ImageSize.ceilDiv(tile[1], info.dy());
        x1 = (int) ImageSize.ceilDiv(tile[2], info.dx());
        y1 = (int) ImageSize.ceilDiv(tile[3], info.dy());
        int levels = coding.levels();
        resolutions = new Resolution[levels + 1];
        for (int r = 0; r <= levels; r++) {
            resolutions[r] = new Resolution(this, r, info, quantisation, roiShift);
        }
    }

    int width() {
        return x1 - x0;
    }

    int height() {
        return y1 - y0;
    }

    /** {x0, y0, x1, y1} of each resolution, for the inverse wavelet. */
    int[][] resolutionRectangles() {
        int[][] rects = new int[resolutions.length][];
        for (int r = 0; r < resolutions.length; r++) {
            Resolution res = resolutions[r];
            rects[r] = new int[] {res.x0, res.y0, res.x1, res.y1};
        }
        return rects;
    }

    /** ⌈v / 2^n⌉ for the coordinates of the reference grid and its reductions. */
    static int ceilShift(long v, int n) {
        return (int) -((-v) >> n);
    }

    /** One resolution of a tile-component: its rectangle, subbands and precinct grid. */
    static final class Resolution {
        final int level;
        final int x0;
        final int y0;
        final int x1;
        final int y1;
        final int precinctWidthExp;
        final int precinctHeightExp;
        /** The index of the first precinct column and row, ⌊x0 / 2^PPx⌋. */
        final int firstPrecinctX;
        final int firstPrecinctY;
        final int precinctsAcross;
        final int precinctsDown;
        final SubBand[] bands;

        Resolution(TileComponent tc, int r, ImageSize.Component info, Quantisation q, int roiShift)
                throws DecodeException {
            level = r;
            int levels = tc.coding.levels();
            int n = levels - r;
            x0 = ceilShift(tc.x0, n);
            y0 = ceilShift(tc.y0, n);
            x1 = ceilShift(tc.x1, n);
            y1 = ceilShift(tc.y1, n);
            precinctWidthExp = tc.coding.precinctWidthExp()[r];
            precinctHeightExp = tc.coding.precinctHeightExp()[r];
            firstPrecinctX = x0 >> precinctWidthExp;
            firstPrecinctY = y0 >> precinctHeightExp;
            precinctsAcross = x1 > x0 ? ceilShift(x1, precinctWidthExp) - firstPrecinctX : 0;
            precinctsDown = y1 > y0 ? ceilShift(y1, precinctHeightExp) - firstPrecinctY : 0;
            if (r == 0) {
                bands = new SubBand[] {new SubBand(tc, this, CodeBlock.Band.LL, 0, info, q, roiShift)};
            } else {
                bands = new SubBand[] {
                    new SubBand(tc, this, CodeBlock.Band.HL, 3 * r - 2, info, q, roiShift),
                    new SubBand(tc, this, CodeBlock.Band.LH, 3 * r - 1, info, q, roiShift),
                    new SubBand(tc, this, CodeBlock.Band.HH, 3 * r, info, q, roiShift)};
            }
        }

        int precincts() {
            return precinctsAcross * precinctsDown;
        }
    }

    /** One subband: its rectangle in its own coordinates, place in the plane, code-block size and quantisation. */
    static final class SubBand {
        final CodeBlock.Band orientation;
        /** Its number in the quantisation segments: 0 for the lowest LL, then HL, LH, HH of each resolution. */
        final int index;
        final int x0;
        final int y0;
        final int x1;
        final int y1;
        /** Where the band's top-left coefficient sits in the tile-component's plane. */
        final int planeX;
        final int planeY;
        final int blockWidthExp;
        final int blockHeightExp;
        /** The exponent of the code-block grid within a precinct: PPx for resolution 0, PPx − 1 above. */
        final int precinctWidthExp;
        final int precinctHeightExp;
        /** M_b (E-2): bit-planes of the quantised magnitudes. */
        final int magnitudeBits;
        final int roiShift;
        /** Δb of E-3 (irreversible wavelet only); 1 for the reversible one. */
        final float stepSize;

        SubBand(TileComponent tc, Resolution res, CodeBlock.Band orientation, int index, ImageSize.Component info,
                Quantisation q, int roiShift) throws DecodeException {
            this.orientation = orientation;
            this.index = index;
            this.roiShift = roiShift;
            int levels = tc.coding.levels();
            int xo = orientation == CodeBlock.Band.HL || orientation == CodeBlock.Band.HH ? 1 : 0;
            int yo = orientation == CodeBlock.Band.LH || orientation == CodeBlock.Band.HH ? 1 : 0;
            int nb = orientation == CodeBlock.Band.LL ? levels : levels - res.level + 1;
            long half = nb == 0 ? 0 : 1L << (nb - 1);
            x0 = ceilShift(tc.x0 - half * xo, nb);
            y0 = ceilShift(tc.y0 - half * yo, nb);
            x1 = ceilShift(tc.x1 - half * xo, nb);
            y1 = ceilShift(tc.y1 - half * yo, nb);
            if (orientation == CodeBlock.Band.LL) {
                planeX = 0;
                planeY = 0;
            } else {
                Resolution lower = tc.resolutions[res.level - 1];
                planeX = xo * (lower.x1 - lower.x0);
                planeY = yo * (lower.y1 - lower.y0);
            }
            precinctWidthExp = res.precinctWidthExp - (res.level == 0 ? 0 : 1);
            precinctHeightExp = res.precinctHeightExp - (res.level == 0 ? 0 : 1);
            blockWidthExp = Math.min(tc.coding.blockWidthExp(), precinctWidthExp);
            blockHeightExp = Math.min(tc.coding.blockHeightExp(), precinctHeightExp);
            int exponent = q.exponent(index, levels);
            magnitudeBits = q.guardBits() + exponent - 1;
            // Coefficients are held in ints with one fractional bit: 30 bit-planes at most, ROI shift included.
            if (magnitudeBits < 0 || magnitudeBits + roiShift > 30) {
                throw new DecodeException("the JPEG 2000 quantisation and ROI shift give subband " + index
                        + " of component " + (tc.component + 1) + " " + (magnitudeBits + roiShift)
                        + " magnitude bit-planes; this decoder holds up to 30");
            }
            if (tc.coding.reversible()) {
                stepSize = 1;
            } else {
                // E-3 with the band's nominal dynamic range R_b = precision + log2 of the band's gain.
                int gain = orientation == CodeBlock.Band.LL ? 0 : orientation == CodeBlock.Band.HH ? 2 : 1;
                int range = info.precision() + gain;
                stepSize = (float) (Math.pow(2, range - exponent) * (1 + q.mantissa(index) / 2048.0));
            }
        }

        int width() {
            return x1 - x0;
        }

        int height() {
            return y1 - y0;
        }
    }
}
