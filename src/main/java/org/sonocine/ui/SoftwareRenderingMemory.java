package org.sonocine.ui;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Remembers, for the installed launcher on Linux, that a display gave JavaFX no OpenGL it would use, so that the next
 * start there asks for software rendering at once.
 *
 * <p>At every start JavaFX first tries OpenGL: it loads the driver and makes a context, and only then finds whether
 * the graphics qualify. Where they do not (a virtual machine, a remote desktop, Mesa's software rasteriser) it falls
 * back to drawing in software, and GTK has loaded the OpenGL driver for nothing as well; that costs each start some
 * 50-100 ms on two cores. The note is a file named after the machine and the display (a home folder may be shared
 * by machines with and without a GPU), which the launcher script only tests for (it reads nothing from it): finding
 * it, the script passes {@code -Dprism.order=sw} and sets {@code GDK_GL=disable}.
 * The file is made or removed after a start that chose for itself, and one the note chose keeps it for a week at
 * most: then a start tries OpenGL again, in case the machine has changed (a new driver).
 */
final class SoftwareRenderingMemory {
    /** The display's file, as the launcher script passes it; absent, nothing is remembered (tests, {@code java -jar}). */
    static final String FILE_PROPERTY = "sonocine.renderingMemory";
    /** Set by the launcher script when this start renders in software because of the file. */
    static final String REMEMBERED_PROPERTY = "sonocine.renderingRemembered";
    /** JavaFX's own choice of pipelines; given by anyone but the launcher script, that choice stands. */
    static final String PIPELINE_PROPERTY = "prism.order";
    static final Duration KEPT_FOR = Duration.ofDays(7);
    /** How far ahead a note's time may be (a home folder on a server whose clock runs ahead) and still be fresh. */
    static final Duration CLOCK_TOLERANCE = Duration.ofDays(1);

    /** What the file says to whoever finds it: the script only looks whether it is there. */
    static final String CONTENT = "JavaFX found no OpenGL it would use on this display, so Sonocine starts here with"
            + " software rendering. Delete this file to have the next start try OpenGL again.\n";

    private final Path file;
    private final Clock clock;

    SoftwareRenderingMemory(Path file, Clock clock) {
        this.file = file;
        this.clock = clock;
    }

    /** The memory the launcher script asked this viewer to keep, if it did ({@code properties}: this JVM's). */
    static Optional<SoftwareRenderingMemory> of(UnaryOperator<String> properties) {
        String file = properties.apply(FILE_PROPERTY);
        if (file == null || file.isEmpty() || !Path.of(file).isAbsolute()) {
            return Optional.empty();
        }
        return Optional.of(new SoftwareRenderingMemory(Path.of(file), Clock.systemUTC()));
    }

    /**
     * After a start: {@code accelerated} tells whether JavaFX draws with the graphics hardware; {@code remembered}
     * whether this start rendered in software because of the file; {@code chosen} whether someone chose the
     * pipelines (then this start says nothing about what JavaFX would choose).
     */
    void afterStart(boolean accelerated, boolean remembered, boolean chosen) throws IOException {
        if (remembered) {
            if (!isFreshNote()) {
                Files.deleteIfExists(file);
            }
        } else if (!chosen) {
            if (accelerated) {
                Files.deleteIfExists(file);
            } else {
                write();
            }
        }
    }

    /** As {@link #afterStart(boolean, boolean, boolean)}, with what {@code properties} (the JVM's) say of the choice. */
    void afterStart(boolean accelerated, UnaryOperator<String> properties) throws IOException {
        boolean remembered = Boolean.parseBoolean(properties.apply(REMEMBERED_PROPERTY));
        afterStart(accelerated, remembered, !remembered && properties.apply(PIPELINE_PROPERTY) != null);
    }

    /**
     * A note this class made within {@link #KEPT_FOR}. Anything else the script found there (a link, a pipe, a
     * note from a clock far ahead) would send every start to software for good: it is removed (a link itself, not
     * what it points to) so that the next start tries OpenGL again.
     */
    private boolean isFreshNote() throws IOException {
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        Instant made = Files.getLastModifiedTime(file, LinkOption.NOFOLLOW_LINKS).toInstant();
        Instant now = clock.instant();
        return !made.isBefore(now.minus(KEPT_FOR)) && !made.isAfter(now.plus(CLOCK_TOLERANCE));
    }

    /** Writes nothing through or into what is not a plain file: opening a named pipe would wait for a reader. */
    private void write() throws IOException {
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.createDirectories(file.getParent());
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
            out.write(CONTENT);
        }
    }
}
