package dev.wallet.api.account;

/** The answer an account-open request gets: one type per outcome. */
public sealed interface AccountOpenOutcome {

    /** The account was opened now ({@code repeated} false) or already existed the same way (true). */
    record Opened(boolean repeated) implements AccountOpenOutcome {
    }

    /** The account processor declined; {@code reason} is the enum name. */
    record Rejected(String reason) implements AccountOpenOutcome {
    }

    /** No ledger event within the wait; the command is durably written and will be applied. */
    record Pending() implements AccountOpenOutcome {
    }

    /** Not written: Kafka was unreachable, or too many requests wait already. */
    record NotWritten(String reason) implements AccountOpenOutcome {
    }
}
