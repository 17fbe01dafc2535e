package org.sonocine.dicom;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

/**
 * Bare data sets (no preamble, no File Meta Information: the encoding is guessed from the first element) and
 * whatever else an input may be. See {@link HeaderFuzzing} for what is done with it.
 */
class BareDataSetFuzzTest {

    static Stream<Arguments> seeds() {
        return DataSetSeeds.bareDataSets().map(Arguments::of);
    }

    @MethodSource("seeds")
    @FuzzTest(maxDuration = "2m")
    void bareDataSets(byte[] input) throws Exception {
        HeaderFuzzing.readAndUse(input);
    }
}
