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
import org.sonocine.study.ExamScanner;
import org.sonocine.study.InstanceEntry;
import org.sonocine.study.ScanListener;
import org.sonocine.study.ScanSummary;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.function.LongSupplier;

/**
 * What the viewer window shows and does, without the window: opening files, folders and DICOMDIRs in
 * background tasks, the instances found so far, the open instance, and what went wrong. The JavaFX thread only
 * ever receives results.
 */
public final class ViewerViewModel {
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
    private volatile Task<?> scanTask;

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
            String message = t.getMessage() != null ? t.getMessage() : t.toString();
            loadError.set(message.contains(name) ? message : name + ": " + message);
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

    /** Scans folders in the background; instances appear as they are found. */
    private void scan(List<Path> roots, boolean openFirst) {
        Task<?> previous = scanTask;
        if (previous != null) {
            previous.cancel();
        }
        Task<ScanSummary> task = new Task<>() {
            @Override
            protected ScanSummary call() throws Exception {
                List<InstanceEntry> batch = new ArrayList<>();
                boolean[] opened = {!openFirst};
                ScanSummary summary = new ExamScanner().scan(roots, new ScanListener() {
                    private long lastFlush;

                    @Override
                    public void found(InstanceEntry entry) {
                        batch.add(entry);
                        if (!opened[0] && entry.hasPixelData() && entry.isIntact()) {
                            opened[0] = true;
                            Platform.runLater(() -> openInstance(entry.path()));
                        }
                        flush(false);
                    }

                    @Override
                    public void skipped(Path file) {
                        Platform.runLater(() -> skipped.set(skipped.get() + 1));
                    }

                    @Override
                    public void failed(Path file, String reason) {
                        Platform.runLater(() -> failures.add(new ScanSummary.Failure(file, reason)));
                    }

                    @Override
                    public void progress(int done, int total) {
                        // Thousands of files: tell the UI a few times a second, not once per file.
                        if (done == total || done % 25 == 0) {
                            updateProgress(done, total);
                            updateMessage(String.format(Locale.ROOT, "Scanning… %d of %d files", done, total));
                        }
                        flush(done == total);
                    }

                    /** Hands found instances to the UI in batches, so thousands of files do not flood it. */
                    private void flush(boolean force) {
                        long now = System.nanoTime();
                        if (!batch.isEmpty() && (force || now - lastFlush > 100_000_000L || batch.size() >= 200)) {
                            List<InstanceEntry> copy = List.copyOf(batch);
                            batch.clear();
                            lastFlush = now;
                            Platform.runLater(() -> instances.addAll(copy));
                        }
                    }
                }, this::isCancelled);
                if (!batch.isEmpty()) {
                    List<InstanceEntry> copy = List.copyOf(batch);
                    Platform.runLater(() -> instances.addAll(copy));
                }
                return summary;
            }
        };
        task.messageProperty().addListener((o, a, b) -> status.set(b));
        progress.bind(task.progressProperty());
        busy.set(true);
        task.setOnSucceeded(e -> finishScan(task.getValue()));
        task.setOnCancelled(e -> {
            busy.set(false);
            status.set("Scan cancelled");
        });
        task.setOnFailed(e -> {
            busy.set(false);
            status.set("Scan failed: " + task.getException().getMessage());
        });
        scanTask = task;
        background.execute(task);
    }

    private void finishScan(ScanSummary summary) {
        busy.set(false);
        progress.unbind();
        progress.set(1);
        status.set(String.format(Locale.ROOT, "%d instances in %d studies; %d files skipped (not DICOM), %d failed",
                summary.tree().instanceCount(), summary.tree().studyCount(), summary.skipped(),
                summary.failures().size()));
    }

    public void cancelScan() {
        Task<?> task = scanTask;
        if (task != null) {
            task.cancel();
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
