package org.sonocine.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

class SonocineCliTest {

    @Test
    void aRunRegistersOnlyTheCommandItNames() {
        assertThat(SonocineCli.commandLine("info", "a.dcm").getSubcommands().keySet()).containsExactly("info");
    }

    @Test
    void helpListsEveryCommandInOrder() {
        CliRun run = CliRun.of("--help");

        assertEquals(0, run.status());
        int previous = -1;
        for (String command : SonocineCli.COMMANDS) {
            int at = run.out().indexOf("\n  " + command + " ");
            assertThat(at).as(command).isGreaterThan(previous);
            previous = at;
        }
    }

    @Test
    void helpOnACommandPrintsThatCommandsUsage() {
        CliRun run = CliRun.of("help", "scan");

        assertEquals(0, run.status());
        assertThat(run.out()).startsWith("Usage: sonocine scan ");
    }

    @Test
    void aCommandsOwnHelpNeedsNoOtherCommand() {
        CliRun run = CliRun.of("dump", "--help");

        assertEquals(0, run.status());
        assertThat(run.out()).startsWith("Usage: sonocine dump ");
    }

    @Test
    void everyListedCommandIsOneTheEntryPointSendsToTheCommandLine() {
        for (String command : SonocineCli.COMMANDS) {
            assertThat(SonocineCli.isCommandLine(command)).as(command).isTrue();
        }
        assertThat(SonocineCli.isCommandLine("exam-folder")).isFalse();
    }
}
