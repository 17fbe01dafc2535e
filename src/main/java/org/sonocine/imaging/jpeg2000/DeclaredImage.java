package org.sonocine.imaging.jpeg2000;

import org.sonocine.imaging.codec.DecodeException;

/**
 * What a codestream's SIZ segment declares (ISO/IEC 15444-1 A.5.1), offered to the caller before the decoder
 * allocates anything in proportion to it, so that a few bytes declaring a huge image can be refused against what
 * the caller expects.
 *
 * @param width           Xsiz − XOsiz, the decoded image's width
 * @param height          Ysiz − YOsiz
 * @param components      Csiz
 * @param tiles           the number of tiles the tile grid gives
 * @param codestreamBytes the codestream's length, from its SOC marker
 */
public record DeclaredImage(long width, long height, int components, long tiles, int codestreamBytes) {

    /** A check of the declared image; fails to stop the decoding. */
    @FunctionalInterface
    public interface Check {
        void check(DeclaredImage image) throws DecodeException;
    }
}
