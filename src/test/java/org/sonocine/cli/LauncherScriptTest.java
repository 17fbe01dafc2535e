package org.sonocine.cli;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Linux package's start script (installer/linux/sonocine) tells the viewer from the commands by the first
 * argument, before any Java runs, to give each its archive and compilation: it must know every command.
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
}
