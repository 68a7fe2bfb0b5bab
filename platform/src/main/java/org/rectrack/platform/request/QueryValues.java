package org.rectrack.platform.request;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.rectrack.platform.problem.ProblemException;
import org.rectrack.platform.validation.CountryCode;

/** Parses query parameters read as text, answering a 400 that names the parameter when one is wrong. */
public final class QueryValues {

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
        try {
            int parsed = Integer.parseInt(value.strip());
            if (parsed < min || parsed > max) {
                throw ProblemException.badRequest(name, "must be between " + min + " and " + max);
            }
            return Optional.of(parsed);
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest(name, "'" + abbreviate(value) + "' is not a whole number");
        }
    }

    public static Optional<UUID> optionalUuid(String name, String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(value.strip()));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(name, "'" + abbreviate(value) + "' is not a UUID");
        }
    }

    /** An instant such as {@code 2023-12-31T23:59:59Z}, or a date meaning the end of that day in UTC. */
    public static Optional<Instant> optionalInstant(String name, String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String text = value.strip();
        try {
            if (text.length() == 10) {
                return Optional.of(LocalDate.parse(text).plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC).minusNanos(1));
            }
            return Optional.of(OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(name,
                    "'" + abbreviate(value) + "' is not an instant such as 2023-12-31T23:59:59Z or a date such as 2023-12-31");
        }
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
