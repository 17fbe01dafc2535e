package org.sonocine.study;

import org.junit.jupiter.api.Test;

import java.text.Collator;
import java.util.Locale;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

class NameOrderTest {
    private static final Collator ROOT = rootSecondary();

    @Test
    void everyPairOfPrintableCharactersIsOrderedAsTheCollatorOrdersIt() {
        for (char a = ' '; a < 0x7f; a++) {
            for (char b = ' '; b < 0x7f; b++) {
                assertSameOrder("x" + a, "x" + b);
                assertSameOrder(a + "y", b + "z");
            }
        }
    }

    @Test
    void namesWithSpacesHyphensCaseAndAccentsAreOrderedAsTheCollatorOrdersThem() {
        String[] names = {"Baker", "baker", "BAKER", "Bäker", "Baker Anne", "Baker-Anne", "BakerAnne", "Émile",
                "Emile", "emile", "O'Brien", "OBrien", "Zoë", "Zoe", "Ng", "N g", "Ng-", "-Ng", "Smith^John",
                "Smith John", "Smith, John", "Straße", "Strasse", "1", "01", "A1", "a 1", "Æsop", "Aesop", "\tTab",
                "Tab"};
        for (String a : names) {
            for (String b : names) {
                assertSameOrder(a, b);
            }
        }
    }

    @Test
    void randomPlainAndUnusualNamesAreOrderedAsTheCollatorOrdersThem() {
        String alphabet = "aAbBzZ09 -_.,'^~|é\u0301\u00a0\u0007";
        Random random = new Random(15);
        for (int n = 0; n < 100_000; n++) {
            assertSameOrder(randomName(random, alphabet), randomName(random, alphabet));
        }
    }

    private static String randomName(Random random, String alphabet) {
        int length = random.nextInt(6);
        StringBuilder name = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            // mostly plain characters, so the names share prefixes and differ late as often as early
            name.append(alphabet.charAt(random.nextInt(random.nextInt(8) == 0 ? alphabet.length() : 16)));
        }
        return name.toString();
    }

    private static void assertSameOrder(String a, String b) {
        assertEquals(Integer.signum(ROOT.compare(a, b)), Integer.signum(NameOrder.compare(a, b)),
                "\"" + a + "\" against \"" + b + "\"");
    }

    private static Collator rootSecondary() {
        Collator collator = Collator.getInstance(Locale.ROOT);
        collator.setStrength(Collator.SECONDARY);
        return collator;
    }
}
