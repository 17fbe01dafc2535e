package org.sonocine.study;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.channels.ClosedByInterruptException;

import static org.assertj.core.api.Assertions.assertThat;

class InterruptionTest {

    @Test
    void aChannelClosedByAnInterruptIsAnInterruptionNotAFileFailure() {
        assertThat(Interruption.caused(new ClosedByInterruptException())).isTrue();
    }

    @Test
    void anInterruptionWrappedInAnotherFailureIsFound() {
        assertThat(Interruption.caused(new IOException("reading failed", new ClosedByInterruptException()))).isTrue();
    }

    @Test
    void anOrdinaryReadFailureIsNotAnInterruption() {
        assertThat(Interruption.caused(new IOException("Input/output error"))).isFalse();
    }
}
