package org.sonocine.export;

import org.junit.jupiter.api.Test;
import org.sonocine.dicom.Tag;
import org.sonocine.export.ConfidentialityProfile.Action;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class ConfidentialityProfileTest {

    @Test
    void combinedCodesTakeTheChoiceThatKeepsLeast() {
        assertEquals(Action.REMOVE, ConfidentialityProfile.of("X/Z"));
        assertEquals(Action.REMOVE, ConfidentialityProfile.of("X/D"));
        assertEquals(Action.REMOVE, ConfidentialityProfile.of("X/Z/D"));
        assertEquals(Action.EMPTY, ConfidentialityProfile.of("Z/D"));
        assertEquals(Action.REFERENCES, ConfidentialityProfile.of("X/Z/U*"));
        assertThatThrownBy(() -> ConfidentialityProfile.of("K")).hasMessage("unknown action code K");
    }

    @Test
    void readsTheTableAndTheRepeatingGroups() {
        assertEquals(Action.EMPTY, ConfidentialityProfile.actionFor(Tag.PatientName));
        assertEquals(Action.REMOVE, ConfidentialityProfile.actionFor(Tag.InstitutionName));
        assertEquals(Action.REMOVE, ConfidentialityProfile.actionFor(Tag.DeviceSerialNumber));
        assertEquals(Action.NEW_UID, ConfidentialityProfile.actionFor(Tag.StudyInstanceUID));
        assertEquals(Action.NEW_UID, ConfidentialityProfile.actionFor(Tag.ReferencedSOPInstanceUID));
        assertEquals(Action.DUMMY, ConfidentialityProfile.actionFor(0x0040A123));
        assertEquals(Action.REMOVE, ConfidentialityProfile.actionFor(0x60023000));
        assertEquals(Action.REMOVE, ConfidentialityProfile.actionFor(0x50023000));
        assertNull(ConfidentialityProfile.actionFor(0x60020010));
        assertNull(ConfidentialityProfile.actionFor(Tag.Modality));
        assertNull(ConfidentialityProfile.actionFor(Tag.SOPClassUID));
    }

    @Test
    void newUidsAreShortEnoughAndStable() {
        Deidentifier deidentifier = new Deidentifier();
        String uid = deidentifier.newUid("1.2.3");
        assertEquals(uid, deidentifier.newUid("1.2.3"));
        org.assertj.core.api.Assertions.assertThat(uid).matches("2\\.25\\.[1-9][0-9]*").hasSizeLessThanOrEqualTo(64);
        org.assertj.core.api.Assertions.assertThat(deidentifier.newUid("1.2.4")).isNotEqualTo(uid);
    }
}
