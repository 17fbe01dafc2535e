package org.sonocine.ui;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The output name follows the chosen format. */
class ExportDialogTest {
    @Test
    void aFileGetsTheFormatsExtensionAndAFolderOfFramesNone() {
        Path dir = Path.of("exports");
        assertEquals(dir.resolve("echo.gif"), ExportDialog.withFormat(dir.resolve("echo.mp4"), ExportTarget.GIF));
        assertEquals(dir.resolve("echo.mp4"), ExportDialog.withFormat(dir.resolve("echo"), ExportTarget.MP4));
        assertEquals(dir.resolve("echo"), ExportDialog.withFormat(dir.resolve("echo.GIF"), ExportTarget.PNG));
        assertEquals(dir.resolve("echo.v2.gif"), ExportDialog.withFormat(dir.resolve("echo.v2"), ExportTarget.GIF));
        assertEquals(dir.resolve("echo"), ExportDialog.withFormat(dir.resolve("echo.gif"), ExportTarget.DICOM));
    }
}
