package org.sonocine.ui.browser;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableIntegerValue;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.sonocine.study.ExamTree;
import org.sonocine.study.InstanceEntry;
import org.sonocine.study.ScanSummary;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * What the exam browser shows and does, without the window: the instances found so far as patients, studies and
 * series of an {@link ExamTree} in the order a reader expects, the instances of the chosen node, which of them is
 * selected, and the files that could not be read. A click opens (a series opens its first image); the selection
 * follows the file on display, whoever opened it.
 */
public final class BrowserViewModel {
    private final ExamTree tree = new ExamTree();
    private final Consumer<Path> open;
    private final ObservableList<BrowserNode> patients = FXCollections.observableArrayList();
    private final ObservableList<BrowserNode> readOnlyPatients = FXCollections.unmodifiableObservableList(patients);
    /** The node of each patient, study and series of the tree (records compare by content: look up by identity). */
    private final Map<Object, BrowserNode> nodes = new IdentityHashMap<>();
    private final ReadOnlyObjectWrapper<BrowserNode> selected = new ReadOnlyObjectWrapper<>();
    private final ObservableList<InstanceEntry> shown = FXCollections.observableArrayList();
    private final ObservableList<InstanceEntry> readOnlyShown = FXCollections.unmodifiableObservableList(shown);
    private final ReadOnlyObjectWrapper<InstanceEntry> selectedInstance = new ReadOnlyObjectWrapper<>();
    private final ObservableList<String> failureLines = FXCollections.observableArrayList();
    private final ObservableList<String> readOnlyFailureLines = FXCollections.unmodifiableObservableList(failureLines);
    private final ReadOnlyStringWrapper failureTitle = new ReadOnlyStringWrapper("Could not read");
    private final ReadOnlyStringWrapper skippedText = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper anySkipped = new ReadOnlyBooleanWrapper(false);
    /** The file last asked for or shown: asking again (the second click of a double-click) does not reload it. */
    private Path requested;
    /** The file on display, as last revealed. */
    private Path displayed;
    /** A file on display that no scan has listed yet: it is selected once it is. */
    private Path toReveal;

    /**
     * @param found    the instances found so far, each file once; later additions are taken as they come
     * @param failures the files that could not be read, with their reasons
     * @param skipped  how many files were skipped as not DICOM
     * @param open     shows a file in the viewer
     */
    public BrowserViewModel(ObservableList<InstanceEntry> found, ObservableList<ScanSummary.Failure> failures,
                            ObservableIntegerValue skipped, Consumer<Path> open) {
        this.open = open;
        add(found);
        found.addListener((ListChangeListener<InstanceEntry>) c -> {
            while (c.next()) {
                if (c.wasAdded()) {
                    add(c.getAddedSubList());
                }
            }
        });
        failures.forEach(this::addFailure);
        failures.addListener((ListChangeListener<ScanSummary.Failure>) c -> {
            while (c.next()) {
                c.getAddedSubList().forEach(this::addFailure);
            }
        });
        showSkipped(skipped.get());
        skipped.addListener((o, was, now) -> showSkipped(now.intValue()));
    }

    /** The patients, in browsing order; new ones are inserted at their place. */
    public ObservableList<BrowserNode> patients() {
        return readOnlyPatients;
    }

    /** The chosen patient, study or series, whose instances are {@link #shownInstances()}. */
    public ReadOnlyObjectProperty<BrowserNode> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    /** The instances of the chosen node, in browsing order. */
    public ObservableList<InstanceEntry> shownInstances() {
        return readOnlyShown;
    }

    /** The instance on display or last clicked, if it is among those shown. */
    public ReadOnlyObjectProperty<InstanceEntry> selectedInstanceProperty() {
        return selectedInstance.getReadOnlyProperty();
    }

    /** One line per file that could not be read: its name and why. */
    public ObservableList<String> failureLines() {
        return readOnlyFailureLines;
    }

    /** "Could not read (3)". */
    public ReadOnlyStringProperty failureTitleProperty() {
        return failureTitle.getReadOnlyProperty();
    }

    /** "1 file skipped (not DICOM)", empty when none was. */
    public ReadOnlyStringProperty skippedTextProperty() {
        return skippedText.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty anySkippedProperty() {
        return anySkipped.getReadOnlyProperty();
    }

    /** Shows the instances of {@code node} without opening any (keyboard navigation in the tree). */
    public void select(BrowserNode node) {
        if (node == selected.get()) {
            return;
        }
        selected.set(node);
        shown.setAll(node == null ? List.of() : node.instances());
        selectedInstance.set(requested == null ? null : find(shown, requested));
    }

    /** Shows the instances of {@code node} and opens its first image (a click, a double-click or Enter on it). */
    public void open(BrowserNode node) {
        select(node);
        shown.stream().filter(InstanceEntry::hasPixelData).findFirst()
                .or(() -> shown.stream().findFirst())
                .ifPresent(this::open);
    }

    /** Selects and opens one instance (a click on its thumbnail, or Enter); the file on display is not reloaded. */
    public void open(InstanceEntry instance) {
        selectedInstance.set(instance);
        Path file = normal(instance.path());
        if (!file.equals(requested)) {
            requested = file;
            open.accept(instance.path());
        }
    }

    /** Opens the selected instance, if any (Enter in the grid). */
    public void openSelectedInstance() {
        InstanceEntry instance = selectedInstance.get();
        if (instance != null) {
            open(instance);
        }
    }

    /**
     * Selects the series holding {@code file} and the file in it: called whenever the viewer shows a file, however
     * it was opened. A file not listed yet is selected when a scan lists it.
     */
    public void reveal(Path file) {
        Path normal = normal(file);
        requested = normal;
        displayed = normal;
        Optional<ExamTree.Location> location = tree.find(normal);
        if (location.isEmpty()) {
            toReveal = normal;
            return;
        }
        toReveal = null;
        select(nodes.get(location.get().series()));
        selectedInstance.set(location.get().instance());
    }

    /** The files of the study that holds {@code file}, in browsing order; just {@code file} when none is listed. */
    public List<Path> studyFiles(Path file) {
        Optional<ExamTree.Location> location = tree.find(normal(file));
        if (location.isEmpty()) {
            return List.of(file);
        }
        List<Path> files = new ArrayList<>();
        for (ExamTree.Series series : location.get().study().seriesList()) {
            for (InstanceEntry instance : series.sortedInstances()) {
                files.add(instance.path());
            }
        }
        return files;
    }

    /**
     * The file last asked for could not be shown: asking for it again tries again, and the highlight goes back to
     * the file still on display, so that it marks what is shown rather than what failed.
     */
    public void openFailed() {
        requested = displayed;
        selectedInstance.set(displayed == null ? null
                : tree.find(displayed).map(ExamTree.Location::instance).orElse(null));
    }

    private void add(List<? extends InstanceEntry> found) {
        BrowserNode firstSeries = null;
        boolean shownGrew = false;
        BrowserNode current = selected.get();
        Set<BrowserNode> grown = new LinkedHashSet<>();
        for (InstanceEntry entry : found) {
            Optional<ExamTree.Added> added = tree.add(entry);
            if (added.isEmpty()) {
                continue;
            }
            BrowserNode series = place(added.get());
            grown.add(series);
            if (firstSeries == null) {
                firstSeries = series;
            }
            shownGrew |= current != null && current.contains(series);
        }
        // Counts in the labels change once per batch: each change lays a tree row out again.
        grown.forEach(BrowserNode::relabel);
        if (shownGrew) {
            // Once per batch, not per instance: the grid then lays out its thumbnails once.
            shown.setAll(current.instances());
        }
        if (toReveal != null && tree.find(toReveal).isPresent()) {
            reveal(toReveal);
        } else if (selected.get() == null && toReveal == null && firstSeries != null) {
            // Something to look at straight away, until the viewer shows a file and the selection follows it.
            select(firstSeries);
        }
    }

    /** Finds or makes the nodes of an added instance, each new one at its sorted place; returns its series. */
    private BrowserNode place(ExamTree.Added added) {
        ExamTree.Location at = added.location();
        BrowserNode patient = nodes.get(at.patient());
        if (added.newPatient()) {
            patient = BrowserNode.of(at.patient());
            nodes.put(at.patient(), patient);
            insertSorted(patients, patient, BrowserNode.PATIENT_ORDER);
        }
        BrowserNode study = nodes.get(at.study());
        if (added.newStudy()) {
            study = BrowserNode.of(patient, at.study());
            nodes.put(at.study(), study);
            patient.insert(study, BrowserNode.STUDY_ORDER);
        }
        BrowserNode series = nodes.get(at.series());
        if (added.newSeries()) {
            series = BrowserNode.of(study, at.series());
            nodes.put(at.series(), series);
            study.insert(series, BrowserNode.SERIES_ORDER);
        }
        return series;
    }

    private void addFailure(ScanSummary.Failure failure) {
        failureLines.add(failure.file().getFileName() + ": " + failure.reason());
        failureTitle.set("Could not read (" + failureLines.size() + ")");
    }

    private void showSkipped(int count) {
        anySkipped.set(count > 0);
        skippedText.set(count > 0 ? BrowserLabels.count(count, "file", "files") + " skipped (not DICOM)" : "");
    }

    private static InstanceEntry find(List<InstanceEntry> entries, Path file) {
        return entries.stream().filter(e -> normal(e.path()).equals(file)).findFirst().orElse(null);
    }

    private static Path normal(Path file) {
        return file.toAbsolutePath().normalize();
    }

    /** Inserts {@code item} after every element that sorts before or with it. */
    static <T> void insertSorted(List<T> list, T item, Comparator<? super T> order) {
        int at = Collections.binarySearch(list, item, order);
        list.add(at < 0 ? -at - 1 : at + 1, item);
    }
}
