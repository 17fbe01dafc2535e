package org.sonocine.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sonocine.dicom.Attributes;
import org.sonocine.dicom.DicomWriter;
import org.sonocine.dicom.Tag;
import org.sonocine.dicom.TransferSyntax;
import org.sonocine.dicom.VR;
import org.sonocine.testing.ImageHeaders;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Short commands run as a user starts them, in a JVM of their own with JavaFX on the class path: they must not load
 * a single JavaFX class (starting the toolkit's classes costs a short command most of its time).
 */
class CommandLineStartTest {
    private static final Pattern JAVAFX_CLASS = Pattern.compile("(?m)class,load\\] (javafx|com\\.sun\\.javafx)\\.");

    @Test
    void infoLoadsNoJavaFxClass(@TempDir Path dir) throws Exception {
        String log = classLoadLog(List.of("info", header(dir.resolve("a.dcm")).toString()));

        assertThat(log).contains("org.sonocine.cli.InfoCommand source:").contains("Modality");
        assertThat(JAVAFX_CLASS.matcher(log).find()).as("a JavaFX class was loaded").isFalse();
    }

    @Test
    void scanLoadsNoJavaFxClass(@TempDir Path dir) throws Exception {
        header(dir.resolve("a.dcm"));
        header(dir.resolve("b.dcm"));

        String log = classLoadLog(List.of("scan", dir.toString()));

        assertThat(log).contains("org.sonocine.cli.ScanCommand source:").contains("2 instances");
        assertThat(JAVAFX_CLASS.matcher(log).find()).as("a JavaFX class was loaded").isFalse();
    }

    private static Path header(Path file) throws IOException {
        Attributes ds = ImageHeaders.of(2, 2, 1, 8, "MONOCHROME2", 1);
        ds.setString(Tag.Modality, VR.CS, "US");
        ds.setString(Tag.SOPInstanceUID, VR.UI, "2.25." + Math.abs(file.getFileName().toString().hashCode()));
        ds.set(Tag.PixelData, VR.OB, new byte[4]);
        new DicomWriter(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN).writeFile(file, ds);
        return file;
    }

    /** Runs the program's entry point on {@code args} in a new JVM, and returns its output with the class-load log. */
    private static String classLoadLog(List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xlog:class+load", "-cp", System.getProperty("java.class.path"), "org.sonocine.Main"));
        command.addAll(args);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the command did not end");
        String log = new String(output, StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), log);
        return log;
    }
}
