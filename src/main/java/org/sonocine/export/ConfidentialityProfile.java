package org.sonocine.export;

import java.util.HashMap;
import java.util.Map;

/**
 * The attributes of PS3.15 Table E.1-1 (Application Level Confidentiality Profile, Basic Profile column) with
 * the action each one gets. Where the table leaves a choice to IOD conformance (X/Z, X/D, X/Z/D, Z/D), the choice
 * that keeps the least is taken: X where removal is allowed, else Z. Sequences marked X/Z/U* (references to
 * other instances) are kept with their instance UIDs replaced, so that references between exported instances stay
 * linked. Repeating groups (curves, overlay data and comments) are matched by their group range.
 */
final class ConfidentialityProfile {

    /** What happens to an attribute. */
    enum Action {
        /** Removed. */
        REMOVE,
        /** Kept with an empty value (an empty sequence). */
        EMPTY,
        /** Replaced with a non-identifying value of the same VR. */
        DUMMY,
        /** Replaced with a new UID, the same for the same original throughout one export. */
        NEW_UID,
        /** A sequence of references kept, with the instance UIDs inside it replaced. */
        REFERENCES
    }

    /**
     * Tag, action code as the table gives it, and the attribute's name. Ordered by tag; action codes are the
     * table's own, so the list can be checked against the standard line by line.
     */
    private static final String TABLE = """
            0000,1000 X   Affected SOP Instance UID
            0000,1001 U   Requested SOP Instance UID
            0002,0003 U   Media Storage SOP Instance UID
            0004,1511 U   Referenced SOP Instance UID in File
            0008,0012 X/D Instance Creation Date
            0008,0013 X/Z/D Instance Creation Time
            0008,0014 U   Instance Creator UID
            0008,0015 X   Instance Coercion DateTime
            0008,0018 U   SOP Instance UID
            0008,0020 Z   Study Date
            0008,0021 X/D Series Date
            0008,0022 X/Z Acquisition Date
            0008,0023 Z/D Content Date
            0008,0024 X   Overlay Date
            0008,0025 X   Curve Date
            0008,002A X/D Acquisition DateTime
            0008,0030 Z   Study Time
            0008,0031 X/D Series Time
            0008,0032 X/Z Acquisition Time
            0008,0033 Z/D Content Time
            0008,0034 X   Overlay Time
            0008,0035 X   Curve Time
            0008,0050 Z   Accession Number
            0008,0058 U   Failed SOP Instance UID List
            0008,0080 X/Z/D Institution Name
            0008,0081 X   Institution Address
            0008,0082 X/Z/D Institution Code Sequence
            0008,0090 Z   Referring Physician's Name
            0008,0092 X   Referring Physician's Address
            0008,0094 X   Referring Physician's Telephone Numbers
            0008,0096 X   Referring Physician Identification Sequence
            0008,009C Z   Consulting Physician's Name
            0008,009D X   Consulting Physician Identification Sequence
            0008,010D U   Context Group Extension Creator UID
            0008,0201 X   Timezone Offset From UTC
            0008,1010 X/Z/D Station Name
            0008,1030 X   Study Description
            0008,103E X   Series Description
            0008,1040 X   Institutional Department Name
            0008,1041 X   Institutional Department Type Code Sequence
            0008,1048 X   Physician(s) of Record
            0008,1049 X   Physician(s) of Record Identification Sequence
            0008,1050 X   Performing Physician's Name
            0008,1052 X   Performing Physician Identification Sequence
            0008,1060 X   Name of Physician(s) Reading Study
            0008,1062 X   Physician(s) Reading Study Identification Sequence
            0008,1070 X/Z Operators' Name
            0008,1072 X/D Operator Identification Sequence
            0008,1080 X   Admitting Diagnoses Description
            0008,1084 X   Admitting Diagnoses Code Sequence
            0008,1110 X/Z Referenced Study Sequence
            0008,1111 X/Z/D Referenced Performed Procedure Step Sequence
            0008,1120 X   Referenced Patient Sequence
            0008,1140 X/Z/U* Referenced Image Sequence
            0008,1155 U   Referenced SOP Instance UID
            0008,1195 U   Transaction UID
            0008,2111 X   Derivation Description
            0008,2112 X/Z/U* Source Image Sequence
            0008,3010 U   Irradiation Event UID
            0008,4000 X   Identifying Comments
            0008,9123 U   Creator Version UID
            0010,0010 Z   Patient's Name
            0010,0020 Z   Patient ID
            0010,0021 X   Issuer of Patient ID
            0010,0030 Z   Patient's Birth Date
            0010,0032 X   Patient's Birth Time
            0010,0040 Z   Patient's Sex
            0010,0050 X   Patient's Insurance Plan Code Sequence
            0010,0101 X   Patient's Primary Language Code Sequence
            0010,0102 X   Patient's Primary Language Modifier Code Sequence
            0010,1000 X   Other Patient IDs
            0010,1001 X   Other Patient Names
            0010,1002 X   Other Patient IDs Sequence
            0010,1005 X   Patient's Birth Name
            0010,1010 X   Patient's Age
            0010,1020 X   Patient's Size
            0010,1030 X   Patient's Weight
            0010,1040 X   Patient's Address
            0010,1050 X   Insurance Plan Identification
            0010,1060 X   Patient's Mother's Birth Name
            0010,1080 X   Military Rank
            0010,1081 X   Branch of Service
            0010,1090 X   Medical Record Locator
            0010,1100 X   Referenced Patient Photo Sequence
            0010,2000 X   Medical Alerts
            0010,2110 X   Allergies
            0010,2150 X   Country of Residence
            0010,2152 X   Region of Residence
            0010,2154 X   Patient's Telephone Numbers
            0010,2155 X   Patient's Telecom Information
            0010,2160 X   Ethnic Group
            0010,2180 X   Occupation
            0010,21A0 X   Smoking Status
            0010,21B0 X   Additional Patient History
            0010,21C0 X   Pregnancy Status
            0010,21D0 X   Last Menstrual Date
            0010,21F0 X   Patient's Religious Preference
            0010,2203 X/Z Patient's Sex Neutered
            0010,2297 X   Responsible Person
            0010,2299 X   Responsible Organization
            0010,4000 X   Patient Comments
            0018,0010 Z/D Contrast/Bolus Agent
            0018,1000 X/Z/D Device Serial Number
            0018,1002 U   Device UID
            0018,1004 X   Plate ID
            0018,1005 X   Generator ID
            0018,1007 X   Cassette ID
            0018,1008 X   Gantry ID
            0018,1020 X   Software Versions
            0018,1030 X/D Protocol Name
            0018,1400 X/D Acquisition Device Processing Description
            0018,2042 U   Target UID
            0018,4000 X   Acquisition Comments
            0018,700A X/D Detector ID
            0018,9424 X   Acquisition Protocol Description
            0018,A003 X   Contribution Description
            0020,000D U   Study Instance UID
            0020,000E U   Series Instance UID
            0020,0010 Z   Study ID
            0020,0052 U   Frame of Reference UID
            0020,0200 U   Synchronization Frame of Reference UID
            0020,3401 X   Modifying Device ID
            0020,3404 X   Modifying Device Manufacturer
            0020,3406 X   Modified Image Description
            0020,4000 X   Image Comments
            0020,9158 X   Frame Comments
            0020,9161 U   Concatenation UID
            0020,9164 U   Dimension Organization UID
            0028,1199 U   Palette Color Lookup Table UID
            0028,1214 U   Large Palette Color Lookup Table UID
            0028,4000 X   Image Presentation Comments
            0032,0012 X   Study ID Issuer
            0032,1020 X   Scheduled Study Location
            0032,1021 X   Scheduled Study Location AE Title
            0032,1030 X   Reason for Study
            0032,1032 X   Requesting Physician
            0032,1033 X   Requesting Service
            0032,1060 X/Z Requested Procedure Description
            0032,1070 X   Requested Contrast Agent
            0032,4000 X   Study Comments
            0038,0004 X   Referenced Patient Alias Sequence
            0038,0010 X   Admission ID
            0038,0011 X   Issuer of Admission ID
            0038,001E X   Scheduled Patient Institution Residence
            0038,0020 X   Admitting Date
            0038,0021 X   Admitting Time
            0038,0040 X   Discharge Diagnosis Description
            0038,0050 X   Special Needs
            0038,0060 X   Service Episode ID
            0038,0061 X   Issuer of Service Episode ID
            0038,0062 X   Service Episode Description
            0038,0300 X   Current Patient Location
            0038,0400 X   Patient's Institution Residence
            0038,0500 X   Patient State
            0038,4000 X   Visit Comments
            0040,0001 X   Scheduled Station AE Title
            0040,0002 X   Scheduled Procedure Step Start Date
            0040,0003 X   Scheduled Procedure Step Start Time
            0040,0004 X   Scheduled Procedure Step End Date
            0040,0005 X   Scheduled Procedure Step End Time
            0040,0006 X   Scheduled Performing Physician's Name
            0040,0007 X   Scheduled Procedure Step Description
            0040,000B X   Scheduled Performing Physician Identification Sequence
            0040,0010 X   Scheduled Station Name
            0040,0011 X   Scheduled Procedure Step Location
            0040,0012 X   Pre-Medication
            0040,0241 X   Performed Station AE Title
            0040,0242 X   Performed Station Name
            0040,0243 X   Performed Location
            0040,0244 X   Performed Procedure Step Start Date
            0040,0245 X   Performed Procedure Step Start Time
            0040,0250 X   Performed Procedure Step End Date
            0040,0251 X   Performed Procedure Step End Time
            0040,0253 X   Performed Procedure Step ID
            0040,0254 X   Performed Procedure Step Description
            0040,0275 X   Request Attributes Sequence
            0040,0280 X   Comments on the Performed Procedure Step
            0040,0555 X   Acquisition Context Sequence
            0040,1001 X   Requested Procedure ID
            0040,1004 X   Patient Transport Arrangements
            0040,1005 X   Requested Procedure Location
            0040,1010 X   Names of Intended Recipients of Results
            0040,1011 X   Intended Recipients of Results Identification Sequence
            0040,1101 X   Person Identification Code Sequence
            0040,1102 X   Person's Address
            0040,1103 X   Person's Telephone Numbers
            0040,1400 X   Requested Procedure Comments
            0040,2001 X   Reason for the Imaging Service Request
            0040,2008 X   Order Entered By
            0040,2009 X   Order Enterer's Location
            0040,2010 X   Order Callback Phone Number
            0040,2016 Z   Placer Order Number / Imaging Service Request
            0040,2017 Z   Filler Order Number / Imaging Service Request
            0040,2400 X   Imaging Service Request Comments
            0040,3001 X   Confidentiality Constraint on Patient Data Description
            0040,4023 U   Referenced General Purpose Scheduled Procedure Step Transaction UID
            0040,A027 X   Verifying Organization
            0040,A073 D   Verifying Observer Sequence
            0040,A075 D   Verifying Observer Name
            0040,A078 X   Author Observer Sequence
            0040,A07A X   Participant Sequence
            0040,A07C X   Custodial Organization Sequence
            0040,A088 Z   Verifying Observer Identification Code Sequence
            0040,A123 D   Person Name
            0040,A124 U   UID
            0040,A730 X   Content Sequence
            0040,DB0C U   Template Extension Organization UID
            0040,DB0D U   Template Extension Creator UID
            0050,0020 X   Device Description
            0070,0001 D   Graphic Annotation Sequence
            0070,0084 Z   Content Creator's Name
            0070,0086 X   Content Creator's Identification Code Sequence
            0088,0140 U   Storage Media File-set UID
            3006,0024 U   Referenced Frame of Reference UID
            3006,00C2 U   Related Frame of Reference UID
            4000,0010 X   Arbitrary
            4000,4000 X   Text Comments
            4008,0042 X   Results ID Issuer
            4008,0102 X   Interpretation Recorder
            4008,010A X   Interpretation Transcriber
            4008,010B X   Interpretation Text
            4008,010C X   Interpretation Author
            4008,0111 X   Interpretation Approver Sequence
            4008,0114 X   Physician Approving Interpretation
            4008,0119 X   Distribution Name
            4008,011A X   Distribution Address
            4008,0202 X   Interpretation ID Issuer
            4008,0300 X   Impressions
            4008,4000 X   Results Comments
            FFFA,FFFA X   Digital Signatures Sequence
            FFFC,FFFC X   Data Set Trailing Padding
            """;

    private static final Map<Integer, Action> ACTIONS = parse(TABLE);

    private ConfidentialityProfile() {
    }

    /** The action for {@code tag}; null when the table does not name it (the attribute is kept). */
    static Action actionFor(int tag) {
        int group = tag >>> 16;
        int element = tag & 0xFFFF;
        if ((group & 0xFF00) == 0x5000) {
            return Action.REMOVE; // Curve Data (50xx,xxxx)
        }
        if ((group & 0xFF00) == 0x6000 && (group & 1) == 0 && (element == 0x3000 || element == 0x4000)) {
            return Action.REMOVE; // Overlay Data and Overlay Comments (60xx,3000), (60xx,4000)
        }
        return ACTIONS.get(tag);
    }

    /** The conservative reading of one of the table's action codes. */
    static Action of(String code) {
        return switch (code) {
            case "X", "X/Z", "X/D", "X/Z/D" -> Action.REMOVE;
            case "Z", "Z/D" -> Action.EMPTY;
            case "D" -> Action.DUMMY;
            case "U" -> Action.NEW_UID;
            case "X/Z/U*" -> Action.REFERENCES;
            default -> throw new IllegalArgumentException("unknown action code " + code);
        };
    }

    private static Map<Integer, Action> parse(String table) {
        Map<Integer, Action> actions = new HashMap<>();
        for (String line : table.strip().split("\n")) {
            String[] parts = line.strip().split("\\s+", 3);
            int tag = Integer.parseUnsignedInt(parts[0].replace(",", ""), 16);
            if (actions.put(tag, of(parts[1])) != null) {
                throw new IllegalStateException("attribute " + parts[0] + " is listed twice");
            }
        }
        return Map.copyOf(actions);
    }
}
