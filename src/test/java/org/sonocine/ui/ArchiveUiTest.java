package org.sonocine.ui;

import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sonocine.testing.OrthancServer;
import org.sonocine.testing.RequiresOrthanc;
import org.sonocine.testing.RequiresSamples;
import org.sonocine.testing.Samples;
import org.sonocine.ui.remote.ArchiveSettings;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** File › Connect to Archive… against a real Orthanc: a search fills the browser, and a click plays the cine. */
@RequiresOrthanc
@RequiresSamples
@ExtendWith(ApplicationExtension.class)
class ArchiveUiTest {
    private static final String NODE = "org/sonocine/test-archive-ui";
    private static OrthancServer orthanc;
    @TempDir
    static Path cache;
    private TestWindow test;

    @BeforeAll
    static void startArchive() throws Exception {
        orthanc = OrthancServer.start(false);
        orthanc.upload(Samples.file("examples_ybr_color.dcm"));
    }

    @AfterAll
    static void stopArchive() {
        orthanc.close();
    }

    @Start
    void start(Stage stage) {
        test = TestWindow.showWithArchives(stage, NODE, cache);
    }

    @AfterEach
    void stop(FxRobot robot) throws BackingStoreException {
        robot.interact(() -> {
            if (test.window.archiveDialog() != null) {
                test.window.archiveDialog().stage().hide();
            }
        });
        test.close();
    }

    @Test
    void aSearchFillsTheBrowserAndTheCinePlaysFromTheArchiveWithoutAFileToExport(FxRobot robot) throws Exception {
        robot.interact(() -> test.window.showArchive());
        robot.interact(() -> {
            robot.lookup("#archiveUrl").queryAs(TextField.class).setText(orthanc.dicomWeb().toString());
            robot.lookup("#archiveName").queryAs(javafx.scene.control.ComboBox.class).getEditor()
                    .setText("Ward archive");
        });
        robot.clickOn("#archiveSearch");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                () -> "Listed 1 study, 1 instance".equals(robot.lookup("#archiveStatus").queryAs(Label.class)
                        .getText()));
        assertEquals(1, test.vm.instances().size());

        robot.interact(() -> test.window.archiveDialog().stage().hide());
        robot.interact(() -> test.vm.openInstance(test.vm.instances().get(0).path()));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> test.vm.currentProperty().get() != null);

        LoadedInstance shown = test.vm.currentProperty().get();
        assertEquals(30, shown.frameCount());
        assertTrue(shown.firstFrame() != null, "the first frame is on screen");
        assertTrue(shown.title().endsWith(" (archive)"), "named as listed, not by its cache folder: "
                + shown.title());
        assertTrue(test.window.exportItem().isDisable(), "an archive's image has no file to export from");
        ArchiveSettings.Archive kept = new ArchiveSettings(Preferences.userRoot().node(NODE + "-archives"))
                .archives().get(0);
        assertEquals("Ward archive", kept.name());
        assertEquals("", kept.savedSecret(), "nothing secret kept unless asked");
    }
}
