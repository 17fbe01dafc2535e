package org.sonocine.imaging.jpeg2000;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.sonocine.dicom.DicomFile;
import org.sonocine.testing.RequiresSamples;

import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Tier-2 on real codestreams: the packets of every tile, read by their headers' lengths, use each tile's data to
 * the last byte, and there are as many as the tile's layers, components, resolutions and precincts give.
 */
class PacketDecoderSampleTest {
    static Stream<String> files() {
        return J2kSamples.FILES.stream();
    }

    @ParameterizedTest
    @MethodSource("files")
    @RequiresSamples
    void packetsUseEveryByteOfEveryTile(String name) throws Exception {
        try (DicomFile file = DicomFile.open(J2kSamples.path(name))) {
            for (int f = 0; f < file.frames().size(); f++) {
                byte[] frame = J2kSamples.frame(file, f);
                Codestream codestream = CodestreamParser.parse(frame, 0, frame.length);
                for (Codestream.Tile tile : codestream.tiles()) {
                    PacketDecoder packets = new TileDecoder(codestream.size(), tile, false).readPackets();
                    assertEquals(0, packets.unusedBytes(), "frame " + (f + 1) + " tile " + tile.index());
                    assertEquals(expectedPackets(codestream, tile), packets.packets(), "packets");
                }
            }
        }
    }

    private static int expectedPackets(Codestream codestream, Codestream.Tile tile) throws Exception {
        int packets = 0;
        long[] rect = codestream.size().tile(tile.index());
        for (int c = 0; c < codestream.size().components().length; c++) {
            TileComponent tc = new TileComponent(c, codestream.size(), rect, tile.coding().components()[c],
                    tile.coding().quantisation()[c], 0);
            for (TileComponent.Resolution r : tc.resolutions) {
                packets += r.precincts() * tile.coding().layers();
            }
        }
        return packets;
    }
}
