package org.sonocine.ui;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/** The last files and folders opened, kept in the user's preferences (most recent first). */
public final class RecentFiles {
    private static final int MAX = 10;
    private static final String USER_NODE = "org/sonocine/recent";
    private Preferences node;

    public RecentFiles(Preferences node) {
        this.node = Objects.requireNonNull(node);
    }

    private RecentFiles() {
    }

    /**
     * The user's own list, read at first use: opening the user's preferences starts their back end (on Linux files,
     * locks and a timer thread), some 40 ms of a start that has better things to do.
     */
    public static RecentFiles forUser() {
        return new RecentFiles();
    }

    private synchronized Preferences node() {
        if (node == null) {
            node = Preferences.userRoot().node(USER_NODE);
        }
        return node;
    }

    public List<Path> list() {
        Preferences node = node();
        List<Path> out = new ArrayList<>();
        for (int i = 0; i < MAX; i++) {
            String p = node.get("item" + i, null);
            if (p != null) {
                out.add(Path.of(p));
            }
        }
        return out;
    }

    public synchronized void add(Path path) {
        Preferences node = node();
        List<Path> items = list();
        Path absolute = path.toAbsolutePath().normalize();
        items.remove(absolute);
        items.add(0, absolute);
        for (int i = 0; i < MAX; i++) {
            if (i < items.size()) {
                node.put("item" + i, items.get(i).toString());
            } else {
                node.remove("item" + i);
            }
        }
        try {
            node.flush();
        } catch (BackingStoreException e) {
            // Recent files are a convenience; failing to save them must not disturb the user.
        }
    }
}
