package org.sonocine.ui;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class UserDirectoriesTest {
    private static final Path HOME = Path.of("/home/echo");

    private static UserDirectories linux(Map<String, String> env) {
        return new UserDirectories("Linux", env, HOME);
    }

    @Test
    void linuxCacheFollowsXdgCacheHome() {
        assertThat(linux(Map.of("XDG_CACHE_HOME", "/var/cache/echo")).cache())
                .isEqualTo(Path.of("/var/cache/echo/sonocine"));
    }

    @Test
    void linuxCacheDefaultsToDotCache() {
        assertThat(linux(Map.of()).cache()).isEqualTo(HOME.resolve(".cache/sonocine"));
    }

    @Test
    void relativeXdgCacheHomeIsIgnoredAsTheSpecificationSays() {
        assertThat(linux(Map.of("XDG_CACHE_HOME", "cache")).cache()).isEqualTo(HOME.resolve(".cache/sonocine"));
    }

    @Test
    void linuxLockFileLivesInTheRuntimeFolderWhenThereIsOne() {
        assertThat(linux(Map.of("XDG_RUNTIME_DIR", "/run/user/1000")).runtime())
                .isEqualTo(Path.of("/run/user/1000/sonocine"));
        assertThat(linux(Map.of()).runtime()).isEqualTo(HOME.resolve(".cache/sonocine"));
    }

    @Test
    void macOsUsesLibraryCaches() {
        UserDirectories mac = new UserDirectories("Mac OS X", Map.of("XDG_RUNTIME_DIR", "/tmp/x"), HOME);

        assertThat(mac.cache()).isEqualTo(HOME.resolve("Library/Caches/Sonocine"));
        assertThat(mac.runtime()).isEqualTo(mac.cache());
    }

    @Test
    void windowsUsesLocalAppData() {
        Path local = HOME.resolve("AppData/Local").toAbsolutePath();
        UserDirectories windows = new UserDirectories("Windows 11", Map.of("LOCALAPPDATA", local.toString()), HOME);

        assertThat(windows.cache()).isEqualTo(local.resolve("Sonocine").resolve("Cache"));
    }
}
