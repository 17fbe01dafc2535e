package org.sonocine.cli;

import java.io.PrintWriter;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The plain forms of the two short commands run over and over, {@code scan [--json] PATH...} and
 * {@code info [--json] PATH...}, run without picocli: building its command model (its converters set up dates,
 * network addresses and the rest) costs a short run more than reading a folder of headers. A form is plain when
 * every operand is one picocli would take as it is, so what it prints and returns is what picocli's run of the same
 * command prints and returns; anything else (another option, an argument file, no operand) goes through picocli.
 */
final class DirectCommands {
    /** What {@link #run} returns when the arguments are not a plain form. */
    static final int NOT_PLAIN = -1;

    private DirectCommands() {
    }

    /** Runs a plain form and returns its exit status, or returns {@link #NOT_PLAIN} having done nothing. */
    static int run(PrintWriter out, PrintWriter err, String... args) {
        if (args.length < 2 || !(args[0].equals("scan") || args[0].equals("info"))) {
            return NOT_PLAIN;
        }
        boolean json = args[1].equals("--json");
        List<Path> operands = operands(args, json ? 2 : 1);
        if (operands == null) {
            return NOT_PLAIN;
        }
        try {
            return args[0].equals("scan")
                    ? ScanCommand.run(out, err, operands, ScanCommand.defaultThreads(), json)
                    : InfoCommand.run(out, operands, json);
        } catch (Exception e) {
            return SonocineCli.reportFailure(err, e);
        }
    }

    /**
     * The paths {@code args} name from {@code from} on, or null unless there is at least one and each is an operand
     * picocli takes as it is: nothing that reads as an option, an argument file ({@code @file}) or the end of options.
     */
    private static List<Path> operands(String[] args, int from) {
        if (from >= args.length) {
            return null;
        }
        List<Path> paths = new ArrayList<>(args.length - from);
        for (int i = from; i < args.length; i++) {
            String arg = args[i];
            if (arg.isEmpty() || arg.charAt(0) == '-' || arg.charAt(0) == '@') {
                return null;
            }
            try {
                paths.add(Path.of(arg));
            } catch (InvalidPathException e) {
                return null; // picocli's own message for it
            }
        }
        return paths;
    }
}
