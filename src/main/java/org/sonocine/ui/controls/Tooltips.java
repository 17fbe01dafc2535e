package org.sonocine.ui.controls;

import javafx.event.EventHandler;
import javafx.scene.control.Control;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;

/**
 * Tooltips made when the pointer first comes over their control. Each tooltip is a popup window of its own, and a
 * window's toolbars hold a score of them: made up front, they were a good part of building the window a start
 * waits for, for text most users never hover to see.
 */
public final class Tooltips {
    private Tooltips() {
    }

    /**
     * Gives {@code control} the tooltip {@code text} from the first time the pointer enters it (it shows after the
     * usual delay once the pointer moves there); screen readers have the text at once.
     */
    public static void onHover(Control control, String text) {
        control.setAccessibleHelp(text);
        EventHandler<MouseEvent> install = new EventHandler<>() {
            @Override
            public void handle(MouseEvent e) {
                control.removeEventHandler(MouseEvent.MOUSE_ENTERED, this);
                if (control.getTooltip() == null) {
                    control.setTooltip(new Tooltip(text));
                }
            }
        };
        control.addEventHandler(MouseEvent.MOUSE_ENTERED, install);
    }
}
