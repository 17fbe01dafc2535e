package org.sonocine.dicom;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Decodes text values by Specific Character Set (0008,0005), PS3.3 C.12.1.1.2 and PS3.5 section 6.1: single-byte
 * sets, UTF-8, GB18030/GBK, and ISO 2022 code extensions switched by escape sequences (Japanese IR 13/87/159,
 * Korean IR 149, Chinese IR 58, and the ISO 8859 upper halves). Misspelt terms such as "ISO-IR 100" are
 * accepted and reported by {@link #warnings()}.
 */
public final class SpecificCharacterSet {
    private static final byte ESC = 0x1B;

    /** A character set a code element (G0 or G1) can hold. */
    private enum Element {
        ASCII("US-ASCII", 1, false),
        JIS_ROMAN("JIS_X0201", 1, false),
        JIS_KATAKANA("JIS_X0201", 1, true),
        JIS_X0208("EUC-JP", 2, false),
        JIS_X0212("EUC-JP", 2, false),
        KS_X1001("EUC-KR", 2, true),
        GB2312("GB2312", 2, true),
        LATIN1("ISO-8859-1", 1, true),
        LATIN2("ISO-8859-2", 1, true),
        LATIN3("ISO-8859-3", 1, true),
        LATIN4("ISO-8859-4", 1, true),
        CYRILLIC("ISO-8859-5", 1, true),
        ARABIC("ISO-8859-6", 1, true),
        GREEK("ISO-8859-7", 1, true),
        HEBREW("ISO-8859-8", 1, true),
        LATIN5("ISO-8859-9", 1, true),
        THAI("x-iso-8859-11", 1, true),
        LATIN9("ISO-8859-15", 1, true);

        private final String charsetName;
        /**
         * Looked up when first used rather than when the class starts, which would load every set for the one a
         * file uses. Charsets are immutable, so threads racing here at worst look one up twice.
         */
        private Charset charset;
        final int bytesPerChar;
        final boolean upperHalf;

        Element(String charsetName, int bytesPerChar, boolean upperHalf) {
            this.charsetName = charsetName;
            this.bytesPerChar = bytesPerChar;
            this.upperHalf = upperHalf;
        }

        Charset charset() {
            Charset known = charset;
            if (known == null) {
                known = Charset.forName(charsetName);
                charset = known;
            }
            return known;
        }
    }

    /** What one defined term stands for: a whole-value charset, or the G0/G1 elements it designates. */
    private record Term(String name, Charset whole, Element g0, Element g1) {
    }

    public static final SpecificCharacterSet DEFAULT = new SpecificCharacterSet(
            List.of(new Term("ISO_IR 6", null, Element.ASCII, null)), List.of());

    private final List<Term> terms;
    private final List<String> warnings;

    private SpecificCharacterSet(List<Term> terms, List<String> warnings) {
        this.terms = terms;
        this.warnings = warnings;
    }

    /** The patterns that read a misspelt term; compiled only when a file has one. */
    private static final class Spellings {
        static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile("\\s+");
        static final java.util.regex.Pattern IR_PREFIX = java.util.regex.Pattern.compile("^IR ?");
        static final java.util.regex.Pattern ISO_IR_PREFIX = java.util.regex.Pattern.compile("^ISO ?_?IR_? ?");
    }
    /** Files of one exam share their character set: each declaration is worked out once. */
    private static final java.util.Map<String, SpecificCharacterSet> KNOWN = new java.util.concurrent.ConcurrentHashMap<>();

    /** The character set for the values of (0008,0005); null or empty means the default repertoire. */
    public static SpecificCharacterSet of(String... values) {
        if (values == null || values.length == 0 || (values.length == 1 && values[0].isBlank())) {
            return DEFAULT;
        }
        String key = values.length == 1 ? values[0] : String.join("\\", values);
        SpecificCharacterSet known = KNOWN.get(key);
        if (known != null) {
            return known;
        }
        SpecificCharacterSet made = make(values);
        if (KNOWN.size() < 256) {
            KNOWN.put(key, made);
        }
        return made;
    }

    private static SpecificCharacterSet make(String[] values) {
        List<Term> terms = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            String raw = values[i].trim();
            if (raw.isEmpty() && i == 0) {
                terms.add(new Term("ISO_IR 6", null, Element.ASCII, null));
                continue;
            }
            // a defined term is its own normal form
            String normal = raw;
            Term term = term(raw);
            if (term == null) {
                normal = normalize(raw);
                term = term(normal);
            }
            if (term == null) {
                warnings.add("unknown Specific Character Set '" + raw + "': text read as ISO 8859-1");
                term = new Term(raw, StandardCharsets.ISO_8859_1, Element.ASCII, Element.LATIN1);
            } else if (!normal.equals(raw)) {
                warnings.add("Specific Character Set '" + raw + "' is not a defined term: read as '" + normal + "'");
            }
            terms.add(term);
        }
        return new SpecificCharacterSet(List.copyOf(terms), List.copyOf(warnings));
    }

    private static String normalize(String term) {
        String t = Spellings.SPACES.matcher(term.toUpperCase(Locale.ROOT).replace('-', '_')).replaceAll(" ");
        if (t.equals("UTF_8") || t.equals("UTF8")) {
            return "ISO_IR 192";
        }
        if (t.startsWith("ISO 2022")) {
            String rest = t.substring(8).replace('_', ' ').trim();
            rest = Spellings.IR_PREFIX.matcher(rest).replaceFirst("");
            return "ISO 2022 IR " + rest.trim();
        }
        if (t.startsWith("ISO_IR") || t.startsWith("ISO IR") || t.startsWith("ISOIR")) {
            String number = Spellings.ISO_IR_PREFIX.matcher(t).replaceFirst("").trim();
            return "ISO_IR " + number;
        }
        return t;
    }

    private static Term term(String t) {
        return switch (t) {
            case "ISO_IR 6", "ISO 2022 IR 6" -> new Term(t, null, Element.ASCII, null);
            case "ISO_IR 100" -> single(t, Element.LATIN1);
            case "ISO_IR 101" -> single(t, Element.LATIN2);
            case "ISO_IR 109" -> single(t, Element.LATIN3);
            case "ISO_IR 110" -> single(t, Element.LATIN4);
            case "ISO_IR 144" -> single(t, Element.CYRILLIC);
            case "ISO_IR 127" -> single(t, Element.ARABIC);
            case "ISO_IR 126" -> single(t, Element.GREEK);
            case "ISO_IR 138" -> single(t, Element.HEBREW);
            case "ISO_IR 148" -> single(t, Element.LATIN5);
            case "ISO_IR 166" -> single(t, Element.THAI);
            case "ISO_IR 203" -> single(t, Element.LATIN9);
            case "ISO_IR 13" -> new Term(t, null, Element.JIS_ROMAN, Element.JIS_KATAKANA);
            case "ISO_IR 192" -> new Term(t, StandardCharsets.UTF_8, null, null);
            case "GB18030" -> new Term(t, Charset.forName("GB18030"), null, null);
            case "GBK" -> new Term(t, Charset.forName("GBK"), null, null);
            case "ISO 2022 IR 100" -> ext(t, null, Element.LATIN1);
            case "ISO 2022 IR 101" -> ext(t, null, Element.LATIN2);
            case "ISO 2022 IR 109" -> ext(t, null, Element.LATIN3);
            case "ISO 2022 IR 110" -> ext(t, null, Element.LATIN4);
            case "ISO 2022 IR 144" -> ext(t, null, Element.CYRILLIC);
            case "ISO 2022 IR 127" -> ext(t, null, Element.ARABIC);
            case "ISO 2022 IR 126" -> ext(t, null, Element.GREEK);
            case "ISO 2022 IR 138" -> ext(t, null, Element.HEBREW);
            case "ISO 2022 IR 148" -> ext(t, null, Element.LATIN5);
            case "ISO 2022 IR 166" -> ext(t, null, Element.THAI);
            case "ISO 2022 IR 203" -> ext(t, null, Element.LATIN9);
            case "ISO 2022 IR 13" -> ext(t, Element.JIS_ROMAN, Element.JIS_KATAKANA);
            case "ISO 2022 IR 87" -> ext(t, Element.JIS_X0208, null);
            case "ISO 2022 IR 159" -> ext(t, Element.JIS_X0212, null);
            case "ISO 2022 IR 149" -> ext(t, null, Element.KS_X1001);
            case "ISO 2022 IR 58" -> ext(t, null, Element.GB2312);
            default -> null;
        };
    }

    private static Term single(String name, Element upper) {
        return new Term(name, upper.charset(), Element.ASCII, upper);
    }

    private static Term ext(String name, Element g0, Element g1) {
        return new Term(name, null, g0, g1);
    }

    /** Problems with the declared terms, e.g. a misspelling that was accepted. */
    public List<String> warnings() {
        return warnings;
    }

    public boolean isDefault() {
        return this == DEFAULT;
    }

    /**
     * Whether backslashes must be found after decoding: in GBK and GB18030 a second byte may be 0x5C, so splitting
     * the bytes would cut characters.
     */
    public boolean splitsAfterDecoding() {
        Charset whole = terms.get(0).whole;
        return whole != null && (whole.name().equals("GBK") || whole.name().equals("GB18030"));
    }

    /**
     * Decodes one value (no backslash splitting) of a VR that uses the Specific Character Set. {@code personName}
     * makes '^' and '=' reset the code elements, as PS3.5 6.1.2.5.3 asks.
     */
    public String decode(byte[] bytes, int offset, int length, boolean personName) {
        if (length == 0) {
            return "";
        }
        Term first = terms.get(0);
        if (first.whole != null && terms.size() == 1) {
            return new String(bytes, offset, length, first.whole);
        }
        if (terms.size() == 1 && indexOf(bytes, offset, length, ESC) < 0) {
            if (isAscii(bytes, offset, length)) {
                return new String(bytes, offset, length, StandardCharsets.ISO_8859_1);
            }
            if (first.g1 == null && first.g0 == Element.ASCII) {
                return decodeUndeclared(bytes, offset, length);
            }
        }
        return decodeIso2022(bytes, offset, length, personName);
    }

    /** Files that declare no character set yet hold non-ASCII bytes: UTF-8 when it is valid, else Latin-1. */
    private static String decodeUndeclared(byte[] bytes, int offset, int length) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, offset, length)).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, offset, length, StandardCharsets.ISO_8859_1);
        }
    }

    private String decodeIso2022(byte[] bytes, int offset, int length, boolean personName) {
        Element initialG0 = terms.get(0).g0 != null ? terms.get(0).g0 : Element.ASCII;
        Element initialG1 = terms.get(0).g1;
        Element g0 = initialG0;
        Element g1 = initialG1;
        StringBuilder out = new StringBuilder(length);
        int end = offset + length;
        int i = offset;
        while (i < end) {
            int b = bytes[i] & 0xFF;
            if (b == ESC) {
                int consumed = escapeLength(bytes, i, end);
                Element designated = designated(bytes, i, consumed);
                if (designated == null) {
                    out.append('\uFFFD');
                } else if (designated.upperHalf) {
                    g1 = designated;
                } else {
                    g0 = designated;
                }
                i += Math.max(consumed, 1);
                continue;
            }
            if (isResetDelimiter(b, personName) && g0.bytesPerChar == 1) {
                g0 = initialG0;
                g1 = initialG1;
                out.append((char) b);
                i++;
                continue;
            }
            Element element = b < 0x80 ? g0 : g1;
            int runEnd = i;
            while (runEnd < end) {
                int c = bytes[runEnd] & 0xFF;
                if (c == ESC || (c < 0x80) != (b < 0x80)
                        || (isResetDelimiter(c, personName) && g0.bytesPerChar == 1)) {
                    break;
                }
                runEnd++;
            }
            appendRun(out, bytes, i, runEnd, element);
            i = runEnd;
        }
        return out.toString();
    }

    private static boolean isResetDelimiter(int b, boolean personName) {
        return b == '\r' || b == '\n' || b == '\t' || b == '\f' || (personName && (b == '^' || b == '='));
    }

    private static void appendRun(StringBuilder out, byte[] bytes, int from, int to, Element element) {
        if (element == null) {
            // No G1 designated: upper-half bytes have no meaning; be lenient and read them as Latin-1.
            out.append(new String(bytes, from, to - from, StandardCharsets.ISO_8859_1));
            return;
        }
        switch (element) {
            case ASCII -> out.append(new String(bytes, from, to - from, StandardCharsets.ISO_8859_1));
            case JIS_X0208 -> out.append(decodeShifted(bytes, from, to, element.charset(), false));
            case JIS_X0212 -> out.append(decodeShifted(bytes, from, to, element.charset(), true));
            default -> out.append(new String(bytes, from, to - from, element.charset()));
        }
    }

    /** JIS X 0208/0212 are designated to G0 as 7-bit byte pairs; EUC-JP holds them with the high bits set. */
    private static String decodeShifted(byte[] bytes, int from, int to, Charset eucJp, boolean jisX0212) {
        int pairs = (to - from) / 2;
        byte[] euc = new byte[pairs * (jisX0212 ? 3 : 2)];
        int o = 0;
        for (int k = 0; k < pairs; k++) {
            if (jisX0212) {
                euc[o++] = (byte) 0x8F;
            }
            euc[o++] = (byte) (bytes[from + 2 * k] | 0x80);
            euc[o++] = (byte) (bytes[from + 2 * k + 1] | 0x80);
        }
        String text = new String(euc, eucJp);
        return (to - from) % 2 == 0 ? text : text + '\uFFFD';
    }

    private static int escapeLength(byte[] b, int i, int end) {
        // ESC, then intermediate bytes 0x20-0x2F, then one final byte 0x30-0x7E.
        int j = i + 1;
        while (j < end && (b[j] & 0xFF) >= 0x20 && (b[j] & 0xFF) <= 0x2F) {
            j++;
        }
        return Math.min(j + 1, end) - i;
    }

    private static Element designated(byte[] b, int i, int length) {
        String seq = new String(b, i + 1, Math.max(0, length - 1), StandardCharsets.ISO_8859_1);
        return switch (seq) {
            case "(B" -> Element.ASCII;
            case "(J" -> Element.JIS_ROMAN;
            case ")I" -> Element.JIS_KATAKANA;
            case "$B", "$@" -> Element.JIS_X0208;
            case "$(D" -> Element.JIS_X0212;
            case "$)C" -> Element.KS_X1001;
            case "$)A" -> Element.GB2312;
            case "-A" -> Element.LATIN1;
            case "-B" -> Element.LATIN2;
            case "-C" -> Element.LATIN3;
            case "-D" -> Element.LATIN4;
            case "-L" -> Element.CYRILLIC;
            case "-G" -> Element.ARABIC;
            case "-F" -> Element.GREEK;
            case "-H" -> Element.HEBREW;
            case "-M" -> Element.LATIN5;
            case "-T" -> Element.THAI;
            case "-b" -> Element.LATIN9;
            default -> null;
        };
    }

    /**
     * Encodes text for writing: with the declared single charset, or UTF-8 when the declared set has no whole-value
     * charset (the writer declares ISO_IR 192 for such text).
     */
    public byte[] encode(String text) {
        Term first = terms.get(0);
        Charset charset = first.whole != null && terms.size() == 1 ? first.whole : null;
        if (charset == null && isAscii(text)) {
            return text.getBytes(StandardCharsets.US_ASCII);
        }
        if (charset == null) {
            charset = StandardCharsets.UTF_8;
        }
        return text.getBytes(charset);
    }

    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAscii(byte[] b, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            if (b[i] < 0) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(byte[] b, int offset, int length, byte value) {
        for (int i = offset; i < offset + length; i++) {
            if (b[i] == value) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public String toString() {
        return terms.isEmpty() ? "ISO_IR 6" : Arrays.toString(terms.stream().map(Term::name).toArray());
    }
}
