package org.sonocine.ui;

import org.junit.jupiter.api.Test;
import org.sonocine.ui.StartupReport.Milestone;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class StartupReportTest {
    private static final long START = 1_000_000L;
    private final List<String> printed = new ArrayList<>();
    private final StartupReport report = new StartupReport(START, printed::add);

    @Test
    void printsEveryMilestoneInStartOrderOnceTheFrameIsDrawn() {
        report.reach(Milestone.FILE_READ, START + 700);
        report.reach(Milestone.JVM_READY, START + 120);
        report.reach(Milestone.TOOLKIT_UP, START + 450);
        report.reach(Milestone.WINDOW_SHOWN, START + 610);
        report.reach(Milestone.FRAME_IN_VIEW, START + 780);
        report.reach(Milestone.FRAME_PAINTED, START + 805);
        assertThat(printed).isEmpty();

        report.reach(Milestone.FRAME_DRAWN, START + 990);

        assertThat(printed).containsExactly("startup, ms since the process started: JVM ready 120, toolkit up 450,"
                + " window shown 610, file and first frame read 700, first frame in the view 780,"
                + " first frame painted 805, first frame drawn 990");
    }

    @Test
    void theFirstTimeAMilestoneIsReachedCounts() {
        report.reach(Milestone.WINDOW_SHOWN, START + 600);
        report.reach(Milestone.WINDOW_SHOWN, START + 900);

        assertThat(report.format()).contains("window shown 600,");
    }

    @Test
    void printsOnceAlthoughLaterFramesAreDrawnToo() {
        report.reach(Milestone.FRAME_DRAWN, START + 800);
        report.reach(Milestone.FRAME_DRAWN, START + 840);

        assertThat(printed).hasSize(1);
    }

    @Test
    void aMilestoneNotReachedShowsAsADash() {
        report.reach(Milestone.JVM_READY, START + 100);
        report.reach(Milestone.FRAME_DRAWN, START + 900);

        assertThat(printed.get(0)).contains("JVM ready 100, toolkit up -, window shown -, file and first frame read -,"
                + " first frame in the view -, first frame painted -, first frame drawn 900");
    }
}
