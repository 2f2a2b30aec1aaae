package dev.wallet.api.http;

import java.util.List;

/**
 * The result of checking client input: either the valid value or the rules it broke. Invalid
 * input is a typed result, never an exception.
 *
 * @param <T> the type of the valid value
 */
public sealed interface Validated<T> {

    /** Input that passed every rule. */
    record Valid<T>(T value) implements Validated<T> {
    }

    /** Input that broke at least one rule. */
    record Invalid<T>(List<Violation> violations) implements Validated<T> {

        /** Never empty: an invalid input broke some rule. */
        public Invalid {
            if (violations.isEmpty()) {
                throw new IllegalArgumentException("an invalid input needs at least one violation");
            }
            violations = List.copyOf(violations);
        }
    }

    /** An invalid result with a single violation. */
    static <T> Validated<T> invalid(final String field, final String rule, final String message) {
        return new Invalid<>(List.of(new Violation(field, rule, message)));
    }
}
