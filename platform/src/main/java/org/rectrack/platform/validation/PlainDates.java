package org.rectrack.platform.validation;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * What rectrack accepts as a date or an instant, in a body or a parameter: ISO 8601 in its plain extended form
 * (RFC 3339), a four-digit year, nothing else. Java's own parsers are lenient where a client's mistake matters:
 * {@code -2023-03-01} is year −2023, {@code +12023-03-01} a year past 9999; these are refused here.
 */
public final class PlainDates {

    /** Nothing rectrack records happened before this day; an earlier date is a typing mistake, not history. */
    public static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    /** The last day a four-digit year can write. */
    public static final LocalDate LATEST = LocalDate.of(9999, 12, 31);

    /** How a date is described to a client that sent something else. */
    public static final String DATE = "a calendar date YYYY-MM-DD from " + EARLIEST + " to " + LATEST;
    /** How an instant is described to a client that sent something else. */
    public static final String INSTANT = "an instant such as 2023-12-31T23:59:59Z (RFC 3339, from " + EARLIEST + " on)";

    private static final Pattern DATE_FORM = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
    private static final Pattern INSTANT_FORM = Pattern.compile(
            "[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]{1,9})?)?(Z|[+-][0-9]{2}:[0-9]{2})");

    private PlainDates() {
    }

    /** The date {@code text} writes as YYYY-MM-DD, or null when it is no such date within the range. */
    public static LocalDate date(String text) {
        if (text == null || !DATE_FORM.matcher(text).matches()) {
            return null;
        }
        try {
            // ISO_LOCAL_DATE resolves strictly: 2023-02-30 is refused, not moved to March.
            LocalDate date = LocalDate.parse(text);
            return date.isBefore(EARLIEST) ? null : date;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The instant {@code text} writes with its offset (2023-12-31T23:59:59Z), or null when it is no such instant. */
    public static Instant instant(String text) {
        if (text == null || !INSTANT_FORM.matcher(text).matches()) {
            return null;
        }
        try {
            OffsetDateTime time = OffsetDateTime.parse(text);
            return time.toLocalDate().isBefore(EARLIEST) ? null : time.toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
