package org.sonocine.dicom;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DateTimesTest {

    @Test
    void datesInStandardAndAcrNemaForms() {
        assertEquals(Optional.of(LocalDate.of(2013, 7, 30)), DateTimes.parseDate("20130730"));
        assertEquals(Optional.of(LocalDate.of(1994, 1, 30)), DateTimes.parseDate("1994.01.30"));
        assertEquals(Optional.of(LocalDate.of(1994, 1, 30)), DateTimes.parseDate("1994-01-30 "));
        assertEquals(Optional.empty(), DateTimes.parseDate("20131330"));
        assertEquals(Optional.empty(), DateTimes.parseDate("yesterday"));
    }

    @Test
    void timesWithMissingComponentsFractionsAndColons() {
        assertEquals(Optional.of(LocalTime.of(8, 36, 14)), DateTimes.parseTime("083614"));
        assertEquals(Optional.of(LocalTime.of(8, 54, 5, 296_000_000)), DateTimes.parseTime("085405.296000 "));
        assertEquals(Optional.of(LocalTime.of(17, 58)), DateTimes.parseTime("17:58:00"));
        assertEquals(Optional.of(LocalTime.of(17, 58)), DateTimes.parseTime("1758"));
        assertEquals(Optional.of(LocalTime.of(9, 0)), DateTimes.parseTime("09"));
        assertEquals(Optional.of(LocalTime.of(23, 59, 59, 999_999_999)), DateTimes.parseTime("235960"));
        assertEquals(Optional.empty(), DateTimes.parseTime("25"));
    }

    @Test
    void dateTimesWithAndWithoutOffset() {
        assertEquals(Optional.of(LocalDateTime.of(2012, 8, 20, 12, 8, 4, 60_000_000)),
                DateTimes.parseDateTime("20120820120804.06"));
        assertEquals(Optional.of(OffsetDateTime.of(2013, 7, 30, 8, 36, 14, 0, ZoneOffset.ofHours(2))),
                DateTimes.parseDateTime("20130730083614+0200"));
        assertEquals(Optional.of(OffsetDateTime.of(2013, 7, 30, 8, 0, 0, 0, ZoneOffset.ofHoursMinutes(-3, -30))),
                DateTimes.parseDateTime("2013073008-0330"));
        assertEquals(Optional.of(LocalDateTime.of(2006, 1, 1, 0, 0)), DateTimes.parseDateTime("2006"));
        assertEquals(Optional.empty(), DateTimes.parseDateTime("2006+9999"));
    }
}
