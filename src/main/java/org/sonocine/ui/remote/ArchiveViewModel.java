package org.sonocine.ui.remote;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.sonocine.dicom.Attributes;
import org.sonocine.dicom.Tag;
import org.sonocine.imaging.FailureWords;
import org.sonocine.remote.ArchiveConnection;
import org.sonocine.remote.DicomWebClient;
import org.sonocine.remote.InstanceRef;
import org.sonocine.remote.RemoteException;
import org.sonocine.remote.SearchPage;
import org.sonocine.remote.SearchQuery;
import org.sonocine.study.ArchiveImage;
import org.sonocine.study.InstanceEntry;
import org.sonocine.study.RemoteCache;
import org.sonocine.ui.task.BackgroundTask;
import org.sonocine.ui.task.Cancellable;
import org.sonocine.ui.task.Lane;
import org.sonocine.ui.task.TaskExecutor;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Searches an archive (QIDO-RS) in the background and lists what it holds, study by study as each is listed,
 * in the browser the local folders use: every instance is known there by the folder the cache keeps it in, and
 * {@link #opener} tells the viewer how to open such an instance (WADO-RS through the cache). One search at a time;
 * a new one or Cancel stops the one running between two requests. "More results" asks for the next page.
 */
public final class ArchiveViewModel {
    /** Series and instances of one study fit one answer this size. */
    private static final int PER_STUDY_LIMIT = 1000;

    private final TaskExecutor tasks;
    private final RemoteCache cache;
    private final Consumer<List<InstanceEntry>> found;
    private final Map<Path, Remote> listed = new ConcurrentHashMap<>();
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper more = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private Cancellable search;
    private AtomicBoolean stop = new AtomicBoolean();
    private Search last;

    /** An instance the archive listed: where it is, on which archive. */
    private record Remote(DicomWebClient client, String archiveKey, InstanceRef ref) {
    }

    /** A search: on which archive, with which criteria, and the page it is at. */
    private record Search(DicomWebClient client, String archiveKey, SearchQuery query) {
    }

    /** What one search found: studies listed, instances listed, whether the archive may hold more. */
    private record Outcome(int studies, int instances, boolean mayHaveMore, SearchQuery next, int cutSeries) {
    }

    /**
     * @param found told, on the UI thread, of each study's instances as they are listed
     */
    public ArchiveViewModel(TaskExecutor tasks, RemoteCache cache, Consumer<List<InstanceEntry>> found) {
        this.tasks = tasks;
        this.cache = cache;
        this.found = found;
    }

    /**
     * Searches the archive at {@code connection} (known to the cache as {@code archiveKey}) for {@code query};
     * a search still running is stopped.
     */
    public void search(ArchiveConnection connection, String archiveKey, SearchQuery query) {
        start(new Search(new DicomWebClient(connection), archiveKey, query));
    }

    /** The next page of the last search, when it may have more. */
    public void searchMore() {
        if (last != null && more.get()) {
            start(last);
        }
    }

    /** Stops the search running, between two requests. */
    public void cancel() {
        stop.set(true);
        if (search != null) {
            search.cancel();
            search = null;
        }
        if (running.get()) {
            running.set(false);
            status.set("Search cancelled");
        }
    }

    private void start(Search wanted) {
        cancel();
        AtomicBoolean stopped = new AtomicBoolean();
        stop = stopped;
        running.set(true);
        more.set(false);
        progress.set(-1);
        status.set("Searching " + wanted.client().connection().base() + "…");
        search = BackgroundTask.wrap(() -> run(wanted, stopped))
                .onSuccess(outcome -> {
                    running.set(false);
                    progress.set(1);
                    more.set(outcome.mayHaveMore());
                    last = new Search(wanted.client(), wanted.archiveKey(), outcome.next());
                    status.set(outcome.studies() == 0 ? "No study matches"
                            : "Listed " + count(outcome.studies(), "study", "studies") + ", "
                            + count(outcome.instances(), "instance", "instances")
                            + (outcome.mayHaveMore() ? "; the archive may have more" : "")
                            + (outcome.cutSeries() == 0 ? "" : "; " + count(outcome.cutSeries(), "series", "series")
                            + " listed in part (the first " + PER_STUDY_LIMIT + " instances)"));
                })
                .onFailure(failure -> {
                    running.set(false);
                    status.set("Search failed: " + (failure instanceof RemoteException ? failure.getMessage()
                            : FailureWords.of(failure)));
                })
                .executeWith(tasks, Lane.SCAN);
    }

    private Outcome run(Search wanted, AtomicBoolean stopped) throws RemoteException {
        DicomWebClient client = wanted.client();
        SearchPage studies = client.searchStudies(wanted.query());
        SearchQuery everything = SearchQuery.all().withPage(PER_STUDY_LIMIT, 0);
        int instances = 0;
        int done = 0;
        int cut = 0;
        for (Attributes study : studies.matches()) {
            if (stopped.get()) {
                break;
            }
            String studyUid = study.getString(Tag.StudyInstanceUID, "");
            List<InstanceEntry> entries = new ArrayList<>();
            for (Attributes series : client.searchSeries(studyUid, everything).matches()) {
                String seriesUid = series.getString(Tag.SeriesInstanceUID, "");
                SearchPage listedInstances = client.searchInstances(studyUid, seriesUid, everything);
                cut += listedInstances.mayHaveMore() ? 1 : 0;
                for (Attributes instance : listedInstances.matches()) {
                    String sop = instance.getString(Tag.SOPInstanceUID, "");
                    if (sop.isEmpty()) {
                        continue;
                    }
                    Path folder = cache.folderOf(wanted.archiveKey(), sop);
                    listed.put(key(folder), new Remote(client, wanted.archiveKey(),
                            InstanceRef.instance(studyUid, seriesUid, sop)));
                    entries.add(InstanceEntry.ofArchive(folder, study, series, instance));
                }
            }
            instances += entries.size();
            double fraction = (double) ++done / studies.matches().size();
            tasks.onUi(() -> {
                if (!stopped.get()) {
                    found.accept(entries);
                    progress.set(fraction);
                }
            });
        }
        return new Outcome(done, instances, studies.mayHaveMore(), studies.nextQuery(), cut);
    }

    /** How to open the instance listed as {@code folder}, if an archive listed it. */
    public Optional<Callable<ArchiveImage>> opener(Path folder) {
        Remote remote = listed.get(key(folder));
        if (remote == null) {
            return Optional.empty();
        }
        return Optional.of(() -> ArchiveImage.open(remote.client(), remote.ref(), cache, remote.archiveKey()));
    }

    /**
     * Deletes every image kept from archives in the background, after the download under way (the same lane) has
     * stopped; {@code done} is told the outcome in words.
     */
    public void clearCache(Consumer<String> done) {
        BackgroundTask.wrap(() -> {
            long bytes = cache.size();
            cache.clear();
            return String.format(Locale.ROOT, "Archive cache cleared (%.1f MB)", bytes / 1e6);
        }).onSuccess(done).onFailure(failure -> done.accept("Could not clear the archive cache: "
                + FailureWords.of(failure))).executeWith(tasks, Lane.DOWNLOADS);
    }

    /** The one form a folder is known by, however the viewer hands it back (relative, with dots). */
    private static Path key(Path folder) {
        return folder.toAbsolutePath().normalize();
    }

    private static String count(int n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** Whether "More results" can ask for another page. */
    public ReadOnlyBooleanProperty moreProperty() {
        return more.getReadOnlyProperty();
    }

    /** Share of the studies of the page listed; -1 while the first answer is awaited. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }
}
