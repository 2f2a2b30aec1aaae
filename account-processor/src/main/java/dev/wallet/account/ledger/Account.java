package dev.wallet.account.ledger;

import dev.wallet.schemas.avro.AccountType;
import java.util.Objects;

/**
 * One account as the ledger sees it. Immutable: every event makes a new {@code Account} with the
 * next sequence number.
 *
 * <p>The invariants are checked on construction, so a broken account can be neither read from the
 * store nor produced by a rule: a USER account never holds a negative balance, and an existing
 * account's sequence is at least 1 (its AccountOpened event).
 *
 * @param type         USER (never below zero) or SYSTEM (may go negative)
 * @param currency     ISO 4217 code of every amount the account holds
 * @param balanceMinor balance in minor units of {@code currency}
 * @param sequence     sequence number of the account's last event
 * @param openedAtMs   epoch milliseconds of the AccountOpened event
 */
public record Account(AccountType type, String currency, long balanceMinor, long sequence, long openedAtMs) {

    /** The sequence number of the AccountOpened event, the first of every account. */
    public static final long OPENED_SEQUENCE = 1;

    public Account {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(currency, "currency");
        if (sequence < OPENED_SEQUENCE) {
            throw new IllegalStateException("An account's sequence must be at least 1, was " + sequence + ".");
        }
        if (type == AccountType.USER && balanceMinor < 0) {
            throw new IllegalStateException("A USER account can never hold a negative balance, was "
                    + balanceMinor + " " + currency + ".");
        }
    }

    /** A new account as its AccountOpened event leaves it: sequence 1, balance 0. */
    public static Account opened(final AccountType type, final String currency, final long openedAtMs) {
        return new Account(type, currency, 0, OPENED_SEQUENCE, openedAtMs);
    }

    /** The account after one more event that leaves it with {@code balanceAfterMinor}. */
    public Account after(final long balanceAfterMinor) {
        return new Account(type, currency, balanceAfterMinor, Math.incrementExact(sequence), openedAtMs);
    }

    /** The account after one more event that moves no money (a decline). */
    public Account afterNoMovement() {
        return after(balanceMinor);
    }

    /** Whether the balance may go below zero: only system accounts, which bring money in and out. */
    public boolean mayGoNegative() {
        return type == AccountType.SYSTEM;
    }

    /** Whether an open command asking for {@code requestedType} and {@code requestedCurrency} matches. */
    public boolean hasAttributes(final AccountType requestedType, final String requestedCurrency) {
        return type == requestedType && currency.equals(requestedCurrency);
    }
}
