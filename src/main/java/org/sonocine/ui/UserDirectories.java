package org.sonocine.ui;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Where Sonocine keeps per-user files that may be deleted at any time: caches, and the lock file of the running
 * viewer. Follows each platform's convention so nothing lands loose in the user's home folder.
 */
final class UserDirectories {
    private final String osName;
    private final Map<String, String> env;
    private final Path home;
    private final Predicate<Path> usersOwnFolder;

    /** {@code usersOwnFolder} tells whether a path is an existing folder that belongs to the user. */
    UserDirectories(String osName, Map<String, String> env, Path home, Predicate<Path> usersOwnFolder) {
        this.osName = osName;
        this.env = env;
        this.home = home;
        this.usersOwnFolder = usersOwnFolder;
    }

    static UserDirectories current() {
        return new UserDirectories(System.getProperty("os.name", ""), System.getenv(),
                Path.of(System.getProperty("user.home")), PrivateFolder::belongsToUser);
    }

    /** {@code $XDG_CACHE_HOME/sonocine} (or {@code ~/.cache/sonocine}), {@code ~/Library/Caches/Sonocine} on macOS. */
    Path cache() {
        if (isWindows()) {
            Path local = absolute("LOCALAPPDATA", home.resolve("AppData").resolve("Local"));
            return local.resolve("Sonocine").resolve("Cache");
        }
        if (isMac()) {
            return home.resolve("Library").resolve("Caches").resolve("Sonocine");
        }
        return absolute("XDG_CACHE_HOME", home.resolve(".cache")).resolve("sonocine");
    }

    /**
     * For files that only mean something while the user is logged in: {@code $XDG_RUNTIME_DIR/sonocine}, which is
     * private to the user and local to the machine even when the home folder is shared; the cache folder elsewhere,
     * and also when the variable names no folder of the user's own (a stale or borrowed environment).
     */
    Path runtime() {
        if (!isWindows() && !isMac()) {
            String runtime = env.get("XDG_RUNTIME_DIR");
            if (runtime != null && Path.of(runtime).isAbsolute() && usersOwnFolder.test(Path.of(runtime))) {
                return Path.of(runtime).resolve("sonocine");
            }
        }
        return cache();
    }

    /** The folder an environment variable names; the XDG specification says to ignore a relative one. */
    private Path absolute(String variable, Path fallback) {
        String value = env.get(variable);
        return value != null && !value.isEmpty() && Path.of(value).isAbsolute() ? Path.of(value) : fallback;
    }

    private boolean isWindows() {
        return osName.startsWith("Windows");
    }

    private boolean isMac() {
        return osName.startsWith("Mac");
    }
}
