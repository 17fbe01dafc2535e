package org.sonocine.ui.browser;

import javafx.beans.property.SimpleIntegerProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.junit.jupiter.api.Test;
import org.sonocine.study.InstanceEntry;
import org.sonocine.study.ScanSummary;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.sonocine.testing.Entries.entry;

/** The exam browser with no toolkit: fed scan results as the viewer feeds it, clicked as a user clicks it. */
class BrowserViewModelTest {
    private final ObservableList<InstanceEntry> found = FXCollections.observableArrayList();
    private final ObservableList<ScanSummary.Failure> failures = FXCollections.observableArrayList();
    private final SimpleIntegerProperty skipped = new SimpleIntegerProperty();
    private final List<Path> opened = new ArrayList<>();
    private final BrowserViewModel browser = new BrowserViewModel(found, failures, skipped, opened::add);

    private static List<String> labels(List<BrowserNode> nodes) {
        return nodes.stream().map(BrowserNode::label).toList();
    }

    private BrowserNode patient(int index) {
        return browser.patients().get(index);
    }

    private static List<String> files(List<InstanceEntry> entries) {
        return entries.stream().map(e -> e.path().getFileName().toString()).toList();
    }

    @Test
    void patientsAreListedByNameWhicheverIsFoundFirst() {
        found.add(entry("1").patient("carter", "C").build());
        found.addAll(entry("2").patient("Adams", "A").build(), entry("3").patient("Baker", "B2").build());
        found.add(entry("4").patient("baker", "B1").build());

        assertThat(labels(browser.patients())).containsExactly("Adams · A", "baker · B1", "Baker · B2", "carter · C");
    }

    @Test
    void studiesAreListedNewestFirstWithUndatedOnesLast() {
        found.add(entry("1").study("old", "20190105", "", "Old echo").build());
        found.add(entry("2").study("undated", "", "", "").build());
        found.add(entry("3").study("new", "20240301", "143012", "Stress echo").build());
        found.add(entry("4").study("earlier", "20240301", "0815", "").build());

        assertThat(labels(patient(0).children())).containsExactly("2024-03-01 14:30 · Stress echo",
                "2024-03-01 08:15", "2019-01-05 · Old echo", "Undated study");
    }

    @Test
    void seriesAreListedByNumberWithCountsOfTheirInstances() {
        found.add(entry("a").series("s700", 700, "Loops").build());
        found.add(entry("b").series("s2", 2, "").build());
        found.addAll(entry("c").series("s1", 1, "Apical").number(1).build(),
                entry("d").series("s1", 1, "Apical").number(2).build(),
                entry("e").series("s1", 1, "Apical").number(3).build());
        found.add(entry("f").series("none", InstanceEntry.NO_NUMBER, "").build());

        assertThat(labels(patient(0).children().get(0).children())).containsExactly(
                "Series 1 · US · Apical · 3 instances", "Series 2 · US · 1 instance",
                "Series 700 · US · Loops · 1 instance", "Series ? · US · 1 instance");
    }

    @Test
    void aSeriesShowsItsInstancesByNumberAndTakesLaterOnesInOrder() {
        found.addAll(entry("seven").number(7).build(), entry("four").number(4).build());
        BrowserNode series = patient(0).children().get(0).children().get(0);
        browser.select(series);
        found.add(entry("two").number(2).build());
        found.add(entry("unnumbered").number(InstanceEntry.NO_NUMBER).build());

        assertThat(files(browser.shownInstances())).containsExactly("two", "four", "seven", "unnumbered");
        assertEquals("Series 1 · US · 4 instances", series.label(), "the count follows");
    }

    @Test
    void missingValuesReadAsWords() {
        found.add(entry("a").patient("", "").study("s", "", "", "Carotid").number(InstanceEntry.NO_NUMBER)
                .build());

        assertEquals("(no name)", patient(0).label());
        assertEquals("Undated study · Carotid", patient(0).children().get(0).label());
        assertEquals("#?", BrowserLabels.instance(browser.shownInstances().get(0)));
    }

    @Test
    void aFileFoundAgainIsListedOnce() {
        InstanceEntry e = entry("a.dcm").build();
        found.add(e);
        found.add(e);
        found.add(entry("x/../a.dcm").build());

        BrowserNode series = patient(0).children().get(0).children().get(0);
        assertEquals(1, series.instances().size());
        assertEquals("Series 1 · US · 1 instance", series.label());
        assertThat(browser.shownInstances()).containsExactly(e);
    }

    @Test
    void clickingASeriesOpensItsFirstImage() {
        found.addAll(entry("report").series("s1", 1, "").number(1).noPixelData().build(),
                entry("third").series("s1", 1, "").number(3).build(),
                entry("second").series("s1", 1, "").number(2).build(),
                entry("other").series("s2", 2, "").number(1).build());
        BrowserNode first = patient(0).children().get(0).children().get(0);
        BrowserNode second = patient(0).children().get(0).children().get(1);
        browser.select(second);

        browser.open(first);

        assertSame(first, browser.selectedProperty().get());
        assertThat(files(browser.shownInstances())).containsExactly("report", "second", "third");
        assertThat(opened).extracting(p -> p.getFileName().toString()).containsExactly("second");
        assertEquals("second", browser.selectedInstanceProperty().get().path().getFileName().toString());
    }

    @Test
    void selectingWithoutClickingOpensNothing() {
        found.addAll(entry("a").series("s1", 1, "").build(), entry("b").series("s2", 2, "").build());

        browser.select(patient(0).children().get(0).children().get(1));

        assertThat(files(browser.shownInstances())).containsExactly("b");
        assertThat(opened).isEmpty();
    }

    @Test
    void clickingAnInstanceOpensItOnceHoweverOftenItIsClicked() {
        InstanceEntry a = entry("a").number(1).build();
        InstanceEntry b = entry("b").number(2).build();
        found.addAll(a, b);

        browser.open(b);
        browser.open(b);
        browser.open(a);

        assertThat(opened).containsExactly(b.path(), a.path());
        assertSame(a, browser.selectedInstanceProperty().get());
    }

    @Test
    void anImageThatCouldNotBeShownIsTriedAgainWhenClickedAgain() {
        InstanceEntry shown = entry("shown").number(1).build();
        InstanceEntry broken = entry("broken").number(2).build();
        found.addAll(shown, broken);
        browser.reveal(shown.path());

        browser.open(broken);
        browser.openFailed();
        assertSame(shown, browser.selectedInstanceProperty().get(), "the highlight marks the file on display");
        browser.open(broken);
        browser.openFailed();
        browser.open(shown);

        assertThat(opened).as("tried twice; the image on display is not reloaded")
                .containsExactly(broken.path(), broken.path());
    }

    @Test
    void theSelectionFollowsTheFileOnDisplay() {
        InstanceEntry shown = entry("shown.dcm").series("s2", 2, "").number(5).build();
        found.addAll(entry("a").series("s1", 1, "").build(), shown, entry("b").series("s2", 2, "").build());
        browser.select(patient(0).children().get(0).children().get(0));

        browser.reveal(Path.of("exams", "shown.dcm").toAbsolutePath());

        assertEquals("Series 2 · US · 2 instances", browser.selectedProperty().get().label());
        assertSame(shown, browser.selectedInstanceProperty().get());
        assertThat(opened).as("revealing opens nothing").isEmpty();
        browser.open(shown);
        assertThat(opened).as("the file on display is not loaded again").isEmpty();
    }

    @Test
    void aFileShownBeforeTheScanListsItIsSelectedWhenItIs() {
        found.add(entry("a").series("s1", 1, "").build());
        browser.reveal(Path.of("exams", "late.dcm"));
        assertEquals("Series 1 · US · 1 instance", browser.selectedProperty().get().label(),
                "until then the first series found stays chosen");

        InstanceEntry late = entry("late.dcm").patient("Zed", "Z").series("s9", 9, "").build();
        found.add(late);

        assertEquals("Series 9 · US · 1 instance", browser.selectedProperty().get().label());
        assertSame(late, browser.selectedInstanceProperty().get());
    }

    @Test
    void aPatientShowsTheInstancesOfAllItsSeriesInOrder() {
        found.addAll(entry("old").study("old", "20200101", "", "").build(),
                entry("new-2").study("new", "20240101", "", "").series("n2", 2, "").build(),
                entry("new-1").study("new", "20240101", "", "").series("n1", 1, "").build());
        browser.select(patient(0));
        found.add(entry("new-1b").study("new", "20240101", "", "").series("n1", 1, "").number(2).build());

        assertThat(files(browser.shownInstances())).containsExactly("new-1", "new-1b", "new-2", "old");
    }

    @Test
    void filesThatCouldNotBeReadAreListedWithTheirReasonsAndSkippedOnesCounted() {
        assertFalse(browser.anySkippedProperty().get());
        failures.add(new ScanSummary.Failure(Path.of("exams", "cut.dcm"), "Pixel Data is cut short"));
        skipped.set(1);
        assertEquals("1 file skipped (not DICOM)", browser.skippedTextProperty().get());
        skipped.set(3);

        assertThat(browser.failureLines()).containsExactly("cut.dcm: Pixel Data is cut short");
        assertEquals("Could not read (1)", browser.failureTitleProperty().get());
        assertEquals("3 files skipped (not DICOM)", browser.skippedTextProperty().get());
    }

    @Test
    void largeCountsHaveThousandsSeparatorsAsInTheStatusLine() {
        skipped.set(12345);
        assertEquals("12,345 files skipped (not DICOM)", browser.skippedTextProperty().get());
    }

    @Test
    void nothingIsSelectedBeforeAnythingIsFound() {
        assertNull(browser.selectedProperty().get());
        assertThat(browser.shownInstances()).isEmpty();
        found.add(entry("a").build());
        assertEquals("Series 1 · US · 1 instance", browser.selectedProperty().get().label(),
                "the first series found is chosen, so its thumbnails show at once");
        assertThat(opened).isEmpty();
    }

    @Test
    void theFilesOfAStudyComeInBrowsingOrderAndAFileNotListedStandsAlone() {
        found.addAll(entry("a").study("s1", "20240301", "", "").series("two", 2, "").number(1).build(),
                entry("b").study("s1", "20240301", "", "").series("one", 1, "").number(2).build(),
                entry("c").study("s1", "20240301", "", "").series("one", 1, "").number(1).build(),
                entry("d").study("s2", "20240302", "", "").series("three", 1, "").build());

        assertEquals(List.of("c", "b", "a"), names(browser.studyFiles(Path.of("exams", "b"))));
        assertEquals(List.of("d"), names(browser.studyFiles(Path.of("exams", "d"))));
        assertEquals(List.of(Path.of("elsewhere.dcm")), browser.studyFiles(Path.of("elsewhere.dcm")));
    }

    private static List<String> names(List<Path> files) {
        return files.stream().map(p -> p.getFileName().toString()).toList();
    }
}
