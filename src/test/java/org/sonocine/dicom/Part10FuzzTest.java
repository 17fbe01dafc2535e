package org.sonocine.dicom;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Arrays;
import java.util.stream.Stream;

/**
 * Part 10 files: an input is what follows the 128-byte preamble and "DICM" (File Meta Information, then the data
 * set), so that every input is read as a Part 10 file. See {@link HeaderFuzzing} for what is done with it.
 */
class Part10FuzzTest {
    private static final int PREFIX = 132;

    static Stream<Arguments> seeds() {
        return DataSetSeeds.part10Files().map(seed -> Arguments.of(Named.of(seed.getName(),
                Arrays.copyOfRange(seed.getPayload(), PREFIX, seed.getPayload().length))));
    }

    @MethodSource("seeds")
    @FuzzTest(maxDuration = "2m")
    void part10Files(byte[] input) throws Exception {
        byte[] file = new byte[PREFIX + input.length];
        file[128] = 'D';
        file[129] = 'I';
        file[130] = 'C';
        file[131] = 'M';
        System.arraycopy(input, 0, file, PREFIX, input.length);
        HeaderFuzzing.readAndUse(file);
    }
}
