package org.sonocine.dicom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ElementDictionaryTest {
    private final ElementDictionary dictionary = ElementDictionary.standard();

    @Test
    void keywordsAndTagsAnswerEachOther() {
        assertEquals(Tag.FrameTimeVector, dictionary.tagOf("FrameTimeVector"));
        assertEquals("FrameTimeVector", dictionary.keywordOf(0x00181065));
        assertEquals(VR.DS, dictionary.vrOf(Tag.FrameTimeVector));
        assertThat(dictionary.lookup(Tag.PixelAspectRatio)).hasValueSatisfying(e -> {
            assertEquals("Pixel Aspect Ratio", e.name());
            assertEquals("2", e.vm());
        });
        assertThrows(IllegalArgumentException.class, () -> dictionary.tagOf("NoSuchKeyword"));
    }

    @Test
    void repeatingGroupsAreFoundInEveryEvenGroupOfTheirRange() {
        assertEquals("OverlayData", dictionary.keywordOf(0x60003000));
        assertEquals("OverlayData", dictionary.keywordOf(0x601E3000));
        assertEquals("", dictionary.keywordOf(0x60013000), "odd groups are private");
    }

    @Test
    void impliedVrsForImplicitStreams() {
        assertEquals(VR.UL, dictionary.vrOf(0x00090000), "group lengths");
        assertEquals(VR.LO, dictionary.vrOf(0x00290010), "private creators");
        assertEquals(VR.UN, dictionary.vrOf(0x00291001), "other private elements");
        assertThat(dictionary.lookup(Tag.SmallestImagePixelValue).orElseThrow().vrs()).containsExactly(VR.US, VR.SS);
    }

    @Test
    void uidNamesComeFromPs36AnnexA() {
        assertEquals("Ultrasound Multi-frame Image Storage", UidDictionary.nameOf("1.2.840.10008.5.1.4.1.1.3.1"));
        assertEquals("JPEG-LS Lossless Image Compression", UidDictionary.nameOf("1.2.840.10008.1.2.4.80"));
        assertEquals("1.2.3.4", UidDictionary.nameOf("1.2.3.4"));
    }
}
