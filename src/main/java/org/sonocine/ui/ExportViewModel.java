package org.sonocine.ui;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.sonocine.dicom.DicomFile;
import org.sonocine.export.CineExport;
import org.sonocine.export.DeidentifiedExport;
import org.sonocine.export.ExportPlan;
import org.sonocine.export.ExportRenderer;
import org.sonocine.export.OutputException;
import org.sonocine.imaging.FailureWords;
import org.sonocine.imaging.FrameSource;
import org.sonocine.imaging.ParallelDecoder;
import org.sonocine.study.CineTiming;
import org.sonocine.study.Geometry;
import org.sonocine.ui.task.BackgroundTask;
import org.sonocine.ui.task.Lane;
import org.sonocine.ui.task.TaskExecutor;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Exports the cine on screen, or a de-identified copy of its file, in the background, one export at a time, with its progress and an outcome in words.
 * The file is opened again for the export, so that opening another file meanwhile does not pull the frames from
 * under it. Cancelling interrupts the export's thread; the exporter then removes what it had written.
 */
public final class ExportViewModel {
    private final TaskExecutor tasks;
    private final int decoderThreads;
    private final BooleanProperty running = new SimpleBooleanProperty(false);
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final StringProperty status = new SimpleStringProperty("");
    /** Guards {@link #worker} and {@link #cancelled}, so that an interrupt never reaches the thread's next task. */
    private final Object lock = new Object();
    private Thread worker;
    private boolean cancelled;

    public ExportViewModel(TaskExecutor tasks, int decoderThreads) {
        this.tasks = tasks;
        this.decoderThreads = Math.max(1, decoderThreads);
    }

    /**
     * Starts exporting the file at {@code input} as {@code request} says. Returns false, with the reason in the
     * status, when an export is already running.
     */
    public boolean start(Path input, ExportRequest request) {
        if (!begin("Exporting to " + request.out().getFileName() + "…")) {
            return false;
        }
        BackgroundTask.wrap(() -> exclusively(() -> export(input, request)))
                .onSuccess(result -> finished("Exported " + result.frames() + " frames to "
                        + result.out().getFileName()))
                .onFailure(failure -> finished(failureText(request.out(), failure)))
                .executeWith(tasks, Lane.SCAN);
        return true;
    }

    /**
     * Starts writing de-identified copies of {@code inputs} into {@code folder}, black outside the ultrasound
     * regions when {@code blankOutsideRegions}, with UIDs replaced consistently across them. A file that cannot be
     * copied is counted and the others are still written. Returns false, with the reason in the status, when an
     * export is already running.
     */
    public boolean startDeidentified(List<Path> inputs, Path folder, boolean blankOutsideRegions) {
        if (inputs.isEmpty() || !begin("Writing de-identified copies into " + folder.getFileName() + "…")) {
            return false;
        }
        List<Path> files = List.copyOf(inputs);
        BackgroundTask.wrap(() -> exclusively(() -> deidentify(files, folder, blankOutsideRegions)))
                .onSuccess(copies -> finished(copies.text(blankOutsideRegions)))
                .onFailure(failure -> finished(failureText(folder, failure)))
                .executeWith(tasks, Lane.SCAN);
        return true;
    }

    /** What a de-identified export wrote, and what it could not. */
    record Copies(List<DeidentifiedExport.Result> written, List<String> failures) {
        String text(boolean blanked) {
            if (written.size() == 1 && failures.isEmpty()) {
                return deidentifiedText(written.get(0), blanked);
            }
            if (written.isEmpty()) {
                return "Could not write a de-identified copy: " + failures.get(0);
            }
            String warning = burnedInWarning(
                    written.stream().anyMatch(DeidentifiedExport.Result::mayHoldBurnedInText), blanked);
            String skipped = failures.isEmpty() ? ""
                    : "; " + failures.size() + (failures.size() == 1 ? " file" : " files") + " could not be copied ("
                    + failures.get(0) + (failures.size() > 1 ? ", …" : "") + ")";
            return "Wrote " + written.size() + " de-identified copies into " + written.get(0).out().getParent()
                    .getFileName() + (blanked ? ", black outside the ultrasound regions" : "") + skipped + warning;
        }
    }

    private Copies deidentify(List<Path> files, Path folder, boolean blank) throws IOException {
        DeidentifiedExport export = new DeidentifiedExport(blank);
        List<DeidentifiedExport.Result> written = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            try {
                written.add(export.write(files.get(i), folder));
            } catch (OutputException | InterruptedIOException e) {
                // The folder cannot take the copies, or the user stopped: the other files would fare no better.
                throw e;
            } catch (IOException e) {
                failures.add(files.get(i).getFileName() + ": " + FailureWords.of(e));
            }
            double done = (double) (i + 1) / files.size();
            tasks.onUi(() -> {
                if (running.get()) {
                    progress.set(done);
                }
            });
        }
        return new Copies(written, failures);
    }

    private boolean begin(String what) {
        if (running.get()) {
            status.set("An export is already running");
            return false;
        }
        synchronized (lock) {
            cancelled = false;
        }
        running.set(true);
        progress.set(0);
        status.set(what);
        return true;
    }

    static String deidentifiedText(DeidentifiedExport.Result result, boolean blanked) {
        String pixels = result.decodedFrom() == null ? ""
                : ", its " + result.decodedFrom() + " pixels written uncompressed";
        return "Wrote a de-identified copy, " + result.out().getFileName() + pixels
                + (blanked ? ", black outside the ultrasound regions" : "")
                + burnedInWarning(result.mayHoldBurnedInText(), blanked);
    }

    /** What a copy whose pixels may hold burned-in text still asks of the user; empty when they hold none. */
    private static String burnedInWarning(boolean mayHoldBurnedInText, boolean blanked) {
        if (!mayHoldBurnedInText) {
            return "";
        }
        return blanked ? ". Text burned in inside the ultrasound regions cannot be removed automatically: check the"
                + " images before sharing them"
                : ". The pixels may hold burned-in names and dates: check the images before sharing them";
    }

    /** Stops the running export; nothing of it is left at the output. */
    public void cancel() {
        synchronized (lock) {
            if (!running.get()) {
                return;
            }
            cancelled = true;
            if (worker != null) {
                worker.interrupt();
            }
        }
        status.set("Cancelling the export…");
    }

    private interface Export<T> {
        T run() throws IOException;
    }

    /** Runs {@code export} as the one that Cancel interrupts. */
    private <T> T exclusively(Export<T> export) throws IOException {
        synchronized (lock) {
            if (cancelled) {
                throw new InterruptedIOException("export cancelled");
            }
            worker = Thread.currentThread();
        }
        try {
            return export.run();
        } finally {
            synchronized (lock) {
                worker = null;
                // The pool's thread goes on to other work: a cancel that came late must not stop that.
                Thread.interrupted();
            }
        }
    }

    private CineExport.Result export(Path input, ExportRequest request) throws IOException {
        try (DicomFile dicom = DicomFile.openLenient(input);
             ParallelDecoder decoder = new ParallelDecoder(decoderThreads)) {
            FrameSource source = FrameSource.of(dicom);
            CineTiming timing = CineTiming.of(dicom.dataset(), source.frameCount());
            ExportPlan plan = request.frames() == null ? ExportPlan.of(timing)
                    : ExportPlan.ofFrames(timing, range(request.frames(), source.frameCount()));
            ExportRenderer renderer = ExportRenderer.of(source, Geometry.of(dicom.dataset()), request.scale(),
                    request.format().needsEvenSize()).withBurnIn(request.burnIn(), timing);
            return new CineExport(source, renderer, decoder).write(plan, request.format(), input, request.out(),
                    (done, total) -> tasks.onUi(() -> {
                        if (running.get()) {
                            progress.set((double) done / total);
                        }
                    }));
        }
    }

    private static List<Integer> range(ExportRequest.Frames frames, int count) {
        if (frames.last() > count) {
            throw new IllegalArgumentException("frames " + frames.first() + " to " + frames.last()
                    + " are outside 1-" + count);
        }
        List<Integer> indices = new ArrayList<>(frames.last() - frames.first() + 1);
        for (int f = frames.first(); f <= frames.last(); f++) {
            indices.add(f - 1);
        }
        return indices;
    }

    private String failureText(Path out, Throwable failure) {
        boolean wasCancelled;
        synchronized (lock) {
            wasCancelled = cancelled;
        }
        if (wasCancelled) {
            return "Export cancelled: nothing was written";
        }
        if (failure instanceof OutputException) {
            return "Could not export: " + failure.getMessage();
        }
        return "Could not export to " + out.getFileName() + ": " + FailureWords.of(failure);
    }

    private void finished(String text) {
        running.set(false);
        status.set(text);
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running;
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status;
    }
}
