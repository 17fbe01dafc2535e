package org.sonocine.imaging;

import org.sonocine.imaging.codec.DecodeException;

import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.regex.Pattern;

/**
 * The one rule for a frame that fails, wherever it is decoded (viewer cache, first frame, export, benchmark):
 * whatever was thrown becomes that frame's reason, a message that names the frame once, and the other frames go
 * on. Out of memory is one frame's failure too: the allocation that failed is given back with it.
 */
public final class FrameFailure {
    private FrameFailure() {
    }

    /** {@code thrown} as the reason frame {@code index} (0-based) failed. */
    public static IOException of(int index, Throwable thrown) {
        if (thrown instanceof IOException io && namesFrame(io.getMessage(), index)) {
            return io;
        }
        return new DecodeException(reason(index, thrown), thrown);
    }

    /** The message of {@link #of}: it names the frame once. */
    public static String reason(int index, Throwable thrown) {
        String frame = "frame " + (index + 1);
        if (thrown instanceof OutOfMemoryError) {
            return frame + " needs more memory than Sonocine has";
        }
        if (thrown instanceof StackOverflowError) {
            return frame + " could not be decoded: its data nests too deeply";
        }
        if (thrown instanceof AccessDeniedException) {
            return frame + ": permission denied";
        }
        if (thrown instanceof NoSuchFileException) {
            return frame + ": the file is no longer there";
        }
        if (thrown instanceof ClosedChannelException) {
            return frame + ": reading was stopped";
        }
        String message = FailureWords.of(thrown);
        if (namesFrame(message, index)) {
            return message;
        }
        return thrown instanceof IOException ? frame + ": " + message : frame + " could not be decoded: " + message;
    }

    /**
     * Whether the failure says nothing about the frame's data, so that asking again later may succeed: decoding was
     * stopped, the decoder was busy, or memory ran short while other frames held it.
     */
    public static boolean isRetryable(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof RetryableDecodeException || t instanceof OutOfMemoryError
                    || t instanceof java.nio.channels.ClosedByInterruptException) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether {@code thrown} or one of its causes is the virtual machine running out of memory, including the
     * runtime exceptions some codecs turn that error into, with its message ("Java heap space") as theirs.
     */
    static boolean isOutOfMemory(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            String message = t.getMessage();
            if (t instanceof OutOfMemoryError || message != null && (message.contains("Java heap space")
                    || message.contains("Requested array size exceeds VM limit"))) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    /** Whether {@code message} already says which frame, as "frame 3" anywhere ("RLE frame 3 has ..."). */
    private static boolean namesFrame(String message, int index) {
        return message != null && Pattern.compile("\\bframe " + (index + 1) + "\\b").matcher(message).find();
    }
}
