package org.sonocine.ui.remote;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/**
 * The archives the user has set up, kept in the user's preferences: name, address, how to sign in and the user
 * name. A password or token is kept only when the user asks for it, and then unencrypted: the dialog says so.
 */
public final class ArchiveSettings {
    /** How to sign in. */
    public enum SignIn {
        NONE("No sign-in"), BASIC("User name and password"), BEARER("Bearer token");

        private final String label;

        SignIn(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** One archive as set up; {@code savedSecret} is empty unless the user chose to keep it. */
    public record Archive(String name, String url, SignIn signIn, String user, String savedSecret) {
    }

    private static final String USER_NODE = "org/sonocine/archives";
    private Preferences node;

    public ArchiveSettings(Preferences node) {
        this.node = Objects.requireNonNull(node);
    }

    private ArchiveSettings() {
    }

    /** The user's own settings, read at first use: opening the user's preferences takes a start some 40 ms. */
    public static ArchiveSettings forUser() {
        return new ArchiveSettings();
    }

    private synchronized Preferences node() {
        if (node == null) {
            node = Preferences.userRoot().node(USER_NODE);
        }
        return node;
    }

    /** The archives set up, in the order they were first added. */
    public List<Archive> archives() {
        List<Archive> archives = new ArrayList<>();
        try {
            Preferences node = node();
            String[] keys = node.childrenNames();
            java.util.Arrays.sort(keys);
            for (String key : keys) {
                Preferences p = node.node(key);
                String url = p.get("url", "");
                if (url.isEmpty()) {
                    continue;
                }
                SignIn signIn;
                try {
                    signIn = SignIn.valueOf(p.get("signIn", "NONE"));
                } catch (IllegalArgumentException e) {
                    signIn = SignIn.NONE;
                }
                archives.add(new Archive(p.get("name", url), url, signIn, p.get("user", ""), p.get("secret", "")));
            }
        } catch (BackingStoreException | IllegalStateException e) {
            // Settings that cannot be read leave the list empty; the user types the address again.
        }
        return archives;
    }

    /** Keeps {@code archive}, replacing one of the same name. */
    public void save(Archive archive) {
        try {
            Preferences p = node().node(key(archive.name()));
            p.put("name", archive.name());
            p.put("url", archive.url());
            p.put("signIn", archive.signIn().name());
            p.put("user", archive.user());
            if (archive.savedSecret().isEmpty()) {
                p.remove("secret");
            } else {
                p.put("secret", archive.savedSecret());
            }
            p.flush();
        } catch (BackingStoreException | IllegalStateException e) {
            // Not remembered this time; the search itself goes on.
        }
    }

    /** The preference node's name for an archive: its name, in characters every store accepts. */
    private static String key(String name) {
        String key = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        return key.length() > 60 ? key.substring(0, 60) : key.isEmpty() ? "archive" : key;
    }
}
