package dev.wallet.account.ledger;

import dev.wallet.schemas.avro.AccountType;

/** Accounts and times for the pure ledger tests. */
final class Fixtures {

    static final long OPENED_AT_MS = 1_000;
    static final long NOW_MS = 5_000;

    private Fixtures() {
    }

    /** A USER account in USD with {@code balanceMinor}, its last event at {@code sequence}. */
    static Account user(final long balanceMinor, final long sequence) {
        return new Account(AccountType.USER, "USD", balanceMinor, sequence, OPENED_AT_MS);
    }

    /** A SYSTEM account in USD with {@code balanceMinor}, its last event at {@code sequence}. */
    static Account system(final long balanceMinor, final long sequence) {
        return new Account(AccountType.SYSTEM, "USD", balanceMinor, sequence, OPENED_AT_MS);
    }

    /** The steps of a transaction whose debit of {@code amountMinor} was applied at {@code sequence}. */
    static AppliedSteps debited(final long amountMinor, final long sequence, final long balanceAfterMinor) {
        return AppliedSteps.NONE.with(new Debited(amountMinor,
                new Position(sequence, balanceAfterMinor, "USD", OPENED_AT_MS)));
    }
}
