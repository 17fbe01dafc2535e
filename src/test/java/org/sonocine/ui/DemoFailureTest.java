package org.sonocine.ui;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What the status line says when the demo cine cannot be written: a reason, not the path the system tried. */
class DemoFailureTest {
    @Test
    void aMissingTemporaryFolderIsSaidInWords() {
        assertEquals("Could not write the demo cine: no such file",
                ViewerApp.demoFailure(new NoSuchFileException("/tmp/missing/sonocine-demo-2930045523838633009")));
    }

    @Test
    void theSystemsReasonIsGivenWithoutThePath() {
        assertEquals("Could not write the demo cine: No space left on device",
                ViewerApp.demoFailure(new FileSystemException("/tmp/sonocine-demo-1/demo cine.dcm", null,
                        "No space left on device")));
    }

    @Test
    void aFailureWithoutAMessageStillGivesAReason() {
        assertEquals("Could not write the demo cine: it failed without giving a reason (IOException)",
                ViewerApp.demoFailure(new IOException()));
    }
}
