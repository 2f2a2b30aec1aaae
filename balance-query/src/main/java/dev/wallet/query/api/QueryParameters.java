package dev.wallet.query.api;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** Parses and checks query parameters; every failure names the parameter and its rule. */
final class QueryParameters {

    private QueryParameters() {
    }

    /** A whole number in [min, max], or {@code absent} when the parameter is missing. */
    static Long longInRange(final String name, final String value, final long min, final long max, final Long absent) {
        if (value == null || value.isEmpty()) {
            return absent;
        }
        final long parsed;
        try {
            parsed = Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new BadParameterException(name, "must be a whole number, was '" + value + "'");
        }
        if (parsed < min || parsed > max) {
            throw new BadParameterException(name, "must be between " + min + " and " + max + ", was " + parsed);
        }
        return parsed;
    }

    /** An ISO-8601 instant with offset, e.g. {@code 2026-11-22T08:00:00Z}; required. */
    static Instant instant(final String name, final String value) {
        if (value == null || value.isEmpty()) {
            throw new BadParameterException(name, "is required (an ISO-8601 instant such as 2026-11-22T08:00:00Z)");
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new BadParameterException(name, "must be an ISO-8601 instant such as 2026-11-22T08:00:00Z, was '"
                    + value + "'");
        }
    }
}
