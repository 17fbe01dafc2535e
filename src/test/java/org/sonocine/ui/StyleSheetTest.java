package org.sonocine.ui;

import javafx.css.CssParser;
import javafx.css.Stylesheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The binary style sheet the build writes into the jar beside the viewer's style sheet, read in its place. */
class StyleSheetTest {
    @Test
    void theBinaryStyleSheetSaysWhatTheStyleSheetSays(@TempDir Path dir) throws IOException, URISyntaxException {
        URL text = ViewerApp.class.getResource("sonocine.css");
        Path binary = dir.resolve("sub").resolve("sonocine.bss");

        StyleSheetCompiler.main(new String[] {Path.of(text.toURI()).toString(), binary.toString()});

        assertTrue(Files.size(binary) > 0);
        List<String> parsed = rules(new CssParser().parse(text));
        assertTrue(parsed.size() > 20, "the style sheet's rules: " + parsed.size());
        assertEquals(parsed, rules(Stylesheet.loadBinary(binary.toUri().toURL())));
    }

    private static List<String> rules(Stylesheet sheet) {
        // Declarations listed through the rule, which reads a binary sheet's on demand (its text form omits them).
        return sheet.getRules().stream().map(rule -> rule.getSelectors() + " " + rule.getDeclarations().stream()
                .map(d -> d.getProperty() + ": " + d.getParsedValue() + (d.isImportant() ? " !important" : ""))
                .toList()).toList();
    }
}
