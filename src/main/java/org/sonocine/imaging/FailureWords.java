package org.sonocine.imaging;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A failure in words for the person reading it, never a bare exception class: the first real message along the
 * cause chain, else what the kind of failure means. Codecs throw a bare EOFException on truncated data, and a
 * NullPointerException's generated message names the codec's variables, which say nothing about the data.
 */
public final class FailureWords {
    /** What third-party codecs put before their reason: JJ2000's preamble and qualified exception class names. */
    private static final Pattern WRAPPING = Pattern.compile(
            "^(An uncaught runtime exception has occurred:?\\s*)?(([a-z_][\\w$]*\\.)+[A-Z][\\w$]*(Exception|Error):?\\s*)*");
    private static final Pattern CLASS_NAME = Pattern.compile("(?:[a-z_][\\w$]*\\.)*([A-Z][\\w$]*(?:Exception|Error))");
    private static final Map<String, String> MEANINGS = Map.ofEntries(
            Map.entry("EOFException", "the compressed data ends early"),
            Map.entry("NullPointerException", "it met a value missing from the data"),
            Map.entry("ArrayIndexOutOfBoundsException", "it read past the end of its data"),
            Map.entry("IndexOutOfBoundsException", "it read past the end of its data"),
            Map.entry("BufferUnderflowException", "it read past the end of its data"),
            Map.entry("NegativeArraySizeException", "the data declares a negative size"),
            Map.entry("ArithmeticException", "the data holds a value it cannot compute with"),
            Map.entry("ClassCastException", "it met data of a kind it does not expect"),
            Map.entry("UnsupportedOperationException", "the data uses a feature it does not support"),
            Map.entry("NotImplementedError", "the data uses a feature it does not support"),
            Map.entry("ThreadDeath", "it gave up on the data"),
            Map.entry("OutOfMemoryError", "it ran out of memory"),
            Map.entry("StackOverflowError", "the data nests too deeply"),
            Map.entry("InterruptedException", "it was stopped"),
            Map.entry("InterruptedIOException", "it was stopped"));

    private FailureWords() {
    }

    /**
     * The first message along {@code failure}'s causes that says something once the exception class names
     * wrapped around it are taken off; else the meaning of the first kind of failure (a class of the chain, or one
     * its messages name) that has one; else that the failure gave no reason, naming its kind in brackets.
     */
    public static String of(Throwable failure) {
        String meaning = null;
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 32; t = t.getCause(), depth++) {
            String message = t.getMessage() == null ? "" : t.getMessage().strip();
            if (!(t instanceof NullPointerException)) {
                String reason = WRAPPING.matcher(message).replaceAll("").strip();
                if (!reason.isEmpty()) {
                    return reason;
                }
            }
            if (meaning == null) {
                for (String kind : kinds(t, message)) {
                    meaning = meaning != null ? meaning : MEANINGS.get(kind);
                }
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return meaning != null ? meaning
                : "it failed without giving a reason (" + failure.getClass().getSimpleName() + ")";
    }

    /** The simple class names of {@code t}'s kind, most specific first, then those its message names. */
    private static List<String> kinds(Throwable t, String message) {
        List<String> kinds = new ArrayList<>();
        for (Class<?> c = t.getClass(); c != null && c != Throwable.class; c = c.getSuperclass()) {
            kinds.add(c.getSimpleName());
        }
        Matcher named = CLASS_NAME.matcher(message);
        while (named.find()) {
            kinds.add(named.group(1));
        }
        return kinds;
    }
}
