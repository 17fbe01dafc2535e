package org.sonocine.dicom;

import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Specific Character Set decoding, with the examples of PS3.5 Annexes H, I and J. */
class CharacterSetTest {
    private static final byte[] ESC_ASCII = {0x1B, '(', 'B'};

    private static String personName(String[] charset, byte[] value) {
        Attributes ds = new Attributes();
        ds.setString(Tag.SpecificCharacterSet, VR.CS, charset);
        ds.setBytes(Tag.PatientName, VR.PN, value);
        return ds.getString(Tag.PatientName);
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    @Test
    void japaneseKanjiAndHiraganaThroughIso2022Ir87() {
        // PS3.5 H.3.1: Yamada^Tarou=山田^太郎=やまだ^たろう
        byte[] value = HexFormat.of().parseHex("59616d6164615e5461726f753d1b24423b3345441b28425e1b244242404f3a"
                + "1b28423d1b24422464245e24401b28425e1b2442243f246d24261b2842");
        assertEquals("Yamada^Tarou=山田^太郎=やまだ^たろう", personName(new String[] {"", "ISO 2022 IR 87"}, value));
    }

    @Test
    void japaneseKatakanaInG1ThroughIso2022Ir13() {
        // PS3.5 H.3.2: ﾔﾏﾀﾞ^ﾀﾛｳ=山田^太郎=やまだ^たろう
        byte[] value = HexFormat.of().parseHex("d4cfc0de5ec0dbb33d1b24423b3345441b284a5e1b244242404f3a"
                + "1b284a3d1b24422464245e24401b284a5e1b2442243f246d24261b284a");
        assertEquals("ﾔﾏﾀﾞ^ﾀﾛｳ=山田^太郎=やまだ^たろう",
                personName(new String[] {"ISO 2022 IR 13", "ISO 2022 IR 87"}, value));
    }

    @Test
    void koreanHangulAndHanjaThroughIso2022Ir149() {
        // PS3.5 I.2: Hong^Gildong=洪^吉洞=홍^길동
        Charset eucKr = Charset.forName("EUC-KR");
        byte[] g1 = {0x1B, '$', ')', 'C'};
        byte[] value = concat("Hong^Gildong=".getBytes(StandardCharsets.US_ASCII), g1, "洪".getBytes(eucKr),
                "^".getBytes(StandardCharsets.US_ASCII), g1, "吉洞".getBytes(eucKr), "=".getBytes(StandardCharsets.US_ASCII),
                g1, "홍".getBytes(eucKr), "^".getBytes(StandardCharsets.US_ASCII), g1, "길동".getBytes(eucKr));
        assertEquals("Hong^Gildong=洪^吉洞=홍^길동", personName(new String[] {"", "ISO 2022 IR 149"}, value));
    }

    @Test
    void chineseThroughGb18030AndUtf8() {
        String name = "Wang^XiaoDong=王^小东=";
        assertEquals(name, personName(new String[] {"GB18030"}, name.getBytes(Charset.forName("GB18030"))));
        assertEquals("Wang^XiaoDong=王^小東=",
                personName(new String[] {"ISO_IR 192"}, "Wang^XiaoDong=王^小東=".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void gbkValuesAreSplitAfterDecodingBecauseTrailBytesMayBeBackslashes() {
        // 乗 in GBK is 81 5C: a byte-wise split would cut it in two.
        Attributes ds = new Attributes();
        ds.setString(Tag.SpecificCharacterSet, VR.CS, "GBK");
        byte[] value = concat("乗".getBytes(Charset.forName("GBK")), new byte[] {'\\'}, "王".getBytes(Charset.forName("GBK")));
        ds.setBytes(Tag.InstitutionName, VR.LO, value);
        assertThat(ds.getStrings(Tag.InstitutionName)).containsExactly("乗", "王");
    }

    @Test
    void singleByteSetsOfIso8859() {
        assertEquals("Buc^Jérôme", personName(new String[] {"ISO_IR 100"}, "Buc^Jérôme".getBytes(StandardCharsets.ISO_8859_1)));
        assertEquals("Διονυσιος", personName(new String[] {"ISO_IR 126"}, "Διονυσιος".getBytes(Charset.forName("ISO-8859-7"))));
        assertEquals("Люкceмбypг", personName(new String[] {"ISO_IR 144"}, "Люкceмбypг".getBytes(Charset.forName("ISO-8859-5"))));
        assertEquals("قباني^لنزار", personName(new String[] {"ISO_IR 127"}, "قباني^لنزار".getBytes(Charset.forName("ISO-8859-6"))));
        assertEquals("שרון^דבורה", personName(new String[] {"ISO_IR 138"}, "שרון^דבורה".getBytes(Charset.forName("ISO-8859-8"))));
        assertEquals("Çağlar^Şeyma", personName(new String[] {"ISO_IR 148"}, "Çağlar^Şeyma".getBytes(Charset.forName("ISO-8859-9"))));
        assertEquals("Łódź", personName(new String[] {"ISO_IR 101"}, "Łódź".getBytes(Charset.forName("ISO-8859-2"))));
        assertEquals("สมชาย", personName(new String[] {"ISO_IR 166"}, "สมชาย".getBytes(Charset.forName("x-iso-8859-11"))));
    }

    @Test
    void latinUpperHalfSwitchedInByEscapeSequence() {
        byte[] value = concat("Buc^J".getBytes(StandardCharsets.US_ASCII), new byte[] {0x1B, '-', 'A'},
                "érôme".getBytes(StandardCharsets.ISO_8859_1), ESC_ASCII);
        assertEquals("Buc^Jérôme", personName(new String[] {"ISO 2022 IR 6", "ISO 2022 IR 100"}, value));
    }

    @Test
    void misspeltTermsAreReadAsTheTermTheyMeanAndReported() {
        SpecificCharacterSet cs = SpecificCharacterSet.of("ISO-IR 100");
        assertEquals("é", cs.decode(new byte[] {(byte) 0xE9}, 0, 1, false));
        assertThat(cs.warnings()).containsExactly(
                "Specific Character Set 'ISO-IR 100' is not a defined term: read as 'ISO_IR 100'");
    }

    @Test
    void undeclaredNonAsciiTextIsReadAsUtf8WhenValidElseLatin1() {
        SpecificCharacterSet cs = SpecificCharacterSet.DEFAULT;
        byte[] utf8 = "Müller".getBytes(StandardCharsets.UTF_8);
        byte[] latin1 = "Müller".getBytes(StandardCharsets.ISO_8859_1);
        assertEquals("Müller", cs.decode(utf8, 0, utf8.length, true));
        assertEquals("Müller", cs.decode(latin1, 0, latin1.length, true));
    }

    @Test
    void itemsInheritTheCharacterSetOfTheirDataSet() {
        Attributes ds = new Attributes();
        ds.setString(Tag.SpecificCharacterSet, VR.CS, "ISO_IR 192");
        Attributes item = ds.newSequence(Tag.ReferencedStudySequence).addItem();
        item.setBytes(Tag.PatientName, VR.PN, "Ådne^Øyvind".getBytes(StandardCharsets.UTF_8));
        assertEquals("Ådne^Øyvind", item.getString(Tag.PatientName));
    }

    @Test
    void japaneseSupplementaryKanjiThroughIso2022Ir159() {
        // 丂 is JIS X 0212 0x3021: ESC $ ( D designates it to G0, then two 7-bit bytes.
        byte[] value = concat("Yamada^".getBytes(StandardCharsets.US_ASCII), new byte[] {0x1B, '$', '(', 'D', 0x30,
            0x21}, ESC_ASCII);
        assertEquals("Yamada^丂", personName(new String[] {"", "ISO 2022 IR 159"}, value));
    }

    @Test
    void halfWidthKatakanaOfIsoIr13() {
        assertEquals("ｱｲｳ", personName(new String[] {"ISO_IR 13"}, new byte[] {(byte) 0xB1, (byte) 0xB2, (byte) 0xB3}));
    }

    @Test
    void latin3AndLatin4() {
        assertEquals("Ħġ", personName(new String[] {"ISO_IR 109"}, "Ħġ".getBytes(Charset.forName("ISO-8859-3"))));
        assertEquals("Ļū", personName(new String[] {"ISO_IR 110"}, "Ļū".getBytes(Charset.forName("ISO-8859-4"))));
    }
}
