package org.sonocine.ui;

import javafx.application.Platform;
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
import javafx.concurrent.Task;
import org.sonocine.cine.FrameBudget;
import org.sonocine.imaging.FailureWords;
import org.sonocine.study.ExamScanner;
import org.sonocine.study.FailureReason;
import org.sonocine.study.InstanceEntry;
import org.sonocine.study.ScanListener;
import org.sonocine.study.ScanSummary;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;

/**
 * What the viewer window shows and does, without the window: opening files, folders and DICOMDIRs in
 * background tasks, the instances found so far, the open instance, and what went wrong. The JavaFX thread only
 * ever receives results.
 */
public final class ViewerViewModel {
    /** Files examined at once on the background executor, which also opens images and makes thumbnails. */
    private static final int SCAN_EXAMINERS = 2;

    private final ExecutorService background;
    private final CineViewModel cine;
    private final RecentFiles recent;

    private final ObjectProperty<LoadedInstance> current = new SimpleObjectProperty<>();
    private final StringProperty status = new SimpleStringProperty("Drop DICOM files or folders here, or use File › Open");
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final StringProperty loadError = new SimpleStringProperty("");
    private final ObservableList<InstanceEntry> instances = FXCollections.observableArrayList();
    private final ObservableList<ScanSummary.Failure> failures = FXCollections.observableArrayList();
    private final IntegerProperty skipped = new SimpleIntegerProperty(0);
    /** The flag of the latest scan; only the JavaFX thread reads or replaces it. */
    private AtomicBoolean scanCancel;

    public ViewerViewModel(ExecutorService background, ExecutorService decoder, LongSupplier clock,
                           RecentFiles recent) {
        this.background = background;
        this.cine = new CineViewModel(clock, decoder,
                decoder instanceof ThreadPoolExecutor pool ? pool.getMaximumPoolSize() : 1, FrameBudget.forThisJvm());
        this.recent = recent;
    }

    public CineViewModel cine() {
        return cine;
    }

    /**
     * Opens what the user chose or dropped: the first plain file is shown at once; everything is scanned into the
     * browser, and without a plain file the first image the scan finds is shown.
     */
    public void open(List<Path> paths) {
        if (paths.isEmpty()) {
            return;
        }
        paths.forEach(recent::add);
        var firstFile = paths.stream().filter(p -> Files.isRegularFile(p)
                && !p.getFileName().toString().equalsIgnoreCase("DICOMDIR")).findFirst();
        firstFile.ifPresent(this::openInstance);
        scan(paths, firstFile.isEmpty());
    }

    /** Loads one instance in the background and shows it. */
    public Task<LoadedInstance> openInstance(Path path) {
        Task<LoadedInstance> task = new Task<>() {
            @Override
            protected LoadedInstance call() throws Exception {
                return LoadedInstance.open(path);
            }
        };
        task.setOnSucceeded(e -> show(task.getValue()));
        task.setOnFailed(e -> {
            Throwable t = task.getException();
            String name = path.getFileName().toString();
            loadError.set(name + ": " + FailureReason.of(path, t));
            status.set("Could not open " + path.getFileName());
        });
        loadError.set("");
        status.set("Opening " + path.getFileName() + "…");
        background.execute(task);
        return task;
    }

    private void show(LoadedInstance loaded) {
        LoadedInstance previous = current.get();
        current.set(loaded);
        loadError.set("");
        cine.load(loaded);
        if (previous != null && previous.file() != loaded.file()) {
            previous.close();
        }
        status.set(loaded.title() + " — " + loaded.frameCount() + (loaded.frameCount() == 1 ? " frame" : " frames"));
    }

    /**
     * Scans folders in the background; instances appear as they are found. Cancelling asks the scan to stop between
     * two files (no read is interrupted), and the scan's own summary then says how far it got.
     */
    private void scan(List<Path> roots, boolean openFirst) {
        cancelScan();
        AtomicBoolean cancel = new AtomicBoolean();
        scanCancel = cancel;
        ScanFeed feed = new ScanFeed(cancel, openFirst);
        progress.set(-1);
        busy.set(true);
        status.set("Scanning…");
        new ExamScanner(background, SCAN_EXAMINERS).scan(roots, feed, cancel::get).whenComplete((summary, error) -> {
            List<InstanceEntry> rest = feed.drain();
            Platform.runLater(() -> {
                if (scanCancel != cancel) {
                    return;
                }
                instances.addAll(rest);
                if (error != null) {
                    busy.set(false);
                    status.set("Scan failed: " + FailureWords.of(error.getCause() != null ? error.getCause() : error));
                } else {
                    finishScan(summary);
                }
            });
        });
    }

    /**
     * Hands what the scan finds to the JavaFX thread: instances in batches and progress a few times a second, so
     * thousands of files do not flood it. Results of a scan that a newer one replaced are dropped; after Cancel,
     * what was found still arrives but the progress no longer does, so the status ends on the scan's summary.
     */
    private final class ScanFeed implements ScanListener {
        private final AtomicBoolean cancel;
        private final List<InstanceEntry> batch = new ArrayList<>();
        private boolean opened;
        private long lastFlush;
        private long lastProgress;

        ScanFeed(AtomicBoolean cancel, boolean openFirst) {
            this.cancel = cancel;
            this.opened = !openFirst;
        }

        @Override
        public void found(InstanceEntry entry) {
            batch.add(entry);
            if (!opened && entry.hasPixelData() && entry.isIntact()) {
                opened = true;
                post(() -> openInstance(entry.path()));
            }
            flush(false);
        }

        @Override
        public void skipped(Path file) {
            post(() -> skipped.set(skipped.get() + 1));
        }

        @Override
        public void failed(Path file, String reason) {
            post(() -> failures.add(new ScanSummary.Failure(file, reason)));
        }

        @Override
        public void progress(int done, int total) {
            long now = System.nanoTime();
            if (now - lastProgress > 100_000_000L) {
                lastProgress = now;
                String text = ScanStatus.scanning(done, total);
                double fraction = total > 0 ? (double) done / total : -1;
                post(() -> {
                    if (!cancel.get()) {
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
                post(() -> instances.addAll(copy));
            }
        }

        private void post(Runnable update) {
            Platform.runLater(() -> {
                if (scanCancel == cancel) {
                    update.run();
                }
            });
        }
    }

    private void finishScan(ScanSummary summary) {
        busy.set(false);
        progress.set(summary.cancelled() ? 0 : 1);
        status.set(ScanStatus.finished(summary));
    }

    /** Asks the scan under way to stop; its status then ends on how many files it examined. */
    public void cancelScan() {
        AtomicBoolean cancel = scanCancel;
        if (cancel != null && !cancel.get()) {
            cancel.set(true);
            if (busy.get()) {
                status.set("Cancelling the scan…");
            }
        }
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

    public IntegerProperty skippedProperty() {
        return skipped;
    }

    public void close() {
        cancelScan();
        cine.close();
        LoadedInstance shown = current.get();
        if (shown != null) {
            shown.close();
        }
    }
}
