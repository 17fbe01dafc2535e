package org.sonocine.ui;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.sonocine.cine.FrameBudget;
import org.sonocine.imaging.FailureWords;
import org.sonocine.remote.RemoteException;
import org.sonocine.study.ArchiveImage;
import org.sonocine.study.ExamScanner;
import org.sonocine.study.FailureReason;
import org.sonocine.study.InstanceEntry;
import org.sonocine.study.ScanListener;
import org.sonocine.study.ScanSummary;
import org.sonocine.ui.measure.CalibratedReader;
import org.sonocine.ui.measure.MeasurementReader;
import org.sonocine.ui.task.BackgroundTask;
import org.sonocine.ui.task.Cancellable;
import org.sonocine.ui.task.Lane;
import org.sonocine.ui.task.TaskExecutor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.io.IOException;
import java.util.function.Function;
import java.util.concurrent.Callable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;

/**
 * What the viewer window shows and does, without the window: opening files, folders and DICOMDIRs in
 * background tasks, the instances found so far, the open instance, and what went wrong. Work goes to the
 * injected {@link TaskExecutor} and results come back on its UI thread, so nothing here touches a file on that
 * thread, and the whole of it can be driven without a toolkit. Opening is latest-wins: a newer open cancels an
 * older one still loading, whose file is then closed.
 */
public final class ViewerViewModel {
    private final TaskExecutor tasks;
    private final LongSupplier clock;
    private final CineViewModel cine;
    private final ExportViewModel export;
    private final RecentFiles recent;

    private final ObjectProperty<LoadedInstance> current = new SimpleObjectProperty<>();
    private final StringProperty status = new SimpleStringProperty("Drop DICOM files or folders here, or use File › Open");
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final StringProperty loadError = new SimpleStringProperty("");
    private final ObservableList<InstanceEntry> instances = FXCollections.observableArrayList();
    private final ObservableList<ScanSummary.Failure> failures = FXCollections.observableArrayList();
    private final IntegerProperty skipped = new SimpleIntegerProperty(0);
    /** How long the latest open took, from the request to its first frame shown (ms; -1 before any). */
    private final DoubleProperty openMillis = new SimpleDoubleProperty(-1);
    /** Files already listed, skipped or failed, so that opening or scanning them again adds no second entry. */
    private final Set<Path> listed = new HashSet<>();
    private final Set<Path> reported = new HashSet<>();
    /** DICOMDIR problems already listed, as the DICOMDIR and the message, for the same reason. */
    private final Set<List<Object>> warned = new HashSet<>();
    /** The flag of the latest scan; only the UI thread reads or replaces it. */
    private final List<AtomicBoolean> scans = new ArrayList<>();
    /** The newest scan's flag: its progress is what the status line shows. */
    private AtomicBoolean latestScan;
    /** Counts the user's requests to show a file, so that a scan does not open its first image over a later one. */
    private int openRequests;
    private volatile EarlyOpening earlyOpening;
    /** From {@link #openAtStart} until {@link #startIsOver}: a cine shown meanwhile waits to play. */
    private boolean starting;
    /** What {@link #openAtStart} left for {@link #startIsOver}. */
    private Runnable afterStart = () -> { };
    /** The look at the paths of the latest open, until it ends: a newer open cancels it. */
    private Cancellable opening;
    /** The load under way, if any: a newer open cancels it. */
    private Cancellable loading;
    private Path loadingPath;
    private boolean closed;

    private Function<Path, Optional<Callable<ArchiveImage>>> archived = path -> Optional.empty();
    /** Stops fetching the rest of the archive's image shown last. */
    private AtomicBoolean download = new AtomicBoolean(true);

    public ViewerViewModel(TaskExecutor tasks, LongSupplier clock, RecentFiles recent) {
        this.tasks = tasks;
        this.clock = clock;
        this.cine = new CineViewModel(clock, tasks.lane(Lane.CINE), tasks.threads(Lane.CINE),
                FrameBudget.forThisJvm());
        this.recent = recent;
        this.export = new ExportViewModel(tasks, tasks.threads(Lane.CINE));
        // The outcome of an export stays in sight after its dialog is closed.
        export.statusProperty().addListener((o, was, text) -> status.set(text));
    }

    public CineViewModel cine() {
        return cine;
    }

    /** Exporting the file on screen (File › Export…). */
    public ExportViewModel export() {
        return export;
    }

    /**
     * Opens what the user chose or dropped: the first plain file is shown at once; everything is scanned into the
     * browser, and without a plain file the first image the scan finds is shown. The paths are remembered as
     * recent; looking at what they are and remembering them happen in the background.
     */
    public void open(List<Path> paths) {
        open(paths, true);
    }

    /**
     * Opens what the viewer was started on, as {@link #open} does, but shows the file opened ahead at once when it
     * is ready: called before the window is first shown, its first frame then comes with the window. Until
     * {@link #startIsOver}, which the caller must call once that frame is on screen (or it has stopped waiting for
     * it), the processors are left to drawing it: a cine shown meanwhile waits to play, and the paths are
     * remembered and scanned into the browser only then.
     */
    public void openAtStart(List<Path> paths) {
        starting = true;
        EarlyOpening early = earlyOpening;
        Optional<LoadedInstance> ready = early != null && !paths.isEmpty() ? early.takeIfReady(paths.get(0))
                : Optional.empty();
        if (ready.isPresent()) {
            show(ready.get());
            afterStart = () -> rememberAndScan(paths);
        } else {
            open(paths);
        }
    }

    /**
     * Ends what {@link #openAtStart} began: the cine shown meanwhile starts playing, unless the user has played,
     * paused or moved it since, and the rest of the open goes on.
     */
    public void startIsOver() {
        if (!starting) {
            return;
        }
        starting = false;
        cine.releaseHeldPlay();
        finishOpenAtStart();
    }

    /**
     * Does now what {@link #openAtStart} left for later, once: at the latest before another open, so that the recent
     * files keep their order.
     */
    private void finishOpenAtStart() {
        Runnable rest = afterStart;
        afterStart = () -> { };
        rest.run();
    }

    /** The rest of an open whose first file is shown already: remembered as recent, then scanned into the browser. */
    private void rememberAndScan(List<Path> paths) {
        if (closed) {
            return;
        }
        List<Path> roots = List.copyOf(paths);
        BackgroundTask.wrap(() -> {
            roots.forEach(recent::add);
            return roots;
        }).onSuccess(remembered -> {
            if (!closed) {
                scan(remembered, false);
            }
        }).onFailure(failure -> status.set("Could not open: " + FailureWords.of(failure)))
                .executeWith(tasks, Lane.INTERACTIVE);
    }

    /** The file an open shows at once: the first of {@code paths} that is a plain file and not a DICOMDIR. */
    static Optional<Path> firstPlainFile(List<Path> paths) {
        return paths.stream().filter(p -> Files.isRegularFile(p)
                && !p.getFileName().toString().equalsIgnoreCase("DICOMDIR")).findFirst();
    }

    /** What opening paths found: the file to show first, and whether the first path names nothing at all. */
    private record Look(Optional<Path> firstFile, boolean firstMissing) {
    }

    /** Opens the demo cine: as {@link #open}, but not remembered among the recent files. */
    public void openDemo(Path demo) {
        open(List.of(demo), false);
    }

    private void open(List<Path> paths, boolean remember) {
        if (paths.isEmpty() || closed) {
            return;
        }
        finishOpenAtStart();
        List<Path> roots = List.copyOf(paths);
        if (opening != null) {
            // The looks at the paths may end in any order: only the latest open goes on to load and scan.
            opening.cancel();
        }
        opening = BackgroundTask.wrap(() -> {
            if (remember) {
                roots.forEach(recent::add);
            }
            Optional<Path> firstFile = firstPlainFile(roots);
            // Nothing to show and nothing there: said over the image, not only in the browser's failures.
            boolean missing = firstFile.isEmpty() && Files.notExists(roots.get(0));
            return new Look(firstFile, missing);
        }).onSuccess(look -> {
            if (closed) {
                return;
            }
            look.firstFile().ifPresent(this::openInstance);
            if (look.firstMissing()) {
                loadError.set(roots.get(0).getFileName() + ": no such file or folder");
            }
            scan(roots, look.firstFile().isEmpty());
        }).onFailure(failure -> status.set("Could not open: " + FailureWords.of(failure)))
                .executeWith(tasks, Lane.INTERACTIVE);
    }

    /**
     * Loads one instance in the background and shows it; a load still under way for another file is cancelled
     * (latest wins), and asking again for the file being loaded changes nothing.
     */
    public void openInstance(Path path) {
        if (closed || (loading != null && !loading.isCancelled() && path.equals(loadingPath))) {
            return;
        }
        openRequests++;
        cancelLoading();
        loadError.set("");
        status.set("Opening " + path.getFileName() + "…");
        boolean[] ended = new boolean[1];
        long requested = clock.getAsLong();
        stopArchiveDownload();
        Cancellable load = BackgroundTask.wrap(() -> load(path))
                .onSuccess(loaded -> {
                    ended[0] = true;
                    endLoading(path);
                    show(loaded.instance());
                    if (loaded.archived() != null) {
                        startDownload(loaded.archived());
                    }
                    openMillis.set((clock.getAsLong() - requested) / 1e6);
                })
                .onFailure(failure -> {
                    ended[0] = true;
                    endLoading(path);
                    String name = path.getFileName().toString();
                    loadError.set(name + ": " + FailureReason.of(path, failure));
                    status.set("Could not open " + name);
                })
                .onDiscarded(loaded -> loaded.instance().close())
                .executeWith(tasks, Lane.INTERACTIVE);
        // A same-thread executor has run the load, callbacks and all, by the time it returns.
        if (!ended[0]) {
            loading = load;
            loadingPath = path;
        }
    }

    /** The file the viewer was started on, opened ahead while the window was built; its first load takes it. */
    void startedOn(EarlyOpening opening) {
        earlyOpening = opening;
    }

    /**
     * Says how to open instances listed from an archive: by the folder the archive cache keeps each in, an opener
     * of the image, or empty for a local file.
     */
    public void openArchivedWith(Function<Path, Optional<Callable<ArchiveImage>>> opener) {
        archived = opener;
    }

    /** An instance loaded, and the archive's image it came from (null for a local file). */
    private record Loaded(LoadedInstance instance, ArchiveImage archived) {
    }

    private Loaded load(Path path) throws Exception {
        Optional<Callable<ArchiveImage>> remote = archived.apply(path);
        if (remote.isEmpty()) {
            EarlyOpening early = earlyOpening;
            Optional<LoadedInstance> opened = early == null ? Optional.empty() : early.take(path);
            LoadedInstance instance = opened.isPresent() ? opened.get() : LoadedInstance.open(path);
            StartupReport.mark(StartupReport.Milestone.FILE_READ);
            return new Loaded(instance, null);
        }
        ArchiveImage image;
        try {
            image = remote.get().call();
        } catch (RemoteException e) {
            throw new IOException(e.getMessage(), e);
        }
        return new Loaded(LoadedInstance.open(image), image);
    }

    /**
     * Fetches the rest of the archive's cine now shown, a few long requests while it plays; started once it is
     * shown, so that an image replaced before it appeared is never fetched.
     */
    private void startDownload(ArchiveImage image) {
        AtomicBoolean stop = new AtomicBoolean();
        download = stop;
        BackgroundTask.wrap(() -> {
            image.fetchRest(stop::get);
            return image;
        }).executeWith(tasks, Lane.DOWNLOADS);
    }

    /** Stops fetching the rest of the archive's image shown (another is opened, the cache is cleared). */
    public void stopArchiveDownload() {
        download.set(true);
    }

    /** The file being loaded, if a load is under way. */
    public Optional<Path> loadingPath() {
        return loading != null ? Optional.of(loadingPath) : Optional.empty();
    }

    /** Callbacks only come for the latest load: the earlier ones were cancelled. */
    private void endLoading(Path path) {
        if (path.equals(loadingPath)) {
            loading = null;
            loadingPath = null;
        }
    }

    private void cancelLoading() {
        if (loading != null) {
            loading.cancel();
            loading = null;
            loadingPath = null;
        }
    }

    private void show(LoadedInstance loaded) {
        LoadedInstance previous = current.get();
        current.set(loaded);
        loadError.set("");
        if (starting) {
            cine.loadHeld(loaded);
        } else {
            cine.load(loaded);
        }
        if (previous != null && previous.file() != loaded.file()) {
            previous.close();
        }
        status.set(loaded.title() + " — " + loaded.frameCount() + (loaded.frameCount() == 1 ? " frame" : " frames"));
    }

    /**
     * Scans folders in the background; instances appear as they are found. A scan still under way when another
     * starts goes on (what it finds is listed too, each file once), and the status line follows the newest.
     * Cancelling asks every scan to stop between two files (no read is interrupted), and the newest scan's own
     * summary then says how far it got.
     */
    private void scan(List<Path> roots, boolean openFirst) {
        AtomicBoolean cancel = new AtomicBoolean();
        scans.add(cancel);
        latestScan = cancel;
        ScanFeed feed = new ScanFeed(cancel, openFirst);
        progress.set(-1);
        busy.set(true);
        status.set("Scanning…");
        new ExamScanner(tasks.lane(Lane.SCAN), tasks.threads(Lane.SCAN)).scan(roots, feed, cancel::get)
                .whenComplete((summary, error) -> {
            List<InstanceEntry> rest = feed.drain();
            tasks.onUi(() -> {
                scans.remove(cancel);
                if (closed) {
                    return;
                }
                addInstances(rest);
                busy.set(!scans.isEmpty());
                if (latestScan != cancel) {
                    return;
                }
                if (error != null) {
                    status.set("Scan failed: " + FailureWords.of(error.getCause() != null ? error.getCause() : error));
                } else {
                    finishScan(summary);
                }
            });
        });
    }

    /**
     * Hands what the scan finds to the JavaFX thread: instances in batches and progress a few times a second, so
     * thousands of files do not flood it. Only the newest scan's progress is shown; after Cancel, what was found
     * still arrives but the progress no longer does, so the status ends on the scan's summary.
     */
    private final class ScanFeed implements ScanListener {
        private final AtomicBoolean cancel;
        private final List<InstanceEntry> batch = new ArrayList<>();
        private boolean opened;
        private long lastFlush;
        private long lastProgress;

        private final int openRequestsAtStart = openRequests;

        ScanFeed(AtomicBoolean cancel, boolean openFirst) {
            this.cancel = cancel;
            this.opened = !openFirst;
        }

        @Override
        public void found(InstanceEntry entry) {
            batch.add(entry);
            if (!opened && entry.hasPixelData() && entry.isIntact()) {
                opened = true;
                post(() -> {
                    // Not over a file the user asked for since the scan began.
                    if (openRequests == openRequestsAtStart) {
                        openInstance(entry.path());
                    }
                });
            }
            flush(false);
        }

        @Override
        public void skipped(Path file) {
            post(() -> {
                if (reported.add(file.toAbsolutePath().normalize())) {
                    skipped.set(skipped.get() + 1);
                }
            });
        }

        @Override
        public void failed(Path file, String reason) {
            post(() -> {
                if (reported.add(file.toAbsolutePath().normalize())) {
                    failures.add(new ScanSummary.Failure(file, reason));
                }
            });
        }

        /** A DICOMDIR reference refused or missing is listed with the files that could not be read. */
        @Override
        public void warned(Path source, String message) {
            post(() -> {
                if (warned.add(List.of(source.toAbsolutePath().normalize(), message))) {
                    failures.add(new ScanSummary.Failure(source, message));
                }
            });
        }

        @Override
        public void progress(int done, int total) {
            long now = System.nanoTime();
            if (now - lastProgress > 100_000_000L) {
                lastProgress = now;
                String text = ScanStatus.scanning(done, total);
                double fraction = total > 0 ? (double) done / total : -1;
                post(() -> {
                    if (!cancel.get() && latestScan == cancel) {
                        status.set(text);
                        progress.set(fraction);
                    }
                });
            }
            flush(false);
        }

        /** What was found and not yet handed over; called once the scan has ended. */
        List<InstanceEntry> drain() {
            List<InstanceEntry> copy = List.copyOf(batch);
            batch.clear();
            return copy;
        }

        private void flush(boolean force) {
            long now = System.nanoTime();
            if (!batch.isEmpty() && (force || now - lastFlush > 100_000_000L || batch.size() >= 200)) {
                List<InstanceEntry> copy = drain();
                lastFlush = now;
                post(() -> addInstances(copy));
            }
        }

        private void post(Runnable update) {
            tasks.onUi(() -> {
                if (!closed) {
                    update.run();
                }
            });
        }
    }

    /**
     * Adds what a scan or an archive's search found, leaving out what an earlier open, scan or search listed
     * already.
     */
    public void addInstances(List<InstanceEntry> found) {
        List<InstanceEntry> fresh = new ArrayList<>(found.size());
        for (InstanceEntry e : found) {
            if (listed.add(e.path().toAbsolutePath().normalize())) {
                fresh.add(e);
            }
        }
        instances.addAll(fresh);
    }

    private void finishScan(ScanSummary summary) {
        progress.set(summary.cancelled() ? 0 : 1);
        status.set(ScanStatus.finished(summary));
    }

    /** Asks the scans under way to stop; the status then ends on how many files the newest examined. */
    public void cancelScan() {
        boolean any = false;
        for (AtomicBoolean cancel : scans) {
            any |= !cancel.getAndSet(true);
        }
        if (any && busy.get()) {
            status.set("Cancelling the scan…");
        }
    }

    /**
     * Writes {@code text} to {@code file} in the background (an export the user asked for), and says how it went;
     * the file is written under a temporary name and moved into place, so a failure leaves no partial file.
     */
    public void saveText(Path file, String text) {
        BackgroundTask.wrap(() -> {
            Path part = file.resolveSibling(file.getFileName() + ".part");
            Files.writeString(part, text, java.nio.charset.StandardCharsets.UTF_8);
            Files.move(part, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            return file;
        }).onSuccess(saved -> status.set("Saved " + saved.getFileName()))
                .onFailure(failure -> status.set("Could not save " + file.getFileName() + ": " + FailureWords.of(failure)))
                .executeWith(tasks, Lane.INTERACTIVE);
    }

    /** How measurements on {@code instance} are read: its ultrasound regions, else its pixel spacing, else pixels. */
    public MeasurementReader measurementReader(LoadedInstance instance) {
        return instance == null ? MeasurementReader.PIXELS : new CalibratedReader(instance.file().dataset());
    }

    /** Opens the instance with this SOP Instance UID if a scan found it (source image links). */
    public boolean openBySopInstanceUid(String uid) {
        for (InstanceEntry e : instances) {
            if (e.sopInstanceUid().equals(uid)) {
                openInstance(e.path());
                return true;
            }
        }
        return false;
    }

    public boolean isLoaded(String sopInstanceUid) {
        return instances.stream().anyMatch(e -> e.sopInstanceUid().equals(sopInstanceUid));
    }

    public RecentFiles recent() {
        return recent;
    }

    public ObjectProperty<LoadedInstance> currentProperty() {
        return current;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public DoubleProperty progressProperty() {
        return progress;
    }

    public StringProperty loadErrorProperty() {
        return loadError;
    }

    public ObservableList<InstanceEntry> instances() {
        return instances;
    }

    public ObservableList<ScanSummary.Failure> failures() {
        return failures;
    }

    /** Milliseconds from the latest open request to its first frame shown; set once it is shown. */
    public DoubleProperty openMillisProperty() {
        return openMillis;
    }

    public IntegerProperty skippedProperty() {
        return skipped;
    }

    /** Stops what is under way; a load that ends later has its file closed, not shown. */
    public void close() {
        closed = true;
        stopArchiveDownload();
        if (opening != null) {
            opening.cancel();
        }
        cancelLoading();
        cancelScan();
        export.cancel();
        cine.close();
        LoadedInstance shown = current.get();
        if (shown != null) {
            shown.close();
        }
    }
}
