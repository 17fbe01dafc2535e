package org.sonocine.dicom;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PersonNameTest {

    @Test
    void splitsComponentGroupsAndComponents() {
        PersonName name = PersonName.parse("Yamada^Tarou^^Dr.^MD=山田^太郎=やまだ^たろう");
        assertEquals(new PersonName.Group("Yamada", "Tarou", "", "Dr.", "MD"), name.alphabetic());
        assertEquals("山田", name.ideographic().family());
        assertEquals("たろう", name.phonetic().given());
        assertEquals("Dr. Tarou Yamada, MD (山田太郎)", name.toDisplayString());
    }

    @Test
    void splitsAsTheGeneralSplitterDoes() {
        for (String s : new String[] {"", "^", "^^", "a", "a^", "^a", "a^b", "a^^b^", "Yamada^Tarou^^Dr.^MD", "=", "a=b="}) {
            for (char separator : new char[] {'^', '='}) {
                assertArrayEquals(s.split(separator == '^' ? "\\^" : "=", -1), PersonName.split(s, separator),
                        s + " split at " + separator);
            }
        }
    }

    @Test
    void displayedAsAReaderSaysIt() {
        assertEquals("Mr Anna Maria Smith, PhD", PersonName.parse("Smith^Anna^Maria^Mr^PhD").toDisplayString());
        assertEquals("Anna Smith", PersonName.parse("Smith^Anna").toDisplayString());
        assertEquals("Anna", PersonName.parse("^Anna").toDisplayString());
        assertEquals(", PhD", PersonName.parse("^^^^PhD").toDisplayString());
        assertEquals("Smith (山田)", PersonName.parse("Smith=山田").toDisplayString());
    }

    @Test
    void familyNameOnlyAndEmptyNames() {
        assertEquals("Anonymized", PersonName.parse("Anonymized").toDisplayString());
        assertTrue(PersonName.parse("^^^^").isEmpty());
    }
}
