package dev.wallet.account.ledger;

import java.util.Objects;

/**
 * Where an outcome leaves its account: the envelope every ledger event carries.
 *
 * @param sequence          the account's sequence after the outcome; 0 when the account does not
 *                          exist (no ledger entry of any account)
 * @param balanceAfterMinor the balance after the outcome in minor units; 0 when sequence is 0
 * @param currency          the account's currency, or the command's when the account does not exist
 * @param occurredAtMs      epoch milliseconds when the outcome was decided
 */
public record Position(long sequence, long balanceAfterMinor, String currency, long occurredAtMs) {

    /** The sequence of outcomes for an account that does not exist. */
    public static final long NO_ACCOUNT_SEQUENCE = 0;

    public Position {
        Objects.requireNonNull(currency, "currency");
        if (sequence < NO_ACCOUNT_SEQUENCE) {
            throw new IllegalStateException("A sequence is never negative, was " + sequence + ".");
        }
        if (sequence == NO_ACCOUNT_SEQUENCE && balanceAfterMinor != 0) {
            throw new IllegalStateException("An outcome for an unknown account has balance 0, was "
                    + balanceAfterMinor + ".");
        }
    }

    /** The position of {@code account} as it is after the outcome. */
    public static Position of(final Account account, final long occurredAtMs) {
        return new Position(account.sequence(), account.balanceMinor(), account.currency(), occurredAtMs);
    }

    /** The position of an outcome for an account that does not exist. */
    public static Position noAccount(final String commandCurrency, final long occurredAtMs) {
        return new Position(NO_ACCOUNT_SEQUENCE, 0, commandCurrency, occurredAtMs);
    }
}
