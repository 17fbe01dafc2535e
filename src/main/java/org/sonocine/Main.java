package org.sonocine;

import org.sonocine.app.ViewerJvm;
import org.sonocine.cli.SonocineCli;

import java.util.Arrays;
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

    public static void main(String[] args) {
        long entered = System.currentTimeMillis();
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
