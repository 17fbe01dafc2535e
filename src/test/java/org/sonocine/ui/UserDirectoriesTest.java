package org.sonocine.ui;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

class UserDirectoriesTest {
    private static final Path HOME = Path.of("/home/echo");

    private static final Predicate<Path> ALL_OWN = folder -> true;

    private static UserDirectories linux(Map<String, String> env) {
        return new UserDirectories("Linux", env, HOME, ALL_OWN);
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
    void runtimeFolderOfAnotherUserIsNotUsed() {
        UserDirectories borrowed = new UserDirectories("Linux", Map.of("XDG_RUNTIME_DIR", "/run/user/1000"), HOME,
                folder -> !folder.equals(Path.of("/run/user/1000")));

        assertThat(borrowed.runtime()).isEqualTo(HOME.resolve(".cache/sonocine"));
    }

    @Test
    void aFolderOfOurOwnCountsAsTheUsersAndAMissingOneDoesNot(@TempDir Path dir) {
        assertThat(PrivateFolder.belongsToUser(dir)).isTrue();
        assertThat(PrivateFolder.belongsToUser(dir.resolve("missing"))).isFalse();
    }

    @Test
    void macOsUsesLibraryCaches() {
        UserDirectories mac = new UserDirectories("Mac OS X", Map.of("XDG_RUNTIME_DIR", "/tmp/x"), HOME, ALL_OWN);

        assertThat(mac.cache()).isEqualTo(HOME.resolve("Library/Caches/Sonocine"));
        assertThat(mac.runtime()).isEqualTo(mac.cache());
    }

    @Test
    void windowsUsesLocalAppData() {
        Path local = HOME.resolve("AppData/Local").toAbsolutePath();
        UserDirectories windows = new UserDirectories("Windows 11", Map.of("LOCALAPPDATA", local.toString()), HOME,
                ALL_OWN);

        assertThat(windows.cache()).isEqualTo(local.resolve("Sonocine").resolve("Cache"));
    }
}
