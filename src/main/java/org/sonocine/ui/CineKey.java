package org.sonocine.ui;

import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

import java.util.function.Consumer;

/**
 * The cine's keyboard shortcuts, in one place: the key handler acts on them, and the tooltips and
 * Help › Keyboard Shortcuts show them, so what is shown is what works.
 */
enum CineKey {
    PLAY_PAUSE("Space", "Play / pause", KeyCode.SPACE, null, CineViewModel::togglePlay),
    PREVIOUS_FRAME("←", "Previous frame", KeyCode.LEFT, null, cine -> cine.step(-1)),
    NEXT_FRAME("→", "Next frame", KeyCode.RIGHT, null, cine -> cine.step(1)),
    FIRST_FRAME("Home", "First frame", KeyCode.HOME, null, CineViewModel::firstFrame),
    LAST_FRAME("End", "Last frame", KeyCode.END, null, CineViewModel::lastFrame),
    // Keyboard layouts put brackets on different keys; the typed character finds them wherever they are.
    SLOWER("[", "Slower", KeyCode.OPEN_BRACKET, "[", cine -> cine.faster(false)),
    FASTER("]", "Faster", KeyCode.CLOSE_BRACKET, "]", cine -> cine.faster(true));

    private final String keys;
    private final String action;
    private final KeyCode code;
    private final String character;
    private final Consumer<CineViewModel> command;

    CineKey(String keys, String action, KeyCode code, String character, Consumer<CineViewModel> command) {
        this.keys = keys;
        this.action = action;
        this.code = code;
        this.character = character;
        this.command = command;
    }

    String keys() {
        return keys;
    }

    String action() {
        return action;
    }

    /** e.g. "First frame (Home)". */
    String tooltip() {
        return action + " (" + keys + ")";
    }

    void run(CineViewModel cine) {
        command.accept(cine);
    }

    /** The shortcut {@code e} presses, if any: by key code first, then by the character it types. */
    static CineKey of(KeyEvent e) {
        for (CineKey key : values()) {
            if (key.code == e.getCode()) {
                return key;
            }
        }
        for (CineKey key : values()) {
            if (key.character != null && key.character.equals(e.getText())) {
                return key;
            }
        }
        return null;
    }
}
