package org.sonocine.testing;

import java.io.IOException;
import java.util.regex.Pattern;

/**
 * The property every fuzz test checks on every input: the code under test returns normally, or fails with an
 * IOException (DicomException, DecodeException, NotDicomException, ...) whose message a user can read. Anything else
 * escapes to the fuzzer as a finding: a runtime exception or error thrown through our API, a message that is blank or
 * shows a stack trace or a Java class name, running out of memory or stack even where a catch-all turned it into a
 * message, and a runtime exception or error of our own code that a catch-all disguised as a message.
 */
public final class FuzzProperty {
    /** A qualified class name ("java.lang.IllegalStateException") or an exception's simple name. */
    private static final Pattern CLASS_NAME = Pattern.compile(
            "\\b(?:[a-z_][a-z0-9_]*\\.){2,}[A-Z][A-Za-z0-9_$]*|\\b[A-Z][A-Za-z0-9]*(?:Exception|Error)\\b");

    /** What a fuzz test runs on one input. */
    @FunctionalInterface
    public interface Action {
        void run() throws Exception;
    }

    private FuzzProperty() {
    }

    /** Runs {@code action} and throws (so that Jazzer reports the input) when its outcome breaks the property. */
    public static void holds(Action action) throws Exception {
        try {
            action.run();
        } catch (IOException e) {
            requireReadable(e);
        }
    }

    /** Throws an AssertionError, with {@code failure} as its cause, unless it is a failure a user may be shown. */
    public static void requireReadable(IOException failure) {
        requireReadableMessage(failure.getMessage(), failure);
        for (Throwable cause = failure.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof VirtualMachineError) {
                throw new AssertionError("contained, but a virtual machine error: " + cause, failure);
            }
            if ((cause instanceof RuntimeException || cause instanceof Error) && thrownByOurCode(cause)) {
                throw new AssertionError("contained, but our own code threw " + cause, failure);
            }
        }
    }

    /** Throws an AssertionError unless {@code message} is one readable line of words. */
    public static void requireReadableMessage(String message, Throwable failure) {
        if (message == null || message.isBlank()) {
            throw new AssertionError("a failure without a message", failure);
        }
        if (message.contains("\n\tat ")) {
            throw new AssertionError("a message with a stack trace: " + message, failure);
        }
        if (CLASS_NAME.matcher(message).find()) {
            throw new AssertionError("a message naming a Java class: " + message, failure);
        }
    }

    /**
     * Whether the first stack frame outside the Java runtime is ours. An exception a third-party codec throws
     * (JAI, TwelveMonkeys, the JDK's ImageIO plug-ins) is that codec's reason and the decoders' business to word.
     */
    private static boolean thrownByOurCode(Throwable thrown) {
        for (StackTraceElement frame : thrown.getStackTrace()) {
            String c = frame.getClassName();
            if (!c.startsWith("java.") && !c.startsWith("jdk.") && !c.startsWith("sun.")) {
                return c.startsWith("org.sonocine.");
            }
        }
        return false;
    }
}
