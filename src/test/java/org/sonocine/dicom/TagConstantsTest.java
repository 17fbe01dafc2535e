package org.sonocine.dicom;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tag.java and dictionary.tsv are generated together (src/build/generate-dictionary.py); this keeps them from
 * drifting apart when one is regenerated or edited without the other.
 */
class TagConstantsTest {

    @Test
    void theConstantsAreExactlyTheDictionarysSingleElementKeywordsWithTheirTags() throws Exception {
        Map<String, Integer> constants = tagConstants();
        Map<String, Integer> dictionary = singleElementKeywords();

        Map<String, String> disagreements = new TreeMap<>();
        constants.forEach((keyword, tag) -> {
            Integer listed = dictionary.get(keyword);
            if (!tag.equals(listed)) {
                disagreements.put(keyword, "Tag has " + hex(tag) + ", the dictionary "
                        + (listed == null ? "no such keyword" : hex(listed)));
            }
        });
        dictionary.forEach((keyword, tag) -> {
            if (!constants.containsKey(keyword)) {
                disagreements.put(keyword, "the dictionary has " + hex(tag) + ", Tag no constant");
            }
        });
        assertThat(dictionary).isNotEmpty();
        assertThat(disagreements).as("regenerate both with src/build/generate-dictionary.py").isEmpty();
    }

    @Test
    void theLoadedDictionaryAnswersEveryConstantWithItsKeyword() throws Exception {
        ElementDictionary dictionary = ElementDictionary.standard();

        assertThat(tagConstants()).allSatisfy((keyword, tag) -> {
            assertThat(dictionary.tagOf(keyword)).as(keyword).isEqualTo(tag);
            assertThat(dictionary.keywordOf(tag)).as("keyword of %s", hex(tag)).isEqualTo(keyword);
        });
    }

    private static String hex(int tag) {
        return String.format("%08X", tag);
    }

    /** Name to value of every public int constant of {@link Tag}. */
    private static Map<String, Integer> tagConstants() throws IllegalAccessException {
        Map<String, Integer> constants = new TreeMap<>();
        for (Field field : Tag.class.getDeclaredFields()) {
            int modifiers = field.getModifiers();
            if (Modifier.isPublic(modifiers) && Modifier.isStatic(modifiers) && field.getType() == int.class) {
                constants.put(field.getName(), field.getInt(null));
            }
        }
        return constants;
    }

    /**
     * Keyword to tag of every element the shipped dictionary lists with a keyword and one tag; elements of
     * repeating groups (60xx,3000) have no constant, since their tag is not one number.
     */
    private static Map<String, Integer> singleElementKeywords() throws IOException {
        Map<String, Integer> keywords = new TreeMap<>();
        try (InputStream in = ElementDictionary.class.getResourceAsStream("dictionary.tsv")) {
            assertThat(in).as("dictionary.tsv beside ElementDictionary").isNotNull();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                String[] columns = line.split("\t", -1);
                if (line.isEmpty() || line.startsWith("#") || columns[0].contains("x") || columns[3].isEmpty()) {
                    continue;
                }
                Integer earlier = keywords.put(columns[3], Integer.parseUnsignedInt(columns[0], 16));
                assertThat(earlier).as("a second tag for keyword %s", columns[3]).isNull();
            }
        }
        return keywords;
    }
}
