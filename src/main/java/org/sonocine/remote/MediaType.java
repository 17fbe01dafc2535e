package org.sonocine.remote;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A Content-Type value (RFC 9110 section 8.3): type/subtype and parameters, names in lower case, quoted values
 * unquoted. DICOMweb nests one inside another: {@code multipart/related; type="image/jpeg; transfer-syntax=..."}.
 */
record MediaType(String type, Map<String, String> parameters) {

    static MediaType parse(String value) throws RemoteException {
        if (value == null || value.isBlank()) {
            throw new RemoteException(RemoteException.Reason.MALFORMED, "the archive's answer has no Content-Type");
        }
        int semicolon = indexOutsideQuotes(value, 0);
        String type = value.substring(0, semicolon < 0 ? value.length() : semicolon).trim().toLowerCase(Locale.ROOT);
        if (!type.matches("[a-z0-9!#$&^_.+-]+/[a-z0-9!#$&^_.+-]+")) {
            throw new RemoteException(RemoteException.Reason.MALFORMED, "the archive sent an unreadable Content-Type: "
                    + value);
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        int at = semicolon;
        while (at >= 0) {
            int next = indexOutsideQuotes(value, at + 1);
            String parameter = value.substring(at + 1, next < 0 ? value.length() : next).trim();
            int eq = parameter.indexOf('=');
            if (eq > 0) {
                String name = parameter.substring(0, eq).trim().toLowerCase(Locale.ROOT);
                parameters.putIfAbsent(name, unquote(parameter.substring(eq + 1).trim()));
            }
            at = next;
        }
        return new MediaType(type, Map.copyOf(parameters));
    }

    Optional<String> parameter(String name) {
        return Optional.ofNullable(parameters.get(name));
    }

    private static int indexOutsideQuotes(String s, int from) {
        boolean quoted = false;
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == '\\' && quoted) {
                i++;
            } else if (c == ';' && !quoted) {
                return i;
            }
        }
        return -1;
    }

    private static String unquote(String v) {
        if (v.length() < 2 || v.charAt(0) != '"' || v.charAt(v.length() - 1) != '"') {
            return v;
        }
        StringBuilder b = new StringBuilder(v.length());
        for (int i = 1; i < v.length() - 1; i++) {
            char c = v.charAt(i);
            if (c == '\\' && i + 1 < v.length() - 1) {
                c = v.charAt(++i);
            }
            b.append(c);
        }
        return b.toString();
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(type);
        parameters.forEach((k, v) -> b.append("; ").append(k).append('=').append(v));
        return b.toString();
    }
}
