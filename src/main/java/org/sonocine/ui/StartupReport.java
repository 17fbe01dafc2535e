package org.sonocine.ui;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.stage.Window;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;

import java.lang.management.ManagementFactory;
import java.util.EnumMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.Consumer;

/**
 * How long the viewer took to start, printed once the first frame is on screen when it runs with
 * {@code -Dsonocine.startupReport=true}: the milliseconds from the start of the process (the first one, when
 * {@code java -jar} relaunches itself with the viewer's options) to each milestone. Lets anyone see on their own
 * machine what a double-click on a file costs, and which step dominates.
 */
final class StartupReport {
    static final String PROPERTY = "sonocine.startupReport";
    /** When the JVM that was started first began, epoch milliseconds; passed on by a relaunch. */
    static final String PROCESS_START = "sonocine.processStart";

    /**
     * The steps from a double-click to a picture, in the order a start passes them when the file opens slowly; the
     * file, opened once the toolkit is up, is often read while the window is being shown.
     */
    enum Milestone {
        JVM_READY("JVM ready"),
        TOOLKIT_UP("toolkit up"),
        WINDOW_SHOWN("window shown"),
        /** The file's header read and its first frame decoded. */
        FILE_READ("file and first frame read"),
        /** The first frame handed to the view, which paints it at the next pulse. */
        FRAME_IN_VIEW("first frame in the view"),
        FRAME_PAINTED("first frame painted"),
        /**
         * The renderer has drawn it: on the screen as soon as the JavaFX thread is back in the toolkit's event loop,
         * which the viewer leaves it free for (see {@link LayoutPulses#afterRendered}).
         */
        FRAME_DRAWN("first frame drawn");

        private final String words;

        Milestone(String words) {
            this.words = words;
        }
    }

    private static volatile StartupReport current;

    private final long processStartMillis;
    private final Consumer<String> out;
    private final Map<Milestone, Long> reached = new EnumMap<>(Milestone.class);
    private boolean printed;

    StartupReport(long processStartMillis, Consumer<String> out) {
        this.processStartMillis = processStartMillis;
        this.out = out;
    }

    /** Starts the report if the system property asks for it; {@code mainEnteredMillis} is when main began. */
    static void startIfAsked(long mainEnteredMillis) {
        if (Boolean.getBoolean(PROPERTY)) {
            StartupReport report = new StartupReport(processStartMillis(), System.err::println);
            report.reach(Milestone.JVM_READY, mainEnteredMillis);
            current = report;
        }
    }

    /** Notes that a start reached {@code milestone} now; does nothing unless the report was asked for. */
    static void mark(Milestone milestone) {
        StartupReport report = current;
        if (report != null) {
            report.reach(milestone, System.currentTimeMillis());
        }
    }

    /**
     * Notes the first frame as in the view now, and as painted at the next pulse of {@code node}'s scene, the one that
     * hands it to the renderer; does nothing unless the report was asked for.
     */
    static void frameShownIn(Node node) {
        StartupReport report = current;
        if (report == null || report.isPrinted()) {
            return;
        }
        report.reach(Milestone.FRAME_IN_VIEW, System.currentTimeMillis());
        // A frame set before its window is shown (as the file opened ahead is) is painted with the window, and its
        // view may join the scene only as the window's controls get their skins.
        whenInScene(node, scene -> whenShown(scene, () -> paintedAtNextPulse(report, scene)));
    }

    private static void paintedAtNextPulse(StartupReport report, Scene scene) {
        LayoutPulses.afterNext(scene, () -> {
            if (report.hasReached(Milestone.WINDOW_SHOWN)) {
                report.reach(Milestone.FRAME_PAINTED, System.currentTimeMillis());
                LayoutPulses.afterRendered(() -> report.reach(Milestone.FRAME_DRAWN, System.currentTimeMillis()));
            } else {
                // a layout inside Stage.show: the pulse that paints comes after it
                paintedAtNextPulse(report, scene);
            }
        });
    }

    private static void whenInScene(Node node, Consumer<Scene> then) {
        if (node.getScene() != null) {
            then.accept(node.getScene());
            return;
        }
        node.sceneProperty().addListener(new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends Scene> o, Scene was, Scene now) {
                if (now != null) {
                    node.sceneProperty().removeListener(this);
                    then.accept(now);
                }
            }
        });
    }

    private static void whenShown(Scene scene, Runnable then) {
        Window window = scene.getWindow();
        if (window == null) {
            scene.windowProperty().addListener(new ChangeListener<>() {
                @Override
                public void changed(ObservableValue<? extends Window> o, Window was, Window now) {
                    if (now != null) {
                        scene.windowProperty().removeListener(this);
                        whenShown(scene, then);
                    }
                }
            });
        } else if (window.isShowing()) {
            then.run();
        } else {
            window.showingProperty().addListener(new ChangeListener<>() {
                @Override
                public void changed(ObservableValue<? extends Boolean> o, Boolean was, Boolean showing) {
                    if (showing) {
                        window.showingProperty().removeListener(this);
                        then.run();
                    }
                }
            });
        }
    }

    private synchronized boolean hasReached(Milestone milestone) {
        return reached.containsKey(milestone);
    }

    private synchronized boolean isPrinted() {
        return printed;
    }

    /** The first time each milestone is reached counts; reaching the drawn frame prints the report, once. */
    synchronized void reach(Milestone milestone, long epochMillis) {
        reached.putIfAbsent(milestone, epochMillis);
        if (milestone == Milestone.FRAME_DRAWN && !printed) {
            printed = true;
            out.accept(format());
        }
    }

    /** One line, the milestones in order, "-" for one not reached (a file that could not be read, say). */
    synchronized String format() {
        StringJoiner line = new StringJoiner(", ", "startup, ms since the process started: ", "");
        for (Milestone milestone : Milestone.values()) {
            Long at = reached.get(milestone);
            line.add(milestone.words + " " + (at == null ? "-" : Long.toString(at - processStartMillis)));
        }
        return line.toString();
    }

    private static long processStartMillis() {
        Long passedOn = Long.getLong(PROCESS_START);
        if (passedOn != null) {
            return passedOn;
        }
        // the JVM's own start, to the millisecond; the operating system's process start time is only as exact as
        // its boot time, a whole second on Linux
        return ManagementFactory.getRuntimeMXBean().getStartTime();
    }
}
