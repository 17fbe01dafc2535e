package org.sonocine.imaging.jpeg2000;

import java.util.List;

/**
 * A parsed codestream: the image, and for every tile its coding and its coded data.
 *
 * @param size  the SIZ segment
 * @param tiles every tile, in index order
 */
record Codestream(ImageSize size, List<Tile> tiles) {

    /**
     * One tile.
     *
     * @param index         the tile's index in raster order of the tile grid
     * @param coding        its coding, main and tile headers combined
     * @param data          its tile-parts' bodies, one after another
     * @param packedHeaders its packet headers when the codestream packs them into PPM or PPT segments; null when
     *                      they lie in the data, each before its packet's body
     */
    record Tile(int index, TileCoding coding, ByteSpan data, ByteSpan packedHeaders) {
    }
}
