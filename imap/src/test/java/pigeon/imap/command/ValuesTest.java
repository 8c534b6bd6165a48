package pigeon.imap.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Flags, dates, sections and fetch items. */
class ValuesTest {

    @Test void systemFlagsInAnyCase() {
        assertEquals(Flag.SEEN, Flag.of("\\SEEN"));
        assertEquals(Flag.DELETED, Flag.of("\\deleted"));
        assertEquals("\\Answered", Flag.of("\\aNsWeReD").name());
        assertTrue(Flag.of("\\draft").isSystem());
        assertEquals("$Forwarded", Flag.of("$Forwarded").name(), "keywords as written");
        assertTrue(Flag.of("NonJunk").isKeyword());
        assertFalse(Flag.of("\\Foo").isSystem());
        assertFalse(Flag.of("\\Foo").isKeyword());
        assertTrue(Flag.of("$junk").sameAs(Flag.of("$Junk")));
    }

    @Test void dates() {
        assertEquals(LocalDate.of(1994, 2, 1), ImapDates.parseDate("1-Feb-1994"));
        assertEquals(LocalDate.of(1994, 2, 1), ImapDates.parseDate("01-FEB-1994"));
        assertEquals(OffsetDateTime.of(1996, 7, 17, 2, 44, 25, 0, ZoneOffset.ofHours(-7)), ImapDates.parseDateTime("17-Jul-1996 02:44:25 -0700"));
        assertEquals(OffsetDateTime.of(1996, 7, 7, 2, 44, 25, 0, ZoneOffset.ofHoursMinutes(5, 30)), ImapDates.parseDateTime(" 7-jul-1996 02:44:25 +0530"));
        assertEquals("07-Jul-1996 02:44:25 +0530", ImapDates.formatDateTime(OffsetDateTime.of(1996, 7, 7, 2, 44, 25, 0, ZoneOffset.ofHoursMinutes(5, 30))));
        assertEquals("31-Dec-2024 23:59:59 -0930", ImapDates.formatDateTime(OffsetDateTime.of(2024, 12, 31, 23, 59, 59, 0, ZoneOffset.ofHoursMinutes(-9, -30))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1-Feb", "1-Feb-94", "123-Feb-1994", "1-Fbr-1994", "30-Feb-2024", "1 Feb 1994", "x-Feb-1994"})
    void invalidDates(String s) {
        assertThrows(IllegalArgumentException.class, () -> ImapDates.parseDate(s));
    }

    @ParameterizedTest
    @ValueSource(strings = {"7-Jul-1996 02:44:25 -0700", "17-Jul-1996 24:00:00 +0000", "17-Jul-1996 02:44:25 0700",
            "17-Jul-1996 02:44:25 +0760", "17-Jul-1996 02:44 +0000", "17-Jul-1996T02:44:25 +0000"})
    void invalidDateTimes(String s) {
        assertThrows(IllegalArgumentException.class, () -> ImapDates.parseDateTime(s));
    }

    @Test void sectionsRenderForTheResponse() {
        assertEquals("", Section.WHOLE.render());
        assertEquals("1.2.MIME", new Section(List.of(1, 2), Section.Text.MIME, List.of()).render());
        assertEquals("HEADER.FIELDS (From \"Odd]Name\")", new Section(List.of(), Section.Text.HEADER_FIELDS, List.of("From", "Odd]Name")).render());
        assertEquals("3.HEADER.FIELDS.NOT (X)", new Section(List.of(3), Section.Text.HEADER_FIELDS_NOT, List.of("X")).render());
        assertEquals("TEXT", new Section(List.of(), Section.Text.TEXT, List.of()).render());
        assertThrows(IllegalArgumentException.class, () -> new Section(List.of(), Section.Text.MIME, List.of()));
        assertThrows(IllegalArgumentException.class, () -> new Section(List.of(), Section.Text.HEADER_FIELDS, List.of()));
    }

    @Test void whichFetchItemsSetSeen() {
        assertTrue(new FetchItem.BodySection(false, Section.WHOLE, Optional.empty()).setsSeen());
        assertFalse(new FetchItem.BodySection(true, Section.WHOLE, Optional.empty()).setsSeen());
        assertTrue(FetchItem.RFC822.setsSeen());
        assertFalse(FetchItem.RFC822_HEADER.setsSeen());
        assertFalse(FetchItem.FLAGS.setsSeen());
    }
}
