package org.sonocine.ui;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;

/**
 * Stopped by a signal (a logout, {@code kill}), the JVM runs JavaFX's shutdown hook, which shuts the renderer down
 * while the JavaFX thread may still be in a pulse. That pulse then fails ("RejectedExecutionException ...
 * QuantumRenderer ... Terminated"), and JavaFX prints the stack trace itself, in about one killed start in ten on a
 * busy machine. Nothing is wrong then but the ending: once the JVM has begun to shut down, nothing written to the
 * standard error stream is passed on. The viewer has nothing more to tell anyone then, and the check is made as
 * each piece is written, because shutdown hooks run in no set order.
 */
final class QuietEnding extends FilterOutputStream {
    private volatile boolean ending;

    private QuietEnding(OutputStream out) {
        super(out);
    }

    /** From the start of the JVM's shutdown on, what is written to {@link System#err} goes nowhere. */
    static void install() {
        System.setErr(new PrintStream(new QuietEnding(System.err), true, errCharset()));
    }

    /** The encoding the JVM gave the standard error stream, which this one replaces (named so from Java 18 on). */
    private static Charset errCharset() {
        String name = System.getProperty("stderr.encoding", System.getProperty("sun.stderr.encoding"));
        try {
            return name != null ? Charset.forName(name) : Charset.defaultCharset();
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return Charset.defaultCharset();
        }
    }

    @Override
    public void write(int b) throws IOException {
        if (!ending()) {
            out.write(b);
        }
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (!ending()) {
            out.write(b, off, len);
        }
    }

    private boolean ending() {
        if (!ending && jvmShuttingDown()) {
            ending = true;
        }
        return ending;
    }

    /** The JVM refuses new shutdown hooks exactly while it is shutting down. */
    static boolean jvmShuttingDown() {
        Thread probe = new Thread(() -> { }, "sonocine-shutdown-probe");
        try {
            Runtime.getRuntime().addShutdownHook(probe);
            Runtime.getRuntime().removeShutdownHook(probe);
            return false;
        } catch (IllegalStateException e) {
            return true;
        }
    }
}
