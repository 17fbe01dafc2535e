package org.sonocine.ui;

import java.nio.file.Path;

/**
 * Stands for a running viewer in a process of its own: takes the lock file's ownership, says whether it got it, and
 * keeps it until it is killed or its input ends.
 */
public final class LockFileHolder {
    private LockFileHolder() {
    }

    public static void main(String[] args) throws Exception {
        try (InstanceLockFile lock = InstanceLockFile.open(Path.of(args[0]))) {
            boolean owned = lock.claim();
            lock.endTurn();
            System.out.println(owned ? "owned" : "not owned");
            System.out.flush();
            System.in.read();
        }
    }
}
