package org.sonocine.imaging;

import org.sonocine.imaging.codec.DecodeException;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.AccessDeniedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertSame;

class FrameFailureTest {

    @Test
    void aReasonThatNamesItsFrameIsKeptAsItIs() {
        IOException cut = new DecodeException("frame 3 is cut short: the file holds 8 of its 16 bytes");
        assertSame(cut, FrameFailure.of(2, cut));
    }

    @Test
    void aReasonNamingItsFrameAnywhereIsKept() {
        assertThat(FrameFailure.reason(0, new DecodeException("RLE frame 1 has 1 segments; 3 samples of 8 bits need 3")))
                .isEqualTo("RLE frame 1 has 1 segments; 3 samples of 8 bits need 3");
    }

    @Test
    void aReasonWithoutTheFrameGetsItOnce() {
        assertThat(FrameFailure.of(2, new DecodeException("the JPEG data is truncated")).getMessage())
                .isEqualTo("frame 3: the JPEG data is truncated");
        assertThat(FrameFailure.reason(2, new DecodeException("frame 30 is cut short")))
                .as("frame 30 is not frame 3").isEqualTo("frame 3: frame 30 is cut short");
    }

    @Test
    void errorsThatPassEveryCatchBecomeTheFramesReason() {
        assertThat(FrameFailure.of(0, new OutOfMemoryError("Java heap space")).getMessage())
                .isEqualTo("frame 1 needs more memory than Sonocine has");
        assertThat(FrameFailure.reason(0, new StackOverflowError()))
                .isEqualTo("frame 1 could not be decoded: its data nests too deeply");
        @SuppressWarnings("removal") ThreadDeath death = new ThreadDeath();
        assertThat(FrameFailure.reason(0, death)).isEqualTo("frame 1 could not be decoded: it gave up on the data");
        assertThat(FrameFailure.reason(0, new ArrayIndexOutOfBoundsException("Index 59904 out of bounds")))
                .isEqualTo("frame 1 could not be decoded: Index 59904 out of bounds");
    }

    @Test
    void aThirdPartyReasonComesWithoutItsWrappingAndClassNames() {
        assertThat(FrameFailure.reason(0, new RuntimeException("An uncaught runtime exception has occurred"
                + " jj2000.j2k.codestream.CorruptedCodestreamException: Non-valid code-block width in SPcod field,"
                + " COD marker"))).isEqualTo("frame 1 could not be decoded: Non-valid code-block width in SPcod"
                + " field, COD marker");
        assertThat(FrameFailure.reason(0, new NullPointerException("Cannot invoke \"String.equals(Object)\" because"
                + " \"this.name\" is null"))).isEqualTo("frame 1 could not be decoded: it met a value missing from the data");
        assertThat(FrameFailure.reason(0, new IllegalStateException("java.io.EOFException: ")))
                .isEqualTo("frame 1 could not be decoded: the compressed data ends early");
        assertThat(FrameFailure.reason(0, new java.io.EOFException()))
                .isEqualTo("frame 1: the compressed data ends early");
    }

    @Test
    void anUnreadableFileIsSaidInWords() {
        assertThat(FrameFailure.reason(4, new AccessDeniedException("/exam/a.dcm")))
                .isEqualTo("frame 5: permission denied");
        assertThat(FrameFailure.reason(4, new java.nio.channels.ClosedByInterruptException()))
                .isEqualTo("frame 5: reading was stopped");
    }
}
