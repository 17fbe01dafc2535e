package org.sonocine.dicom;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.Temporal;
import java.util.Optional;

/**
 * Parses DA, TM and DT values (PS3.5 6.2) into java.time values. Tolerates what real files hold: the ACR-NEMA
 * forms with '.', '-' or ':' separators, missing trailing components, fractions with a comma, trailing
 * spaces and NULs. Returns empty for values that are not dates at all.
 */
public final class DateTimes {
    private DateTimes() {
    }

    /** YYYYMMDD, also YYYY.MM.DD and YYYY-MM-DD. */
    public static Optional<LocalDate> parseDate(String value) {
        String s = digitsOnly(clean(value), ".-/");
        if (s == null || s.length() != 8) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.of(num(s, 0, 4), num(s, 4, 6), num(s, 6, 8)));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** HH, HHMM, HHMMSS, HHMMSS.FFFFFF, also HH:MM:SS; a 60th second (leap second) is read as 59.999999. */
    public static Optional<LocalTime> parseTime(String value) {
        String s = clean(value);
        if (s == null || s.isEmpty()) {
            return Optional.empty();
        }
        int dot = s.indexOf('.') >= 0 ? s.indexOf('.') : s.indexOf(',');
        String whole = digitsOnly(dot >= 0 ? s.substring(0, dot) : s, ":");
        String fraction = dot >= 0 ? s.substring(dot + 1) : "";
        if (whole == null || whole.isEmpty() || whole.length() % 2 != 0 || whole.length() > 6
                || !fraction.chars().allMatch(Character::isDigit) || fraction.length() > 9) {
            return Optional.empty();
        }
        try {
            int hour = num(whole, 0, 2);
            int minute = whole.length() >= 4 ? num(whole, 2, 4) : 0;
            int second = whole.length() >= 6 ? num(whole, 4, 6) : 0;
            int nanos = fraction.isEmpty() ? 0 : Integer.parseInt((fraction + "000000000").substring(0, 9));
            if (second == 60) {
                second = 59;
                nanos = 999_999_999;
            }
            if (hour == 24 && minute == 0 && second == 0 && nanos == 0) {
                return Optional.of(LocalTime.MAX);
            }
            return Optional.of(LocalTime.of(hour, minute, second, nanos));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /**
     * YYYY[MM[DD[HH[MM[SS[.F{1-6}]]]]]][&ZZXX]: a {@link LocalDateTime}, or an {@link OffsetDateTime} when the value
     * names its offset from UTC. Missing components take their lowest value.
     */
    public static Optional<Temporal> parseDateTime(String value) {
        String s = clean(value);
        if (s == null || s.length() < 4) {
            return Optional.empty();
        }
        ZoneOffset offset = null;
        int sign = Math.max(s.lastIndexOf('+'), s.lastIndexOf('-'));
        if (sign >= 4) {
            offset = parseOffset(s.substring(sign)).orElse(null);
            if (offset == null) {
                return Optional.empty();
            }
            s = s.substring(0, sign);
        }
        int dot = s.indexOf('.');
        String whole = dot >= 0 ? s.substring(0, dot) : s;
        if (!whole.chars().allMatch(Character::isDigit) || whole.length() < 4 || whole.length() > 14
                || whole.length() % 2 != 0) {
            return Optional.empty();
        }
        String date = (whole.length() >= 8 ? whole.substring(0, 8) : whole + "0101".substring(whole.length() - 4));
        Optional<LocalDate> day = parseDate(date);
        if (day.isEmpty()) {
            return Optional.empty();
        }
        LocalTime time = LocalTime.MIDNIGHT;
        if (whole.length() > 8) {
            Optional<LocalTime> t = parseTime(whole.substring(8) + (dot >= 0 ? s.substring(dot) : ""));
            if (t.isEmpty()) {
                return Optional.empty();
            }
            time = t.get();
        }
        LocalDateTime local = LocalDateTime.of(day.get(), time);
        return Optional.of(offset == null ? local : OffsetDateTime.of(local, offset));
    }

    /** "&ZZXX" as in Timezone Offset From UTC (0008,0201): +0100, -0500. */
    public static Optional<ZoneOffset> parseOffset(String value) {
        String s = clean(value);
        if (s == null || s.length() != 5 || (s.charAt(0) != '+' && s.charAt(0) != '-')
                || !s.substring(1).chars().allMatch(Character::isDigit)) {
            return Optional.empty();
        }
        try {
            int hours = num(s, 1, 3);
            int minutes = num(s, 3, 5);
            return Optional.of(s.charAt(0) == '-' ? ZoneOffset.ofHoursMinutes(-hours, -minutes)
                    : ZoneOffset.ofHoursMinutes(hours, minutes));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private static String clean(String value) {
        if (value == null) {
            return null;
        }
        int end = value.length();
        while (end > 0 && (value.charAt(end - 1) == ' ' || value.charAt(end - 1) == 0)) {
            end--;
        }
        int start = 0;
        while (start < end && value.charAt(start) == ' ') {
            start++;
        }
        return value.substring(start, end);
    }

    /** The string without the given separator characters, or null when anything else is not a digit. */
    private static String digitsOnly(String s, String separators) {
        if (s == null) {
            return null;
        }
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                b.append(c);
            } else if (separators.indexOf(c) < 0) {
                return null;
            }
        }
        return b.toString();
    }

    private static int num(String s, int from, int to) {
        return Integer.parseInt(s, from, to, 10);
    }
}
