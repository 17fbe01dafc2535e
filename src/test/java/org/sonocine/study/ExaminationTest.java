package org.sonocine.study;

import org.junit.jupiter.api.Test;
import org.sonocine.dicom.ReadOptions;
import org.sonocine.testing.Samples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A scan keeps only what it lists of each header, and lists every file as a read of the whole header would. */
class ExaminationTest {

    @Test
    void everySampleIsListedOrFailsAsWhenTheWholeHeaderIsKept() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(Samples.dir())) {
            files = walk.filter(Files::isRegularFile).sorted().collect(Collectors.toList());
        }
        int instances = 0;
        int failed = 0;
        for (Path file : files) {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            Examination scanned = Examination.of(file, attributes);
            assertEquals(Examination.of(file, attributes, ReadOptions.HEADER_ONLY), scanned, file.toString());
            if (scanned.kind() == Examination.Kind.INSTANCE) {
                instances++;
                failed += scanned.entry().isIntact() ? 0 : 1;
            } else if (scanned.kind() == Examination.Kind.FAILED) {
                failed++;
            }
        }
        // the samples hold intact instances and damaged ones: both were compared
        assertTrue(instances > 40, instances + " instances");
        assertTrue(failed >= 2, failed + " failures");
    }
}
