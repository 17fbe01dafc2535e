package org.sonocine.testing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In a clone without the shared samples, the tests that list their cases from them are reported skipped, saying
 * where the samples were expected, and no test or case vanishes from the counts. (A failing assumption inside a
 * {@code @MethodSource} factory aborts the whole test, which build reports count as no test at all; a factory that
 * leaves out its sample cases when the samples are absent drops them silently.)
 */
class SamplesAbsentTest {
    private static final String LOCATION_PROPERTY = "sonocine.samples";

    /** The test classes whose factories list cases from the samples, or mix sample cases with made ones. */
    private static final List<String> SAMPLE_LISTING_CLASSES = List.of(
            "org.sonocine.dicom.SampleHeaderConformanceTest",
            "org.sonocine.imaging.StoredValuesConformanceTest",
            "org.sonocine.imaging.DisplayConformanceTest",
            "org.sonocine.imaging.DefectConformanceTest",
            "org.sonocine.imaging.jpeg.CorruptDataRobustnessTest");

    /** What one test method reported: each case run (or the method itself when skipped as a whole). */
    private record Outcome(String method, String status, String reason) {
    }

    @Test
    void everyTestOfTheSamplesIsReportedSkippedWithWhereTheSamplesWereExpected(@TempDir Path dir) throws Exception {
        Map<String, Long> casesWithSamples = casesListedByFactories();
        Path absent = dir.resolve("no-samples-here");

        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        List<Outcome> outcomes = runWithSamplesAt(absent, new PrintStream(errors, true, StandardCharsets.UTF_8));

        String where = absent.toAbsolutePath().normalize().toString();
        assertThat(errors.toString(StandardCharsets.UTF_8)).containsOnlyOnce(
                "*** The shared DICOM samples were not found at " + where + ": the tests that read them are SKIPPED.");
        String reason = "shared DICOM samples not found at " + where;
        assertThat(outcomes).filteredOn(o -> o.status().equals("FAILED")).isEmpty();
        assertThat(outcomes).filteredOn(o -> !o.status().equals("SUCCESSFUL"))
                .isNotEmpty()
                .allSatisfy(o -> assertThat(o.reason()).as(o.method()).contains(reason));
        assertThat(outcomes).extracting(Outcome::method).containsAll(testMethods());
        casesWithSamples.forEach((method, cases) -> assertThat(outcomes)
                .as("cases of %s reported without the samples", method)
                .filteredOn(o -> o.method().equals(method)).hasSize(Math.toIntExact(cases)));
    }

    /**
     * Runs the sample-listing classes with the samples looked for at {@code location}, their standard error going to
     * {@code errors} (so that this build's own output does not claim its samples are missing).
     */
    private static List<Outcome> runWithSamplesAt(Path location, PrintStream errors) {
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(SAMPLE_LISTING_CLASSES.stream().map(DiscoverySelectors::selectClass).toList())
                .build();
        Recorder recorder = new Recorder();
        String previousLocation = System.getProperty(LOCATION_PROPERTY);
        PrintStream previousErrors = System.err;
        System.setProperty(LOCATION_PROPERTY, location.toString());
        System.setErr(errors);
        try {
            LauncherFactory.create().execute(request, recorder);
        } finally {
            System.setErr(previousErrors);
            if (previousLocation == null) {
                System.clearProperty(LOCATION_PROPERTY);
            } else {
                System.setProperty(LOCATION_PROPERTY, previousLocation);
            }
        }
        return recorder.outcomes;
    }

    /** Collects what each test reported, and fails on any container (class, parameterized test) not run through. */
    private static final class Recorder implements TestExecutionListener {
        final List<Outcome> outcomes = new ArrayList<>();

        @Override
        public void executionSkipped(TestIdentifier id, String reason) {
            methodOf(id).ifPresent(m -> outcomes.add(new Outcome(m, "SKIPPED", reason)));
        }

        @Override
        public void executionFinished(TestIdentifier id, TestExecutionResult result) {
            String reason = result.getThrowable().map(Throwable::getMessage).orElse("");
            if (id.isTest()) {
                methodOf(id).ifPresent(m -> outcomes.add(new Outcome(m, result.getStatus().name(), reason)));
            } else if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
                // an aborted container is the "Tests run: 0" of the build report
                outcomes.add(new Outcome(methodOf(id).orElse(id.getDisplayName()) + " as a whole", "FAILED", reason));
            }
        }

        private static Optional<String> methodOf(TestIdentifier id) {
            return id.getSource().filter(org.junit.platform.engine.support.descriptor.MethodSource.class::isInstance)
                    .map(org.junit.platform.engine.support.descriptor.MethodSource.class::cast)
                    .map(s -> s.getClassName() + "." + s.getMethodName());
        }
    }

    /** Class.method of every test in the sample-listing classes. */
    private static List<String> testMethods() throws ClassNotFoundException {
        List<String> methods = new ArrayList<>();
        for (String name : SAMPLE_LISTING_CLASSES) {
            for (Method m : Class.forName(name).getDeclaredMethods()) {
                if (m.isAnnotationPresent(Test.class) || m.isAnnotationPresent(ParameterizedTest.class)) {
                    methods.add(name + "." + m.getName());
                }
            }
        }
        return methods;
    }

    /**
     * For each parameterized test not skipped as a whole without the samples: how many cases its factories list
     * with the samples present. Without them it must report as many, run or skipped.
     */
    private static Map<String, Long> casesListedByFactories() throws Exception {
        Samples.dir();
        Map<String, Long> cases = new TreeMap<>();
        for (String name : SAMPLE_LISTING_CLASSES) {
            Class<?> type = Class.forName(name);
            for (Method m : type.getDeclaredMethods()) {
                MethodSource source = m.getAnnotation(MethodSource.class);
                if (source == null || m.isAnnotationPresent(RequiresSamples.class)
                        || type.isAnnotationPresent(RequiresSamples.class)) {
                    continue;
                }
                long count = 0;
                for (String factoryName : source.value()) {
                    Method factory = type.getDeclaredMethod(factoryName);
                    factory.setAccessible(true);
                    count += asStream(factory.invoke(null)).count();
                }
                cases.put(name + "." + m.getName(), count);
            }
        }
        return cases;
    }

    private static Stream<?> asStream(Object listed) {
        if (listed instanceof Stream<?> stream) {
            return stream;
        }
        if (listed instanceof Iterable<?> iterable) {
            List<Object> all = new ArrayList<>();
            iterable.forEach(all::add);
            return all.stream();
        }
        return Arrays.stream((Object[]) listed);
    }
}
