package org.sonocine.ui;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ViewerLauncherTest {
    private String before;

    @BeforeEach
    void remember() {
        before = System.getProperty(ViewerLauncher.JAVAFX_CACHE_DIR);
    }

    @AfterEach
    void restore() {
        if (before == null) {
            System.clearProperty(ViewerLauncher.JAVAFX_CACHE_DIR);
        } else {
            System.setProperty(ViewerLauncher.JAVAFX_CACHE_DIR, before);
        }
    }

    @Test
    void javaFxUnpacksItsLibrariesIntoTheUsersCacheFolder() {
        System.clearProperty(ViewerLauncher.JAVAFX_CACHE_DIR);

        ViewerLauncher.keepJavaFxCacheIn(Path.of("/home/echo/.cache/sonocine/openjfx"));

        assertThat(System.getProperty(ViewerLauncher.JAVAFX_CACHE_DIR)).isEqualTo("/home/echo/.cache/sonocine/openjfx");
    }

    @Test
    void aCacheFolderChosenOnTheCommandLineIsKept() {
        System.setProperty(ViewerLauncher.JAVAFX_CACHE_DIR, "/chosen");

        ViewerLauncher.keepJavaFxCacheIn(Path.of("/home/echo/.cache/sonocine/openjfx"));

        assertThat(System.getProperty(ViewerLauncher.JAVAFX_CACHE_DIR)).isEqualTo("/chosen");
    }
}
