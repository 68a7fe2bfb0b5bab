package org.rectrack.platform.request;

import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.rectrack.platform.problem.ProblemException;
import org.rectrack.platform.validation.CountryCode;
import org.rectrack.platform.validation.PlainDates;

/**
 * Parses path and query parameters read as text, answering a 400 that names the parameter when one is wrong.
 * Each form is the plain one only: ASCII digits, the canonical 8-4-4-4-12 UUID, ISO 8601 dates and instants
 * ({@link PlainDates}); the JDK's parsers would also take Unicode digits, {@code 1-2-3-4-5} as a UUID and signed years.
 */
public final class QueryValues {

    private static final Pattern WHOLE_NUMBER = Pattern.compile("-?[0-9]+");
    private static final Pattern UUID_FORM = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private QueryValues() {
    }

    public static int integer(String name, String value, int defaultValue, int min, int max) {
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        return optionalInteger(name, value, min, max).orElse(defaultValue);
    }

    public static Optional<Integer> optionalInteger(String name, String value, int min, int max) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String text = value.strip();
        if (!WHOLE_NUMBER.matcher(text).matches()) {
            throw ProblemException.badRequest(name, "'" + abbreviate(value) + "' is not a whole number");
        }
        // Any number of digits: a value past int's range is "out of range", never an overflow.
        BigInteger parsed = new BigInteger(text);
        if (parsed.compareTo(BigInteger.valueOf(min)) < 0 || parsed.compareTo(BigInteger.valueOf(max)) > 0) {
            throw ProblemException.badRequest(name, "must be between " + min + " and " + max);
        }
        return Optional.of(parsed.intValueExact());
    }

    public static Optional<UUID> optionalUuid(String name, String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String text = value.strip();
        if (!UUID_FORM.matcher(text).matches()) {
            throw ProblemException.badRequest(name, "'" + abbreviate(value) + "' is not a UUID");
        }
        return Optional.of(UUID.fromString(text));
    }

    /** A date such as {@code 2023-06-15}: {@link PlainDates#date}. */
    public static Optional<LocalDate> optionalDate(String name, String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        LocalDate date = PlainDates.date(value.strip());
        if (date == null) {
            throw ProblemException.badRequest(name, "'" + abbreviate(value) + "' is not " + PlainDates.DATE);
        }
        return Optional.of(date);
    }

    /** An instant such as {@code 2023-12-31T23:59:59Z}, or a date meaning the end of that day in UTC. */
    public static Optional<Instant> optionalInstant(String name, String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String text = value.strip();
        LocalDate day = PlainDates.date(text);
        Instant instant = day != null ? day.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC).minusNanos(1)
                : PlainDates.instant(text);
        if (instant == null) {
            throw ProblemException.badRequest(name, "'" + abbreviate(value) + "' is not " + PlainDates.INSTANT
                    + " or a date such as 2023-12-31");
        }
        return Optional.of(instant);
    }

    /**
     * A day such as {@code 2023-12-31}, or an instant such as {@code 2023-12-31T23:59:59Z} meaning its day in UTC: a
     * day in the world, as {@code asOf} is (DESIGN.md, "Two times").
     */
    public static Optional<LocalDate> optionalDay(String name, String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String text = value.strip();
        LocalDate day = PlainDates.date(text);
        if (day == null) {
            Instant instant = PlainDates.instant(text);
            day = instant == null ? null : LocalDate.ofInstant(instant, ZoneOffset.UTC);
        }
        if (day == null) {
            throw ProblemException.badRequest(name, "'" + abbreviate(value) + "' is not " + PlainDates.DATE
                    + " or " + PlainDates.INSTANT);
        }
        return Optional.of(day);
    }

    public static <E extends Enum<E>> Optional<E> optionalEnum(String name, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(name, "'" + abbreviate(value) + "' is not one of "
                    + Arrays.toString(type.getEnumConstants()));
        }
    }

    public static Optional<String> optionalCountry(String name, String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String code = value.strip().toUpperCase(Locale.ROOT);
        if (!CountryCode.Validator.isCountry(code)) {
            throw ProblemException.badRequest(name, "'" + abbreviate(value) + "' is not an ISO 3166-1 alpha-3 country code such as LAO");
        }
        return Optional.of(code);
    }

    private static String abbreviate(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "…";
    }
}
