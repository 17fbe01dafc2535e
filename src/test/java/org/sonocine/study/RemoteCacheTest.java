package org.sonocine.study;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sonocine.dicom.Attributes;
import org.sonocine.dicom.FrameBytes;
import org.sonocine.dicom.Tag;
import org.sonocine.dicom.TransferSyntax;
import org.sonocine.dicom.VR;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RemoteCacheTest {
    @TempDir
    Path root;

    /** Frames of 1000 bytes whose first byte is their index; every fetch is recorded. */
    private static FrameBytes counting(List<Integer> fetched) {
        return index -> {
            fetched.add(index);
            byte[] frame = new byte[1000];
            frame[0] = (byte) index;
            return frame;
        };
    }

    @Test
    void aHeaderKeptIsReadBackWithItsSyntax() throws IOException {
        RemoteCache cache = new RemoteCache(root, 1 << 20);
        Path folder = cache.folderOf("http://archive:8042/dicom-web", "1.2.3");
        Attributes header = new Attributes();
        header.setString(Tag.SOPInstanceUID, VR.UI, "1.2.3");
        header.setInt(Tag.Rows, VR.US, 600);

        cache.keepHeader(folder, header, TransferSyntax.JPEG_BASELINE);

        RemoteCache.Header read = cache.header(folder).orElseThrow();
        assertEquals(600, read.dataset().getInt(Tag.Rows, 0));
        assertEquals(TransferSyntax.JPEG_BASELINE, read.syntax());
        assertTrue(folder.startsWith(root), "an address is made a safe folder name: " + folder);
        assertThat(cache.header(cache.folderOf("other", "1.2.3"))).isEmpty();
    }

    @Test
    void aFrameIsFetchedOnceAndTheRestInRunsOnlyWhereMissing() throws IOException {
        RemoteCache cache = new RemoteCache(root, 1 << 20);
        List<Integer> fetched = new ArrayList<>();
        RemoteCache.KeptFrames frames = cache.frames(cache.folderOf("a", "1"), () -> counting(fetched));

        assertEquals(3, frames.read(3)[0]);
        assertEquals(3, frames.read(3)[0]);
        frames.fetchMissing(6, () -> false);
        frames.fetchMissing(6, () -> false);

        assertEquals(List.of(3, 0, 1, 2, 4, 5), fetched, "frame 4 once, then only the missing ones, once");
        assertArrayEquals(frames.read(5), cache.frames(cache.folderOf("a", "1"), () -> {
            throw new IOException("no archive");
        }).read(5), "read back from disk without the archive");
    }

    @Test
    void fetchingTheRestStopsWhenAsked() throws IOException {
        RemoteCache cache = new RemoteCache(root, 1 << 20);
        List<Integer> fetched = new ArrayList<>();
        RemoteCache.KeptFrames frames = cache.frames(cache.folderOf("a", "1"), () -> counting(fetched));

        frames.fetchMissing(100, () -> fetched.size() >= 3);

        assertEquals(List.of(0, 1, 2), fetched);
    }

    @Test
    void overItsLimitTheInstancesViewedLongestAgoGoFirst() throws IOException {
        RemoteCache cache = new RemoteCache(root, 1 << 20);
        for (String sop : List.of("old", "middle", "new")) {
            Path folder = cache.folderOf("a", sop);
            cache.keepHeader(folder, new Attributes(), TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
            RemoteCache.KeptFrames frames = cache.frames(folder, () -> counting(new ArrayList<>()));
            frames.fetchMissing(2, () -> false);
        }
        long now = System.currentTimeMillis();
        Files.setLastModifiedTime(cache.folderOf("a", "old").resolve("last-used"), FileTime.fromMillis(now - 3000));
        Files.setLastModifiedTime(cache.folderOf("a", "middle").resolve("last-used"), FileTime.fromMillis(now - 2000));
        // Viewing "old" again makes it the newest.
        cache.header(cache.folderOf("a", "old"));

        long left = new RemoteCache(root, 5_000).trim();

        assertThat(left).isLessThanOrEqualTo(5_000);
        assertThat(cache.folderOf("a", "middle")).doesNotExist();
        assertThat(cache.folderOf("a", "old")).exists();
        assertThat(cache.folderOf("a", "new")).exists();
    }

    @Test
    void aDownloadEndsWithinTheLimitButListingDoesNotWalkTheCache() throws IOException {
        RemoteCache cache = new RemoteCache(root, 2_500);
        Path old = cache.folderOf("a", "old");
        cache.keepHeader(old, new Attributes(), TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        cache.frames(old, () -> counting(new ArrayList<>())).fetchMissing(2, () -> false);
        Files.setLastModifiedTime(old.resolve("last-used"), FileTime.fromMillis(System.currentTimeMillis() - 3000));
        Path listed = cache.folderOf("a", "listed");
        cache.keepHeader(listed, new Attributes(), TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        RemoteCache.KeptFrames frames = cache.frames(listed, () -> counting(new ArrayList<>()));
        frames.read(0);

        assertThat(old).exists();
        frames.fetchMissing(2, () -> false);

        assertThat(old).doesNotExist();
        assertThat(listed).exists();
        assertThat(cache.size()).isLessThanOrEqualTo(2_500);
    }

    @Test
    void whateverAnArchiveCallsAnInstanceItsFolderStaysInsideTheCache() {
        RemoteCache cache = new RemoteCache(root, 1 << 20);
        for (String sop : List.of("..", ".", "", "a/../b", "..\\..\\x", "C:\\x", "1.2.", "CON", "nul.1", "/etc")) {
            Path folder = cache.folderOf("archive", sop).normalize();
            assertTrue(folder.startsWith(root.resolve("archive")), sop + " -> " + folder);
            assertEquals(2, root.relativize(folder).getNameCount(), sop + " -> " + folder);
            String name = folder.getFileName().toString();
            assertTrue(!name.endsWith(".") && !name.equalsIgnoreCase("CON") && !name.isEmpty(), sop + " -> " + name);
        }
    }
}
