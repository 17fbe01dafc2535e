package org.sonocine.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;

import java.io.IOException;
import java.io.Writer;

/**
 * Where the commands write JSON. JSON escapes only the control characters below 0x20; text from a file or an
 * archive may also hold DEL and the C1 controls (0x9B is a terminal's CSI), which the text output writes as escapes
 * (see {@code OneLine}): here they are written as {@code \u007F} ... {@code \u009F}, valid JSON all the same.
 */
final class JsonOutput {
    private static final JsonFactory FACTORY = new JsonFactory();
    private static final CharacterEscapes CONTROLS = new ControlEscapes();

    private JsonOutput() {
    }

    static JsonGenerator generator(Writer out) throws IOException {
        JsonGenerator generator = FACTORY.createGenerator(out);
        generator.setCharacterEscapes(CONTROLS);
        return generator;
    }

    /** JSON's own escapes, and DEL and C1 as {@code \}{@code uXXXX}. */
    private static final class ControlEscapes extends CharacterEscapes {
        private static final int DEL = 0x7F;
        private static final int LAST_C1 = 0x9F;
        private static final String HEX = "0123456789ABCDEF";
        private final int[] ascii = standardAsciiEscapesForJSON();
        private final SerializableString[] c1 = new SerializableString[LAST_C1 - DEL];

        ControlEscapes() {
            ascii[DEL] = ESCAPE_STANDARD;
            for (int c = DEL + 1; c <= LAST_C1; c++) {
                // not String.format: a short command's first call of it sets up locale data
                c1[c - DEL - 1] = new SerializedString("\\u00" + HEX.charAt(c >> 4) + HEX.charAt(c & 0xF));
            }
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return ch > DEL && ch <= LAST_C1 ? c1[ch - DEL - 1] : null;
        }
    }
}
