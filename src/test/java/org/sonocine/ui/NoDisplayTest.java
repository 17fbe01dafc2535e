package org.sonocine.ui;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The viewer started where there is no display (over ssh without X forwarding, on a server): one line saying so,
 * a failing exit status, and no stack trace.
 */
class NoDisplayTest {
    @Test
    @EnabledOnOs(OS.LINUX)
    void withoutADisplayTheViewerSaysSoInOneLine(@TempDir Path home) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dsonocine.relaunched=true", "-cp", System.getProperty("java.class.path"), "org.sonocine.Main"))
                .redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.remove("DISPLAY");
        env.remove("WAYLAND_DISPLAY");
        // Its own folders: a viewer the developer has open must not be handed the start instead.
        env.put("HOME", home.toString());
        env.put("XDG_RUNTIME_DIR", home.resolve("run").toString());
        env.put("XDG_CACHE_HOME", home.resolve("cache").toString());
        env.put("XDG_CONFIG_HOME", home.resolve("config").toString());
        Process viewer = builder.start();
        byte[] output = viewer.getInputStream().readAllBytes();
        assertTrue(viewer.waitFor(60, TimeUnit.SECONDS), "the viewer did not end");
        String said = new String(output, StandardCharsets.UTF_8);

        assertEquals(1, viewer.exitValue(), said);
        assertThat(said).contains("sonocine: the viewer could not start: Unable to open DISPLAY (it needs a graphical"
                + " display; the command line runs without one: sonocine --help)");
        assertThat(said).doesNotContain("Exception in thread").doesNotContainPattern("(?m)^\\s+at ");
    }
}
