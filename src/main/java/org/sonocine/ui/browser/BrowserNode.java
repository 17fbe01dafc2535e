package org.sonocine.ui.browser;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.sonocine.study.ExamTree;
import org.sonocine.study.InstanceEntry;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A row of the exam browser's tree: a patient, a study or a series of the {@link ExamTree}, with its label and its
 * children in browsing order. Children are only ever inserted, each at its sorted place.
 */
public final class BrowserNode {
    /** The level of the tree a node stands for. */
    public enum Kind { PATIENT, STUDY, SERIES }

    static final Comparator<BrowserNode> PATIENT_ORDER = Comparator.comparing(n -> n.patient, ExamTree.PATIENT_ORDER);
    static final Comparator<BrowserNode> STUDY_ORDER = Comparator.comparing(n -> n.study, ExamTree.STUDY_ORDER);
    static final Comparator<BrowserNode> SERIES_ORDER = Comparator.comparing(n -> n.series, ExamTree.SERIES_ORDER);

    private final Kind kind;
    private final BrowserNode parent;
    private final ExamTree.Patient patient;
    private final ExamTree.Study study;
    private final ExamTree.Series series;
    private final ReadOnlyStringWrapper label = new ReadOnlyStringWrapper();
    private final ObservableList<BrowserNode> children = FXCollections.observableArrayList();
    private final ObservableList<BrowserNode> readOnlyChildren = FXCollections.unmodifiableObservableList(children);

    private BrowserNode(Kind kind, BrowserNode parent, ExamTree.Patient patient, ExamTree.Study study,
                        ExamTree.Series series) {
        this.kind = kind;
        this.parent = parent;
        this.patient = patient;
        this.study = study;
        this.series = series;
        relabel();
    }

    static BrowserNode of(ExamTree.Patient patient) {
        return new BrowserNode(Kind.PATIENT, null, patient, null, null);
    }

    static BrowserNode of(BrowserNode patient, ExamTree.Study study) {
        return new BrowserNode(Kind.STUDY, patient, null, study, null);
    }

    static BrowserNode of(BrowserNode study, ExamTree.Series series) {
        return new BrowserNode(Kind.SERIES, study, null, null, series);
    }

    public Kind kind() {
        return kind;
    }

    public String label() {
        return label.get();
    }

    public ReadOnlyStringProperty labelProperty() {
        return label.getReadOnlyProperty();
    }

    /** The studies of a patient or the series of a study, in browsing order; none for a series. */
    public ObservableList<BrowserNode> children() {
        return readOnlyChildren;
    }

    /** The instances under this node, series after series, in browsing order. */
    public List<InstanceEntry> instances() {
        if (series != null) {
            return series.sortedInstances();
        }
        List<InstanceEntry> all = new ArrayList<>();
        children.forEach(child -> all.addAll(child.instances()));
        return all;
    }

    /** Whether {@code node} is this node or lies under it. */
    public boolean contains(BrowserNode node) {
        for (BrowserNode n = node; n != null; n = n.parent) {
            if (n == this) {
                return true;
            }
        }
        return false;
    }

    BrowserNode parent() {
        return parent;
    }

    /** Puts {@code child} at its sorted place among the children. */
    void insert(BrowserNode child, Comparator<BrowserNode> order) {
        BrowserViewModel.insertSorted(children, child, order);
    }

    /** Updates the label, whose counts change as instances arrive. */
    void relabel() {
        label.set(switch (kind) {
            case PATIENT -> BrowserLabels.patient(patient);
            case STUDY -> BrowserLabels.study(study);
            case SERIES -> BrowserLabels.series(series);
        });
    }

    @Override
    public String toString() {
        return label();
    }
}
