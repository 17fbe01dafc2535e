package org.sonocine.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.util.Set;

/** The command-line front: {@code sonocine <command> ...}. */
@Command(name = "sonocine", mixinStandardHelpOptions = true, version = "Sonocine 0.1",
        description = "Ultrasound DICOM cine viewer. Without a command, opens the viewer on the given files.",
        subcommands = {InfoCommand.class, DumpCommand.class, CommandLine.HelpCommand.class})
public final class SonocineCli implements Runnable {
    private static final Set<String> FIRST_WORDS = Set.of("info", "dump", "frames", "bench", "scan", "help",
            "-h", "--help", "-V", "--version");

    /** Whether {@code firstArgument} asks for the command line rather than the viewer. */
    public static boolean isCommandLine(String firstArgument) {
        return FIRST_WORDS.contains(firstArgument);
    }

    /** Runs the command line and returns its exit status. */
    public static int run(String... args) {
        CommandLine cli = new CommandLine(new SonocineCli());
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        return cli.execute(args);
    }

    @Override
    public void run() {
        CommandLine.usage(this, System.out);
    }
}
