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
        assertThat(SonocineCli.isCommandLine("./-exam.dcm")).isFalse();
    }

    @Test
    void aMisspeltOptionIsToldAsSuchRatherThanOpenedAsAFile() {
        assertThat(SonocineCli.isCommandLine("--bogus")).isTrue();

        CliRun run = CliRun.of("--bogus");

        assertEquals(2, run.status());
        assertThat(run.err()).startsWith("Unknown option: '--bogus'");
    }

    @Test
    void scansUsageIsWhatItsAnnotatedModelPrinted() {
        CliRun run = CliRun.of("scan", "--help");

        assertEquals(0, run.status());
        assertEquals(String.join(System.lineSeparator(),
                "Usage: sonocine scan [-hV] [--json] [--threads=<threads>] DIR...",
                "Scans folders (and DICOMDIRs) for DICOM files, reading headers only, and prints",
                "the patients, studies, series and instances found, the files skipped as not",
                "DICOM, the files that failed and what is wrong in a DICOMDIR. Exit status 1",
                "when any file failed or a DICOMDIR had problems.",
                "      DIR...                folders, files or DICOMDIRs",
                "  -h, --help                Show this help message and exit.",
                "      --json                Write one JSON object.",
                "      --threads=<threads>   scanning threads (default: one per processor)",
                "  -V, --version             Print version information and exit.", ""), run.out());
    }

    @Test
    void aMissingFolderAndABadOptionAreReportedWithScansUsage() {
        CliRun missing = CliRun.of("scan");
        CliRun twice = CliRun.of("scan", "--json", "--json", "x");
        CliRun notANumber = CliRun.of("scan", "--threads", "x", "y");

        assertEquals(2, missing.status());
        assertThat(missing.err()).startsWith("Missing required parameter: 'DIR'" + System.lineSeparator()
                + "Usage: sonocine scan ");
        assertEquals(2, twice.status());
        assertThat(twice.err()).startsWith("option '--json' should be specified only once");
        assertEquals(2, notANumber.status());
        assertThat(notANumber.err()).startsWith("Invalid value for option '--threads': 'x' is not an int");
    }

    @Test
    void theVersionIsTheProgramsOnly() {
        assertEquals("Sonocine 0.1" + System.lineSeparator(), CliRun.of("--version").out());
        assertEquals("", CliRun.of("scan", "--version").out());
    }

    @Test
    void infosUsageIsWhatItsAnnotatedModelPrinted() {
        CliRun run = CliRun.of("info", "--help");

        assertEquals(0, run.status());
        assertEquals(String.join(System.lineSeparator(),
                "Usage: sonocine info [-hV] [--json] FILE...",
                "Prints the key facts of each DICOM file: what it is, its image geometry, its",
                "cine timing and who acquired it. Exit status 1 if any file could not be read.",
                "      FILE...     DICOM files",
                "  -h, --help      Show this help message and exit.",
                "      --json      One JSON object per line and file (JSON Lines), keyed by",
                "                    DICOM keyword.",
                "  -V, --version   Print version information and exit.", ""), run.out());
        assertThat(CliRun.of("info").err()).startsWith("Missing required parameter: 'FILE'" + System.lineSeparator()
                + "Usage: sonocine info ");
    }
}
