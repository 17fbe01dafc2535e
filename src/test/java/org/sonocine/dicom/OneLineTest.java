package org.sonocine.dicom;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class OneLineTest {
    @Test
    void controlCharactersOfQuotedTextAreWrittenAsEscapes() {
        assertEquals("unknown Specific Character Set 'ISO\\n\\tat _IR\\u0007 100\\r\\u0085'",
                OneLine.of("unknown Specific Character Set 'ISO\n\tat _IR\u0007 100\r\u0085'"));
    }

    @Test
    void aMessageOfPrintableTextIsLeftAsItIs() {
        String message = "element (0008,0016) at byte 132 declares 90 bytes, but only 12 remain — é, 日本";
        assertSame(message, OneLine.of(message));
    }

    @Test
    void warningsAndReasonsAreKeptToOneLine() {
        BoundedWarnings warnings = new BoundedWarnings();
        warnings.add("transfer syntax '1.2\n\tat x'");
        assertEquals("transfer syntax '1.2\\n\\tat x'", warnings.get(0));
        assertEquals("bad value 'a\\nb'", new DicomException("bad value 'a\nb'").getMessage());
    }
}
