package org.sonocine.testing;

import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a test whose cases are listed from the shared samples (a {@code @MethodSource} that reads expected.tsv or
 * the reference index). Without the samples it is reported skipped, with where they were looked for, before its
 * factory runs: an assumption failing inside a factory would make the whole test vanish from the counts instead.
 * Tests that only open a sample in their body need no mark: {@link Samples#file} skips them.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(SamplesPresent.class)
public @interface RequiresSamples {
}
