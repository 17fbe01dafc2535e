package org.sonocine.dicom;

/**
 * A message that quotes text from a file, kept to one line: each control character of the text is written as an
 * escape ({@code \n}, {@code \t}, {@code \u0007}), so that a hostile file cannot break a warning or a reason into
 * lines that pass for others, or for a stack trace, wherever they are shown or logged, nor send a terminal the
 * escape sequences that move its cursor or rewrite what it shows.
 */
public final class OneLine {
    private OneLine() {
    }

    public static String of(String message) {
        if (message == null || !hasControl(message)) {
            return message;
        }
        StringBuilder line = new StringBuilder(message.length() + 16);
        for (int i = 0; i < message.length(); i++) {
            char c = message.charAt(i);
            switch (c) {
                case '\n' -> line.append("\\n");
                case '\r' -> line.append("\\r");
                case '\t' -> line.append("\\t");
                default -> {
                    if (isControl(c)) {
                        String hex = Integer.toHexString(c);
                        line.append("\\u").append("0000", hex.length(), 4).append(hex);
                    } else {
                        line.append(c);
                    }
                }
            }
        }
        return line.toString();
    }

    private static boolean hasControl(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (isControl(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isControl(char c) {
        return c < 0x20 || (c >= 0x7f && c < 0xa0);
    }
}
