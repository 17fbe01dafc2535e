package org.sonocine.ui.remote;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sonocine.dicom.DicomFile;
import org.sonocine.dicom.Tag;
import org.sonocine.imaging.FrameSource;
import org.sonocine.remote.ArchiveConnection;
import org.sonocine.remote.SearchQuery;
import org.sonocine.study.ArchiveImage;
import org.sonocine.study.InstanceEntry;
import org.sonocine.study.RemoteCache;
import org.sonocine.testing.OrthancServer;
import org.sonocine.testing.RequiresOrthanc;
import org.sonocine.testing.RequiresSamples;
import org.sonocine.testing.Samples;
import org.sonocine.ui.LoadedInstance;
import org.sonocine.ui.task.DirectTaskExecutor;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Viewing an archive's cine as the viewer does, against a real Orthanc: found by a search into the browser's list,
 * shown from its first frame before the rest has arrived, fetched whole in the background, and seen a second time
 * from the cache with the archive gone.
 */
@RequiresOrthanc
@RequiresSamples
class ArchiveViewingTest {
    private static final String CINE = "examples_ybr_color.dcm";

    @TempDir
    Path cacheFolder;

    @Test
    void aCineShowsBeforeItHasArrivedAndASecondViewingNeedsNoArchive() throws Exception {
        List<InstanceEntry> listed = new ArrayList<>();
        RemoteCache cache = new RemoteCache(cacheFolder, 1L << 30);
        ArchiveViewModel archive = new ArchiveViewModel(new DirectTaskExecutor(), cache, listed::addAll);
        String sop;
        try (DicomFile local = DicomFile.open(Samples.file(CINE))) {
            sop = local.dataset().getString(Tag.SOPInstanceUID);
        }
        ArchiveImage first;
        try (OrthancServer orthanc = OrthancServer.start(false)) {
            orthanc.upload(Samples.file(CINE));

            archive.search(ArchiveConnection.of(orthanc.dicomWeb()), "orthanc", SearchQuery.all().withModality("US"));

            assertEquals("Listed 1 study, 1 instance", archive.statusProperty().get());
            assertEquals(1, listed.size());
            InstanceEntry entry = listed.get(0);
            assertEquals(cache.folderOf("orthanc", sop), entry.path());
            assertEquals(30, entry.frames());

            first = archive.opener(entry.path()).orElseThrow().call();
            LoadedInstance shown = LoadedInstance.open(first);

            assertThat(shown.firstFrame()).as("the first frame, ready to show").isNotNull();
            assertFalse(first.fromCache());
            for (int f = 1; f < 30; f++) {
                assertFalse(first.kept().isKept(f), "frame " + (f + 1) + " not arrived yet");
            }
            first.fetchRest(() -> false);
            for (int f = 0; f < 30; f++) {
                assertTrue(first.kept().isKept(f), "frame " + (f + 1) + " kept");
            }
        }

        // The archive has stopped: the second viewing can only come from the cache.
        ArchiveImage again = archive.opener(cache.folderOf("orthanc", sop)).orElseThrow().call();

        assertTrue(again.fromCache());
        try (DicomFile local = DicomFile.open(Samples.file(CINE))) {
            FrameSource stored = FrameSource.of(local);
            for (int f = 0; f < 30; f++) {
                assertArrayEquals(stored.decode(f).data(), again.source().decode(f).data(), "frame " + (f + 1));
            }
        }
        List<String> cleared = new ArrayList<>();
        archive.clearCache(cleared::add);
        assertThat(cleared).singleElement().asString().startsWith("Archive cache cleared (");
        assertThat(cacheFolder).doesNotExist();
    }

    @Test
    void aSearchTheArchiveCannotAnswerSaysWhyInTheStatus() throws Exception {
        ArchiveViewModel archive = new ArchiveViewModel(new DirectTaskExecutor(),
                new RemoteCache(cacheFolder, 1L << 30), found -> { });

        archive.search(ArchiveConnection.of(java.net.URI.create("http://127.0.0.1:9/dicom-web")), "none",
                SearchQuery.all());

        assertFalse(archive.runningProperty().get());
        assertThat(archive.statusProperty().get()).startsWith("Search failed: ").contains("127.0.0.1:9");
    }
}
