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
    void rowsWhoseCodeTheStandardChangedFollowIt() {
        assertEquals(Action.REMOVE, ConfidentialityProfile.actionFor(0x0008002A)); // Acquisition DateTime, X/Z/D
        assertEquals(Action.REMOVE, ConfidentialityProfile.actionFor(0x00081070)); // Operators' Name, X/Z/D
        assertEquals(Action.EMPTY, ConfidentialityProfile.actionFor(Tag.PatientID)); // Z/D
        assertEquals(Action.EMPTY, ConfidentialityProfile.actionFor(0x00700084)); // Content Creator's Name, Z/D
        assertEquals(Action.REMOVE, ConfidentialityProfile.actionFor(0x00400555)); // Acquisition Context Sequence, X/Z
        assertEquals(Action.DUMMY, ConfidentialityProfile.actionFor(0x00401101)); // Person Identification Code Seq.
        assertEquals(Action.DUMMY, ConfidentialityProfile.actionFor(0x0040A027)); // Verifying Organization
        assertEquals(Action.DUMMY, ConfidentialityProfile.actionFor(0x0040A730)); // Content Sequence
    }

    @Test
    void rowsTheTableWasMissingAreThere() {
        assertEquals(Action.REMOVE, ConfidentialityProfile.actionFor(0x00080055)); // Station AE Title
        assertEquals(Action.REMOVE, ConfidentialityProfile.actionFor(0x00181012)); // Date of Secondary Capture
        assertEquals(Action.REMOVE, ConfidentialityProfile.actionFor(0x00185011)); // Transducer Identification Seq.
        assertEquals(Action.REMOVE, ConfidentialityProfile.actionFor(0x00320032)); // Study Verified Date
        assertEquals(Action.REMOVE, ConfidentialityProfile.actionFor(0x00880200)); // Icon Image Sequence
        assertEquals(Action.REMOVE, ConfidentialityProfile.actionFor(0x00160072)); // GPS Latitude
        assertEquals(Action.REMOVE, ConfidentialityProfile.actionFor(0x00100043)); // Sex Parameters for Clinical Use
        assertEquals(Action.REMOVE, ConfidentialityProfile.actionFor(0x0040B020)); // Waveform Annotation Seq., X/D
        assertEquals(Action.EMPTY, ConfidentialityProfile.actionFor(0x00120030)); // Clinical Trial Site ID
        assertEquals(Action.EMPTY, ConfidentialityProfile.actionFor(0x00189919)); // Instruction Performed DT, Z/D
        assertEquals(Action.DUMMY, ConfidentialityProfile.actionFor(0x00120040)); // Clinical Trial Subject ID
        assertEquals(Action.DUMMY, ConfidentialityProfile.actionFor(0x00189074)); // Frame Acquisition DateTime
        assertEquals(Action.DUMMY, ConfidentialityProfile.actionFor(0x00700006)); // Unformatted Text Value
        assertEquals(Action.NEW_UID, ConfidentialityProfile.actionFor(0x00080017)); // Acquisition UID
        assertEquals(Action.NEW_UID, ConfidentialityProfile.actionFor(0x0040A171)); // Observation UID
        assertEquals(Action.NEW_UID, ConfidentialityProfile.actionFor(0x00620021)); // Tracking UID
    }

    @Test
    void rowsTheStandardDoesNotListAreKept() {
        assertNull(ConfidentialityProfile.actionFor(0x0008010D)); // Context Group Extension Creator UID
        assertNull(ConfidentialityProfile.actionFor(0x00089123)); // Creator Version UID
        assertNull(ConfidentialityProfile.actionFor(0x00181020)); // Software Versions
        assertNull(ConfidentialityProfile.actionFor(0x00203404)); // Modifying Device Manufacturer
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
