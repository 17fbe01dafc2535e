package org.sonocine.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ViewerJvmTest {

    @Test
    void theOptionsBoundTheHeapAndUseG1() {
        assertThat(ViewerJvm.options()).contains("-XX:+UseG1GC").anyMatch(o -> o.startsWith("-Xmx"));
    }

    @Test
    void mavensJavafxRunPassesTheSameOptions() throws IOException {
        String pom = Files.readString(Path.of("pom.xml"));
        Matcher m = Pattern.compile("<option>([^<]+)</option>").matcher(pom);
        List<String> options = new ArrayList<>();
        while (m.find()) {
            options.add(m.group(1));
        }
        assertEquals(ViewerJvm.options(), options);
    }

    @Test
    void theInstallerReadsTheSameList() throws IOException {
        assertThat(Files.readString(Path.of("installer/build.sh")))
                .contains("--java-options \"$jvm_option\"")
                .contains("done < resources/org/sonocine/app/viewer-jvm-options.txt");
    }

    @Test
    void aPlainJavaJarRelaunchesButAChosenHeapOrCollectorStands() {
        assertTrue(ViewerJvm.shouldRelaunch(List.of(), null));
        assertTrue(ViewerJvm.shouldRelaunch(List.of("-Dfile.encoding=UTF-8"), null));
        assertFalse(ViewerJvm.shouldRelaunch(List.of(), "true"), "the relaunched JVM does not relaunch again");
        assertFalse(ViewerJvm.shouldRelaunch(List.of("-Xmx4g"), null));
        assertFalse(ViewerJvm.shouldRelaunch(List.of("-XX:MaxRAMPercentage=50"), null));
        assertFalse(ViewerJvm.shouldRelaunch(List.of("-XX:+UseZGC"), null));
        assertFalse(ViewerJvm.shouldRelaunch(List.of("-Xms1g"), null), "an initial heap above ours would not start");
        assertFalse(ViewerJvm.shouldRelaunch(List.of("-XX:InitialHeapSize=1g"), null));
    }

    @Test
    void underADebuggerOrAgentTheViewerRunsInTheSameJvm() {
        assertFalse(ViewerJvm.shouldRelaunch(
                List.of("-agentlib:jdwp=transport=dt_socket,server=y,address=5005"), null));
        assertFalse(ViewerJvm.shouldRelaunch(List.of("-javaagent:/tmp/agent.jar"), null));
    }

    @Test
    void optionsFromTheEnvironmentAreNotPassedTwice() {
        assertEquals(List.of("-Dx=y"), ViewerJvm.ownArguments(List.of("-Dfile.encoding=UTF-8", "-Dx=y"),
                List.of("-Dfile.encoding=UTF-8")));
    }

    @Test
    void theRelaunchKeepsTheJvmArgumentsClassPathAndFiles() {
        List<String> command = ViewerJvm.relaunchCommand(Path.of("/opt/jdk"), List.of("-Dx=y"), "sonocine.jar",
                "org.sonocine.Main", new String[] {"a b.dcm", "folder"});
        assertEquals(Path.of("/opt/jdk", "bin", "java").toString(), command.get(0));
        assertThat(command).containsSubsequence(ViewerJvm.options())
                .containsSubsequence(ViewerJvm.options().get(ViewerJvm.options().size() - 1), "-Dx=y")
                .containsSubsequence("-D" + ViewerJvm.RELAUNCHED + "=true", "-cp", "sonocine.jar",
                        "org.sonocine.Main", "a b.dcm", "folder");
        assertThat(command.indexOf("-cp")).isGreaterThan(command.indexOf(ViewerJvm.options().get(0)));
    }

    @Test
    void theRelaunchUsesTheViewersArchiveBesideTheJarUnlessTheUserChoseOne(@TempDir Path dir) throws IOException {
        Path jar = dir.resolve("sonocine.jar");
        String classPath = jar.toString();
        assertEquals(List.of(), ViewerJvm.archiveOptions(classPath, List.of()), "no archive built");

        Files.write(dir.resolve("sonocine-viewer.jsa"), new byte[] {1});

        assertEquals(List.of("-XX:SharedArchiveFile=" + dir.resolve("sonocine-viewer.jsa"), "-Xshare:auto"),
                ViewerJvm.archiveOptions(classPath, List.of("-Xmx1g")));
        assertEquals(List.of(), ViewerJvm.archiveOptions(classPath, List.of("-Xshare:off")));
        assertEquals(List.of(), ViewerJvm.archiveOptions(classPath + File.pathSeparator + "other.jar",
                List.of()), "a class path of several entries is not the build's");
    }
}
