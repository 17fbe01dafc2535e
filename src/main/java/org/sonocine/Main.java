package org.sonocine;

import org.sonocine.app.ViewerJvm;
import org.sonocine.cli.SonocineCli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Entry point. A subcommand (info, dump, ...) runs the command line without starting JavaFX; no arguments, or
 * file and folder paths, start the viewer. The viewer, and {@code bench --playback} that measures its pipeline,
 * run in a JVM with the viewer's options ({@link ViewerJvm}). Kept free of JavaFX types so the jar runs on a
 * plain class path.
 */
public final class Main {
    private Main() {
    }

    /**
     * The arguments less the process serial number older macOS versions pass an application Finder starts: not a
     * path to open, nor an option. A plain loop: a stream would cost every short command its set-up.
     */
    static String[] withoutProcessSerialNumber(String[] args) {
        List<String> kept = new ArrayList<>(args.length);
        for (String arg : args) {
            if (!arg.startsWith("-psn_")) {
                kept.add(arg);
            }
        }
        return kept.size() == args.length ? args : kept.toArray(new String[0]);
    }

    public static void main(String[] given) {
        long entered = System.currentTimeMillis();
        String[] args = withoutProcessSerialNumber(given);
        boolean commandLine = args.length > 0 && SonocineCli.isCommandLine(args[0]);
        boolean playbackBench = commandLine && args[0].equals("bench") && Arrays.asList(args).contains("--playback");
        if (!commandLine || playbackBench) {
            ViewerJvm.noteProcessStart();
            Optional<Integer> relaunched = ViewerJvm.relaunchIfNeeded(Main.class.getName(), args);
            if (relaunched.isPresent()) {
                System.exit(relaunched.get());
            }
        }
        if (commandLine) {
            System.exit(SonocineCli.run(args));
        }
        if (!org.sonocine.ui.ViewerLauncher.launch(args, entered)) {
            System.exit(1);
        }
    }
}
