package org.sonocine.cine;

import java.util.function.LongSupplier;

/** A clock the test moves by hand. */
final class ManualClock implements LongSupplier {
    private long nanos;

    void advanceMs(double ms) {
        nanos += (long) (ms * 1_000_000);
    }

    @Override
    public long getAsLong() {
        return nanos;
    }
}
