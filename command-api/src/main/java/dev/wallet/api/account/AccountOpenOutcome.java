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

    /** Not written: {@code waitingMax} requests wait for their outcome already. */
    record Overloaded(int waitingMax) implements AccountOpenOutcome {
    }

    /** Kafka did not take or confirm the command in time; it may still land (retrying is safe). */
    record NotWritten(String reason) implements AccountOpenOutcome {
    }
}
