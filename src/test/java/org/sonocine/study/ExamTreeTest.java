package org.sonocine.study;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sonocine.testing.Entries.entry;

/** The order a reader expects, kept by the tree itself, and each file once. */
class ExamTreeTest {
    private final ExamTree tree = new ExamTree();

    @Test
    void patientsAreInNameOrderIgnoringCaseThenByIdWithUnnamedOnesLast() {
        tree.add(entry("1").patient("", "P9").build());
        tree.add(entry("2").patient("baker", "P2").build());
        tree.add(entry("3").patient("Adams", "P7").build());
        tree.add(entry("4").patient("Baker", "P1").build());
        tree.add(entry("5").patient("carter", "P3").build());

        assertThat(tree.patients()).extracting(p -> p.name() + "/" + p.id())
                .containsExactly("Adams/P7", "Baker/P1", "baker/P2", "carter/P3", "/P9");
    }

    @Test
    void studiesAreNewestFirstByDateAndTimeWithUndatedOnesLast() {
        tree.add(entry("1").study("old", "20190105", "0900", "").build());
        tree.add(entry("2").study("undated", "", "", "Echo").build());
        tree.add(entry("3").study("morning", "20240301", "083000", "").build());
        tree.add(entry("4").study("evening", "20240301", "18", "").build());
        tree.add(entry("5").study("noon", "20240301", "120000.25", "").build());
        tree.add(entry("6").study("dotted", "2021.06.30", "", "").build());

        assertThat(tree.patients().get(0).studyList()).extracting(ExamTree.Study::uid)
                .containsExactly("evening", "noon", "morning", "dotted", "old", "undated");
    }

    @Test
    void seriesAreInNumberOrderWithUnnumberedOnesLast() {
        tree.add(entry("1").series("s700", 700, "").build());
        tree.add(entry("2").series("none", InstanceEntry.NO_NUMBER, "").build());
        tree.add(entry("3").series("s2", 2, "").build());
        tree.add(entry("4").series("s1", 1, "").build());

        assertThat(tree.patients().get(0).studyList().get(0).seriesList()).extracting(ExamTree.Series::uid)
                .containsExactly("s1", "s2", "s700", "none");
    }

    @Test
    void instancesAreInNumberOrderThenByFile() {
        tree.add(entry("b.dcm").number(7).build());
        tree.add(entry("c.dcm").number(InstanceEntry.NO_NUMBER).build());
        tree.add(entry("z.dcm").number(2).build());
        tree.add(entry("a.dcm").number(2).build());
        tree.add(entry("d.dcm").number(4).build());

        List<InstanceEntry> instances = tree.patients().get(0).studyList().get(0).seriesList().get(0)
                .sortedInstances();
        assertThat(instances).extracting(e -> e.path().getFileName().toString())
                .containsExactly("a.dcm", "z.dcm", "d.dcm", "b.dcm", "c.dcm");
    }

    @Test
    void aFileAddedAgainIsListedOnce() {
        assertTrue(tree.add(entry("a.dcm").build()).isPresent());
        InstanceEntry again = entry("a.dcm").build();
        InstanceEntry samePlace = new InstanceEntry(Path.of("exams/sub/../a.dcm"), again.patientId(),
                again.patientName(), again.studyUid(), again.studyDate(), again.studyTime(), again.studyDescription(),
                again.seriesUid(), again.seriesNumber(), again.seriesDescription(), again.modality(),
                again.sopClassUid(), again.sopInstanceUid(), again.instanceNumber(), again.frames(),
                again.hasPixelData(), again.problem());

        assertThat(tree.add(again)).isEmpty();
        assertThat(tree.add(samePlace)).isEmpty();
        assertEquals(1, tree.instanceCount());
        assertEquals(1, tree.patients().get(0).studyList().get(0).seriesList().get(0).instances().size());
    }

    @Test
    void addingSaysWhichLevelsAreNew() {
        ExamTree.Added first = tree.add(entry("a").build()).orElseThrow();
        ExamTree.Added sameSeries = tree.add(entry("b").number(2).build()).orElseThrow();
        ExamTree.Added newSeries = tree.add(entry("c").series("other", 2, "").build()).orElseThrow();

        assertThat(List.of(first.newPatient(), first.newStudy(), first.newSeries())).containsOnly(true);
        assertThat(List.of(sameSeries.newPatient(), sameSeries.newStudy(), sameSeries.newSeries())).containsOnly(false);
        assertThat(List.of(newSeries.newPatient(), newSeries.newStudy(), newSeries.newSeries()))
                .containsExactly(false, false, true);
    }

    @Test
    void aFileIsFoundWhateverFormItsPathTakes() {
        InstanceEntry e = entry("a.dcm").series("s3", 3, "").build();
        tree.add(e);

        ExamTree.Location at = tree.find(Path.of("exams/x/../a.dcm").toAbsolutePath()).orElseThrow();
        assertEquals("s3", at.series().uid());
        assertEquals(e, at.instance());
        assertThat(tree.find(Path.of("exams/b.dcm"))).isEmpty();
    }
}
