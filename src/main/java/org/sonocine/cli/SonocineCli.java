package org.sonocine.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/** The command-line front: {@code sonocine <command> ...}. */
@Command(name = "sonocine", mixinStandardHelpOptions = true, version = "Sonocine 0.1",
        description = "Ultrasound DICOM cine viewer. Without a command, opens the viewer on the given files.",
        subcommands = {InfoCommand.class, DumpCommand.class, FramesCommand.class, BenchCommand.class, ScanCommand.class,
            MeasureCommand.class, ExportCommand.class, RemoteCommand.class, CommandLine.HelpCommand.class})
public final class SonocineCli implements Runnable {
    private static final Set<String> FIRST_WORDS = Set.of("info", "dump", "frames", "bench", "scan", "measure", "export", "remote", "help",
            "-h", "--help", "-V", "--version");

    /** Whether {@code firstArgument} asks for the command line rather than the viewer. */
    public static boolean isCommandLine(String firstArgument) {
        return FIRST_WORDS.contains(firstArgument);
    }

    /** Runs the command line on standard output and error, and returns its exit status. */
    public static int run(String... args) {
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        return run(out, err, args);
    }

    /** Runs the command line writing to {@code out} and {@code err}, and returns its exit status. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new SonocineCli());
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("sonocine: " + e.getMessage());
            return 2;
        });
        int status = cli.execute(args);
        out.flush();
        err.flush();
        return status;
    }

    @Override
    public void run() {
        CommandLine.usage(this, System.out);
    }
}
