package org.sonocine.imaging.jpegls;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The decoder stays what its package-info promises: the JDK and the codec base types, nothing else. */
class JpegLsDependencyTest {

    @Test
    void dependsOnlyOnTheJdkAndTheCodecBaseTypes() {
        JavaClasses decoder = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.sonocine.imaging.jpegls");
        classes().that().resideInAPackage("org.sonocine.imaging.jpegls")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "org.sonocine.imaging.codec",
                        "org.sonocine.imaging.jpegls")
                .check(decoder);
    }
}
