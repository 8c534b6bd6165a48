package pigeon.imap.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SentDatesTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Fri, 21 Nov 1997 09:55:06 -0600|1997-11-21T09:55:06-06:00",
            "21 Nov 1997 09:55:06 -0600|1997-11-21T09:55:06-06:00",
            "Fri,21 Nov 1997 09:55:06 -0600|1997-11-21T09:55:06-06:00",
            "Thu, 13 Feb 1969 23:32 -0330 (Newfoundland Time)|1969-02-13T23:32-03:30",
            "Fri, 21 Nov 97 09:55:06 GMT|1997-11-21T09:55:06Z",
            "21 Nov 04 09:55:06 EST|2004-11-21T09:55:06-05:00",
            "Mon, 1 Jan 2024 00:00:00 PDT|2024-01-01T00:00-07:00",
            "1 jan 2024 10:00:00 +0100|2024-01-01T10:00+01:00",
            "Mon, 01 January 2024 10:00:00 +01:00|2024-01-01T10:00+01:00",
            "Mon Jan  1 10:00:00 2024|2024-01-01T10:00Z",
            "1-Jan-2024 10:00:00 +0000|2024-01-01T10:00Z",
            "Mon, 1 Jan 2024 10:00:00+0200|2024-01-01T10:00+02:00",
            "Mon, 1 Jan 2024|2024-01-01T00:00Z",
            "Mon, 1 Jan 2024 10:00:00 A|2024-01-01T10:00Z",
            "Sat, 31 Dec 2016 23:59:60 +0000|2016-12-31T23:59:59Z",
    })
    void parses(String header, String expected) {
        assertEquals(OffsetDateTime.parse(expected), SentDates.parse(header).orElseThrow());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "yesterday", "31 Feb 2024 10:00:00 +0000", "1 Foo 2024", "Mon, 1 Jan 10:00:00 +0000", "1 Jan 2024 25:00:00 +0000"})
    void unparsable(String header) {
        assertTrue(SentDates.parse(header).isEmpty());
    }
}
