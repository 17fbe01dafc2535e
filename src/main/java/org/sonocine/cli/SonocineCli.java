package org.sonocine.cli;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The command-line front: {@code sonocine <command> ...}. Picocli reads each command's annotations by reflection
 * when it is registered, which costs more than a short command's own work; so a run registers only the command
 * it names, and the whole tree only when it asks for help or names no command. The front itself, like the
 * short commands timed most ({@code info}, {@code scan}), has its model built in code, which costs no reflection;
 * and the plain forms of those two run without picocli at all ({@link DirectCommands}).
 */
public final class SonocineCli implements Runnable {
    /** The commands, in the order help lists them. */
    static final List<String> COMMANDS = List.of("info", "dump", "frames", "bench", "scan", "measure", "export",
            "remote", "help");
    private static final String DISABLE_CLOSURES = "picocli.disable.closures";

    /**
     * Whether {@code firstArgument} asks for the command line rather than the viewer: a command, or an option, known
     * or not (the viewer takes paths only, and a misspelt option must be told as such rather than opened as a file;
     * a file whose name begins with a dash is given as {@code ./-name}).
     */
    public static boolean isCommandLine(String firstArgument) {
        return COMMANDS.contains(firstArgument) || firstArgument.startsWith("-");
    }

    /** Runs the command line on standard output and error, and returns its exit status. */
    public static int run(String... args) {
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        return run(out, err, args);
    }

    /** Runs the command line writing to {@code out} and {@code err}, and returns its exit status. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        int status = DirectCommands.run(out, err, args);
        if (status == DirectCommands.NOT_PLAIN) {
            status = runParsed(out, err, args);
        }
        out.flush();
        err.flush();
        return status;
    }

    /** Runs the command line as picocli parses it, whatever its form. */
    static int runParsed(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = commandLine(args);
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler(new FailureReport());
        return cli.execute(args);
    }

    /**
     * Reports a command's failure as one line. A class rather than a lambda: picocli's interfaces are Java 5 class
     * files, which the start-up archive can hold only while no lambda of ours implements them (a lambda would make
     * the interface, and picocli's own handler with it, load from the jar, past every jar before picocli's).
     */
    private static final class FailureReport implements CommandLine.IExecutionExceptionHandler {
        @Override
        public int handleExecutionException(Exception e, CommandLine commandLine,
                CommandLine.ParseResult parseResult) {
            return reportFailure(commandLine.getErr(), e);
        }
    }

    /** Reports a command's failure on {@code err} as one line, and returns the exit status that says so. */
    static int reportFailure(PrintWriter err, Exception e) {
        err.println("sonocine: " + e.getMessage());
        return 2;
    }

    /**
     * The command tree for {@code args}: the root with only the command {@code args} names, or with every command
     * when it names none (help, version, a mistyped command: those list them all).
     */
    public static CommandLine commandLine(String... args) {
        // Picocli looks for Groovy's closure class once; on our class path that lookup opens every jar in vain.
        if (System.getProperty(DISABLE_CLOSURES) == null) {
            System.setProperty(DISABLE_CLOSURES, "true");
        }
        CommandLine cli = new CommandLine(new SonocineCli().spec);
        String named = args.length > 0 && !args[0].equals("help") && COMMANDS.contains(args[0]) ? args[0] : null;
        for (String name : COMMANDS) {
            if (named == null || named.equals(name)) {
                cli.addSubcommand(name, command(name));
            }
        }
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        return cli;
    }

    private static Object command(String name) {
        switch (name) {
            case "info": return new InfoCommand().spec();
            case "dump": return new DumpCommand();
            case "frames": return new FramesCommand();
            case "bench": return new BenchCommand();
            case "scan": return new ScanCommand().spec();
            case "measure": return new MeasureCommand();
            case "export": return new ExportCommand();
            case "remote": return new RemoteCommand();
            case "help": return new CommandLine.HelpCommand();
            default: throw new IllegalArgumentException("no command " + name);
        }
    }

    private final CommandSpec spec;

    private SonocineCli() {
        spec = HelpOptions.addTo(CommandSpec.wrapWithoutInspection(this).name("sonocine").version("Sonocine 0.1"));
        spec.usageMessage().description(
                "Ultrasound DICOM cine viewer. Without a command, opens the viewer on the given files.");
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
