package org.sonocine.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The Linux package's start script (installer/linux/sonocine) tells the viewer from the commands by the first
 * argument, before any Java runs, to give each its archive and compilation: it must know every command. For the
 * viewer it also reads the note of a display that gave JavaFX no OpenGL (ui.SoftwareRenderingMemory).
 */
class LauncherScriptTest {
    private static final Path SCRIPT = Path.of("installer", "linux", "sonocine");
    private static final Pattern KIND = Pattern.compile("(?m)^\\s+([\\w|-]+)\\) kind=(short|command) ;;$");

    @Test
    void theScriptKnowsEveryCommandOnce() throws IOException {
        List<String> named = new ArrayList<>();
        for (Matcher m = KIND.matcher(Files.readString(SCRIPT)); m.find(); ) {
            for (String name : m.group(1).split("\\|")) {
                if (!name.startsWith("-")) {
                    named.add(name);
                }
            }
        }

        assertThat(named).containsExactlyInAnyOrderElementsOf(SonocineCli.COMMANDS);
    }

    @Test
    void theScriptTreatsHelpAndVersionAsShortCommands() throws IOException {
        Matcher m = KIND.matcher(Files.readString(SCRIPT));
        List<String> shortOnes = new ArrayList<>();
        while (m.find()) {
            if (m.group(2).equals("short")) {
                shortOnes.addAll(List.of(m.group(1).split("\\|")));
            }
        }

        assertThat(shortOnes).contains("info", "scan", "-h", "--help", "-V", "--version");
        for (String option : List.of("-h", "--help", "-V", "--version")) {
            assertThat(SonocineCli.isCommandLine(option)).as(option).isTrue();
        }
    }

    @TempDir
    Path dir;

    @Test
    void theViewerIsToldWhereToKeepTheRenderingNoteAndTriesOpenGlWithoutOne() throws Exception {
        Run run = runScript(Map.of(), "exam.dcm");

        assertThat(run.arguments()).contains("-Dsonocine.renderingMemory=" + note())
                .noneMatch(a -> a.startsWith("-Dprism.order"));
        assertThat(run.gdkGl()).isEmpty();
    }

    @Test
    void aDisplayNotedForSoftwareRenderingStartsInSoftwareWithoutGtkLoadingOpenGl() throws Exception {
        writeNote(":5");

        Run run = runScript(Map.of(), "exam.dcm");

        assertThat(run.arguments()).contains("-Dprism.order=sw", "-Dsonocine.renderingRemembered=true",
                "-Dsonocine.renderingMemory=" + note(), "exam.dcm");
        assertThat(run.gdkGl()).isEqualTo("disable");
    }

    @Test
    void theNoteOfAnotherDisplayIsNotThisOnes() throws Exception {
        writeNote(":0");

        Run run = runScript(Map.of(), "exam.dcm");

        assertThat(run.arguments()).noneMatch(a -> a.startsWith("-Dprism.order"));
        assertThat(run.gdkGl()).isEmpty();
    }

    @Test
    void aDisplayWhoseNameWouldNotMakeAFileNameIsNotRemembered() throws Exception {
        for (String display : List.of("", "unix/:0", "../:5", "a b:0")) {
            Run run = runScript(Map.of("DISPLAY", display), "exam.dcm");

            assertThat(run.arguments()).as(display).noneMatch(a -> a.contains("rendering") || a.startsWith("-Dprism"));
        }
    }

    @Test
    void theUsersChoiceOfPipelinesAndOfGdkGlStands() throws Exception {
        writeNote(":5");

        Run chosen = runScript(Map.of("JDK_JAVA_OPTIONS", "-Dprism.order=es2"), "exam.dcm");
        Run gdk = runScript(Map.of("GDK_GL", "always"), "exam.dcm");

        assertThat(chosen.arguments()).noneMatch(a -> a.startsWith("-Dprism.order"));
        assertThat(gdk.arguments()).contains("-Dprism.order=sw");
        assertThat(gdk.gdkGl()).isEqualTo("always");
    }

    @Test
    void theNoteLivesInXdgCacheHomeWhenThatIsAnAbsoluteFolder() throws Exception {
        Path cache = dir.resolve("xdg-cache");

        Run absolute = runScript(Map.of("XDG_CACHE_HOME", cache.toString()), "exam.dcm");
        Run relative = runScript(Map.of("XDG_CACHE_HOME", "relative"), "exam.dcm");

        assertThat(absolute.arguments()).contains(
                "-Dsonocine.renderingMemory=" + cache.resolve("sonocine").resolve("software-rendering-" + host() + "-:5"));
        assertThat(relative.arguments()).contains("-Dsonocine.renderingMemory=" + note());
    }

    @Test
    void aCacheFolderWithALineEndInItsNameGivesNoNote() throws Exception {
        Run run = runScript(Map.of("XDG_CACHE_HOME", dir.resolve("a\nb").toString()), "exam.dcm");

        // The script splits its options at line ends: such a path would become an argument of its own.
        assertThat(run.arguments()).noneMatch(a -> a.contains("rendering")).endsWith("exam.dcm");
    }

    @Test
    void commandsNeitherReadNorKeepTheNote() throws Exception {
        writeNote(":5");

        Run run = runScript(Map.of(), "info", "exam.dcm");

        assertThat(run.arguments()).noneMatch(a -> a.startsWith("-Dprism.order") || a.contains("rendering"));
        assertThat(run.gdkGl()).isEmpty();
    }

    @Test
    void theViewerCompilesLaterAndShortCommandsWithTheQuickCompilerOnly() throws Exception {
        assertThat(runScript(Map.of(), "exam.dcm").arguments()).contains("-XX:CompileThresholdScaling=5")
                .doesNotContain("-XX:TieredStopAtLevel=1");
        assertThat(runScript(Map.of(), "scan", "folder").arguments()).contains("-XX:TieredStopAtLevel=1")
                .noneMatch(a -> a.startsWith("-XX:CompileThresholdScaling"));
        assertThat(runScript(Map.of(), "export", "exam.dcm").arguments())
                .noneMatch(a -> a.startsWith("-XX:CompileThresholdScaling") || a.startsWith("-XX:TieredStopAtLevel"));
    }

    private Path home() {
        return dir.resolve("home");
    }

    private Path note() throws IOException {
        return note(":5");
    }

    private Path note(String display) throws IOException {
        return home().resolve(".cache").resolve("sonocine").resolve("software-rendering-" + host() + "-" + display);
    }

    /** The machine's name as the script reads it, which names the note together with the display. */
    private static String host() throws IOException {
        Path hostname = Path.of("/proc/sys/kernel/hostname");
        assumeTrue(Files.isReadable(hostname), "needs Linux's /proc");
        return Files.readString(hostname).strip();
    }

    private void writeNote(String display) throws IOException {
        Files.createDirectories(note(display).getParent());
        Files.writeString(note(display), "");
    }

    /** What the script passed to java (one argument a line) and the GDK_GL it exported. */
    private record Run(List<String> arguments, String gdkGl) {
    }

    /**
     * Runs the script as installed, in a copy of the package's layout whose java only reports what it was given,
     * with DISPLAY=:5 and a home of its own.
     */
    private Run runScript(Map<String, String> environment, String... args) throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "needs a POSIX shell");
        Path app = dir.resolve("opt").resolve("lib").resolve("app");
        Path java = dir.resolve("opt").resolve("lib").resolve("runtime").resolve("bin").resolve("java");
        Files.createDirectories(app);
        Files.createDirectories(java.getParent());
        Files.copy(SCRIPT, app.resolve("sonocine"), StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(app.resolve("Sonocine.cfg"), String.join("\n", "[Application]",
                "app.classpath=$APPDIR/sonocine.jar", "app.mainclass=org.sonocine.Main", "", "[JavaOptions]",
                "java-options=-Xmx768m", "java-options=-XX:SharedArchiveFile=$APPDIR/sonocine.jsa", ""));
        Files.writeString(java, "#!/bin/sh\necho \"GDK_GL=${GDK_GL-}\"\nfor a in \"$@\"; do echo \"$a\"; done\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.createDirectories(home());

        List<String> command = new ArrayList<>(List.of("/bin/sh", app.resolve("sonocine").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(k -> k.startsWith("XDG_") || k.startsWith("GDK_") || k.endsWith("JAVA_OPTIONS")
                || k.equals("JAVA_TOOL_OPTIONS"));
        env.put("HOME", home().toString());
        env.put("DISPLAY", ":5");
        env.putAll(environment);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        List<String> lines = output.lines().toList();
        assertThat(lines.get(0)).startsWith("GDK_GL=");
        return new Run(lines.subList(1, lines.size()), lines.get(0).substring("GDK_GL=".length()));
    }
}
