package org.sonocine.ui;

import javafx.css.Stylesheet;

import java.io.File;
import java.io.IOException;

/**
 * Writes a style sheet in JavaFX's binary form, which JavaFX reads in place of the text form it lies beside (the
 * same name ending in {@code .bss}): the build runs it on the viewer's style sheet, as parsing the text is a good
 * part of what the window's first styling costs on a modest machine.
 */
public final class StyleSheetCompiler {
    private StyleSheetCompiler() {
    }

    /** {@code args}: the style sheet and the binary file to write. */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: StyleSheetCompiler STYLE_SHEET.css BINARY.bss");
            System.exit(2);
        }
        File binary = new File(args[1]);
        File folder = binary.getAbsoluteFile().getParentFile();
        if (folder != null && !folder.isDirectory() && !folder.mkdirs()) {
            throw new IOException("Cannot make the folder " + folder);
        }
        Stylesheet.convertToBinary(new File(args[0]), binary);
    }
}
