package org.sonocine.dicom;

import org.junit.jupiter.api.Test;

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
    void familyNameOnlyAndEmptyNames() {
        assertEquals("Anonymized", PersonName.parse("Anonymized").toDisplayString());
        assertTrue(PersonName.parse("^^^^").isEmpty());
    }
}
