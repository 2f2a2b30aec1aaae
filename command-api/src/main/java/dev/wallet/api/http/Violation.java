package dev.wallet.api.http;

/**
 * One broken input rule: which field, which rule (a stable machine-readable name such as
 * {@code required} or {@code currency_scale}), and a sentence for people.
 *
 * @param field   the JSON field, or {@code body} for the body as a whole
 * @param rule    the rule's stable name
 * @param message what is wrong, for people
 */
public record Violation(String field, String rule, String message) {
}
