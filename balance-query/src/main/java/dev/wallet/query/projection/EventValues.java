package dev.wallet.query.projection;

import org.apache.avro.Schema;
import org.apache.avro.generic.IndexedRecord;

/**
 * The values of a decoded event that the read model's tables cannot hold. PostgreSQL would refuse
 * such a value, and with it the whole batch on every retry, so the projection would stall on one
 * record; {@link BatchDecoder} skips the event instead, like an undecodable record.
 *
 * <p>The rules follow the tables: every currency column is {@code char(3)}; PostgreSQL's text holds
 * no NUL character; and a debit's amount is stored negated, which {@code Long.MIN_VALUE} has not.
 */
final class EventValues {

    private static final int CURRENCY_LENGTH = 3;

    private EventValues() {
    }

    /** What the tables would refuse in {@code event} (its body included), or null when nothing. */
    static String problemWith(final IndexedRecord event) {
        for (final Schema.Field field : event.getSchema().getFields()) {
            final String problem = problemWith(field.name(), event.get(field.pos()));
            if (problem != null) {
                return problem;
            }
        }
        return null;
    }

    private static String problemWith(final String field, final Object value) {
        if (value instanceof IndexedRecord nested) {
            return problemWith(nested);
        }
        if (value instanceof CharSequence text) {
            if (text.toString().indexOf('\u0000') >= 0) {
                return field + " holds a NUL character, which PostgreSQL's text cannot store";
            }
            if (field.endsWith("currency") && text.length() > CURRENCY_LENGTH) {
                return field + " '" + text + "' is longer than its char(3) column";
            }
        }
        if (value instanceof Long amount && field.equals("amount_minor") && amount == Long.MIN_VALUE) {
            return field + " " + amount + " cannot be stored negated";
        }
        return null;
    }
}
