package org.sonocine.imaging.jpeg2000;

/**
 * One precinct of one resolution: for each of the resolution's subbands, the code-blocks it holds (the cells of
 * the band's code-block grid that meet the precinct), with the two tag trees of its packet headers.
 */
final class Precinct {
    final Part[] parts;

    Precinct(TileComponent.Resolution res, int index) {
        int px = res.firstPrecinctX + index % res.precinctsAcross;
        int py = res.firstPrecinctY + index / res.precinctsAcross;
        parts = new Part[res.bands.length];
        for (int i = 0; i < parts.length; i++) {
            parts[i] = new Part(res.bands[i], px, py);
        }
    }

    /** The code-blocks of one subband within the precinct. */
    static final class Part {
        final TileComponent.SubBand band;
        /** The precinct's rectangle in the band's coordinates, clipped to the band. */
        final int x0;
        final int y0;
        final int x1;
        final int y1;
        final int firstBlockX;
        final int firstBlockY;
        final int across;
        final int down;
        final TagTree inclusion;
        final TagTree zeroBitPlanes;
        final BlockState[] blocks;

        Part(TileComponent.SubBand band, int px, int py) {
            this.band = band;
            long left = (long) px << band.precinctWidthExp;
            long top = (long) py << band.precinctHeightExp;
            x0 = (int) Math.max(left, band.x0);
            y0 = (int) Math.max(top, band.y0);
            x1 = (int) Math.min(left + (1L << band.precinctWidthExp), band.x1);
            y1 = (int) Math.min(top + (1L << band.precinctHeightExp), band.y1);
            if (x1 > x0 && y1 > y0) {
                firstBlockX = x0 >> band.blockWidthExp;
                firstBlockY = y0 >> band.blockHeightExp;
                across = TileComponent.ceilShift(x1, band.blockWidthExp) - firstBlockX;
                down = TileComponent.ceilShift(y1, band.blockHeightExp) - firstBlockY;
            } else {
                firstBlockX = 0;
                firstBlockY = 0;
                across = 0;
                down = 0;
            }
            inclusion = new TagTree(across, down);
            zeroBitPlanes = new TagTree(across, down);
            blocks = new BlockState[across * down];
        }

        /** Block k (raster order), made when first needed. */
        BlockState block(int k) {
            BlockState b = blocks[k];
            if (b == null) {
                int bx = firstBlockX + k % across;
                int by = firstBlockY + k / across;
                int bx0 = Math.max(bx << band.blockWidthExp, x0);
                int by0 = Math.max(by << band.blockHeightExp, y0);
                int bx1 = (int) Math.min((long) (bx + 1) << band.blockWidthExp, x1);
                int by1 = (int) Math.min((long) (by + 1) << band.blockHeightExp, y1);
                b = new BlockState(bx0, by0, bx1, by1);
                blocks[k] = b;
            }
            return b;
        }
    }
}
