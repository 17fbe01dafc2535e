package org.sonocine.ui;

import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.Optional;
import java.util.Set;

/**
 * A folder for files that hold a secret (the lock file's token): a real folder, not a link, that belongs to the
 * user running Sonocine and that nobody else may enter. Owners and permissions are checked where the file system
 * has POSIX ones; on Windows the folders under the user's profile are private through their inherited access
 * lists, and a file's owner there may be the Administrators group rather than the user, so it is not compared.
 */
final class PrivateFolder {
    static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");

    private PrivateFolder() {
    }

    /** True for an existing folder (links followed) that belongs to the user running this process. */
    static boolean belongsToUser(Path folder) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(folder, BasicFileAttributes.class);
            if (!attributes.isDirectory() || !isPosix(folder.getFileSystem())) {
                return attributes.isDirectory();
            }
            UserPrincipal owner = Files.readAttributes(folder, PosixFileAttributes.class).owner();
            return currentUser(folder.getFileSystem()).map(owner::equals).orElse(false);
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    /**
     * Creates {@code folder} (and missing parents) open to its owner only, or makes sure an existing one is a real
     * folder of this user and closes it to others.
     */
    static void ensure(Path folder) throws IOException {
        FileSystem fs = folder.getFileSystem();
        if (Files.notExists(folder, LinkOption.NOFOLLOW_LINKS)) {
            if (isPosix(fs)) {
                Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            } else {
                Files.createDirectories(folder);
            }
        }
        BasicFileAttributes attributes = Files.readAttributes(folder, BasicFileAttributes.class,
                LinkOption.NOFOLLOW_LINKS);
        if (attributes.isSymbolicLink()) {
            throw new IOException(folder + " is a symbolic link; Sonocine keeps its lock file only in a real folder");
        }
        if (!attributes.isDirectory()) {
            throw new IOException(folder + " is not a folder");
        }
        if (!isPosix(fs)) {
            return;
        }
        PosixFileAttributeView view = Files.getFileAttributeView(folder, PosixFileAttributeView.class,
                LinkOption.NOFOLLOW_LINKS);
        UserPrincipal owner = view.readAttributes().owner();
        if (currentUser(fs).filter(user -> !user.equals(owner)).isPresent()) {
            throw new IOException(folder + " belongs to another user (" + owner.getName() + ")");
        }
        // Always, not only when the rights look wrong: only the owner may change them, so this also refuses
        // another user's folder when this process's user has no name to compare with.
        view.setPermissions(OWNER_ONLY);
    }

    static boolean isPosix(FileSystem fs) {
        return fs.supportedFileAttributeViews().contains("posix");
    }

    /**
     * This process's user, whose principal compares by uid: on POSIX systems {@code user.name} is the name of the
     * process's uid. Empty when that uid has no account name (seen in some containers).
     */
    private static Optional<UserPrincipal> currentUser(FileSystem fs) {
        try {
            return Optional.of(fs.getUserPrincipalLookupService().lookupPrincipalByName(
                    System.getProperty("user.name")));
        } catch (IOException | UnsupportedOperationException e) {
            return Optional.empty();
        }
    }
}
