package org.sonocine.testing;

import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a test class that runs against a real Orthanc archive: one is started for the class (see
 * {@link OrthancServer}) and injected as a parameter of type OrthancServer. Where Orthanc is not installed the
 * class is reported SKIPPED with the reason, never passed silently.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(OrthancExtension.class)
public @interface RequiresOrthanc {
    /** Whether the archive asks for credentials ({@link OrthancServer#USER}). */
    boolean authenticated() default false;
}
