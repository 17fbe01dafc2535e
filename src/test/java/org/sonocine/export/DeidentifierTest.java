package org.sonocine.export;

import org.junit.jupiter.api.Test;
import org.sonocine.dicom.Attributes;
import org.sonocine.dicom.Tag;
import org.sonocine.dicom.VR;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

class DeidentifierTest {
    private static final int IDENTIFYING_GROUP_LENGTH = 0x00080000;
    private static final int ITEM_GROUP_LENGTH = 0x00180000;
    private static final int ANNOTATION_GROUP_UID = 0x006A0003;
    private static final int UNFORMATTED_TEXT_VALUE = 0x00700006;
    private static final int GRAPHIC_ANNOTATION_SEQUENCE = 0x00700001;
    private static final int SELECTOR_AS_VALUE = 0x0072005F;
    private static final int STATION_AE_TITLE = 0x00080055;
    private static final int TRANSDUCER_IDENTIFICATION_SEQUENCE = 0x00185011;

    @Test
    void groupLengthsAreLeftOutBecauseRemovalsMakeThemWrong() {
        Attributes in = new Attributes();
        in.setInt(IDENTIFYING_GROUP_LENGTH, VR.UL, 200);
        in.setString(Tag.Modality, VR.CS, "US");
        in.setString(Tag.InstitutionName, VR.LO, "General Hospital");
        Attributes region = in.newSequence(Tag.SequenceOfUltrasoundRegions).addItem();
        region.setInt(ITEM_GROUP_LENGTH, VR.UL, 8);
        region.setInt(Tag.RegionSpatialFormat, VR.US, 1);

        Attributes out = new Deidentifier().deidentify(in);

        assertThat(out.contains(IDENTIFYING_GROUP_LENGTH)).isFalse();
        assertThat(out.contains(Tag.InstitutionName)).isFalse();
        assertEquals("US", out.getString(Tag.Modality));
        Attributes copiedRegion = out.getSequence(Tag.SequenceOfUltrasoundRegions).get(0);
        assertThat(copiedRegion.contains(ITEM_GROUP_LENGTH)).isFalse();
        assertEquals(1, copiedRegion.getInt(Tag.RegionSpatialFormat, -1));
    }

    @Test
    void dummyValuesAreValidForTheirVr() {
        Attributes in = new Attributes();
        Attributes annotation = in.newSequence(GRAPHIC_ANNOTATION_SEQUENCE).addItem();
        annotation.setString(UNFORMATTED_TEXT_VALUE, VR.ST, "Jane Doe, 12 Main Street");
        in.setString(ANNOTATION_GROUP_UID, VR.UI, "1.2.826.0.1.3680043.9.7777.5");
        in.setString(SELECTOR_AS_VALUE, VR.AS, "042Y");
        Deidentifier deidentifier = new Deidentifier();

        Attributes out = deidentifier.deidentify(in);

        Attributes copied = out.getSequence(GRAPHIC_ANNOTATION_SEQUENCE).get(0);
        assertEquals("ANONYMOUS", copied.getString(UNFORMATTED_TEXT_VALUE));
        assertThat(out.getString(ANNOTATION_GROUP_UID)).startsWith("2.25.")
                .isEqualTo(deidentifier.newUid("1.2.826.0.1.3680043.9.7777.5"));
        assertEquals("000D", out.getString(SELECTOR_AS_VALUE));
    }

    @Test
    void attributesAddedToTheTableAreRemoved() {
        Attributes in = new Attributes();
        in.setString(STATION_AE_TITLE, VR.AE, "US_ROOM_3");
        in.newSequence(TRANSDUCER_IDENTIFICATION_SEQUENCE).addItem().setString(Tag.Manufacturer, VR.LO, "Acme");
        in.setString(Tag.Manufacturer, VR.LO, "Acme");

        Attributes out = new Deidentifier().deidentify(in);

        assertThat(out.contains(STATION_AE_TITLE)).isFalse();
        assertThat(out.contains(TRANSDUCER_IDENTIFICATION_SEQUENCE)).isFalse();
        assertEquals("Acme", out.getString(Tag.Manufacturer));
    }

    @Test
    void freeTextInsideASequenceToBeReplacedIsReplacedTooWhileTheSameTextElsewhereIsKept() {
        Attributes in = new Attributes();
        in.setString(Tag.Manufacturer, VR.LO, "Acme Medical");
        Attributes content = in.newSequence(Tag.ContentSequence).addItem();
        content.setString(Tag.ValueType, VR.CS, "TEXT");
        content.setString(Tag.TextValue, VR.UT, "Jane Roe, seen 2024-03-15 by Dr House");
        Attributes nested = content.newSequence(Tag.ContentSequence).addItem();
        nested.setString(Tag.TextValue, VR.UT, "MRN0042");
        nested.setString(Tag.Manufacturer, VR.LO, "Acme Medical");

        Attributes out = new Deidentifier().deidentify(in);

        Attributes copied = out.getSequence(Tag.ContentSequence).get(0);
        assertEquals("ANONYMOUS", copied.getString(Tag.TextValue));
        assertEquals("TEXT", copied.getString(Tag.ValueType), "coded strings are not free text");
        Attributes copiedNested = copied.getSequence(Tag.ContentSequence).get(0);
        assertEquals("ANONYMOUS", copiedNested.getString(Tag.TextValue));
        assertEquals("ANONYMOUS", copiedNested.getString(Tag.Manufacturer));
        assertEquals("Acme Medical", out.getString(Tag.Manufacturer), "outside such a sequence text is kept");
    }
}
