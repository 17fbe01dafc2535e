package org.sonocine.ui;

import javafx.css.CssParser;
import javafx.css.Stylesheet;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URL;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The binary style sheet the build writes beside the viewer's style sheet, which JavaFX reads in its place. */
class StyleSheetTest {
    @Test
    void theBinaryStyleSheetSaysWhatTheStyleSheetSays() throws IOException {
        URL text = ViewerApp.class.getResource("sonocine.css");
        URL binary = ViewerApp.class.getResource("sonocine.bss");
        assertNotNull(binary, "the build writes sonocine.bss beside sonocine.css (process-classes)");

        List<String> parsed = rules(new CssParser().parse(text));
        List<String> read = rules(Stylesheet.loadBinary(binary));

        assertTrue(parsed.size() > 20, "the style sheet's rules: " + parsed.size());
        assertEquals(parsed, read, "sonocine.bss is out of date: rebuild (mvn process-classes)");
    }

    private static List<String> rules(Stylesheet sheet) {
        // Declarations listed through the rule, which reads a binary sheet's on demand (its text form omits them).
        return sheet.getRules().stream().map(rule -> rule.getSelectors() + " " + rule.getDeclarations().stream()
                .map(d -> d.getProperty() + ": " + d.getParsedValue() + (d.isImportant() ? " !important" : ""))
                .toList()).toList();
    }
}
