package dev.wallet.api.transfer;

/** The answer a transfer request gets: one type per outcome, never an exception. */
public sealed interface TransferOutcome {

    /** The transfer completed: the source was debited and the destination credited. */
    record Succeeded() implements TransferOutcome {
    }

    /** The transfer failed and moved no money in the end; {@code reason} is the enum name. */
    record Failed(String reason) implements TransferOutcome {
    }

    /** The transaction_id is already used by a transfer with another payload. */
    record Conflict(TransferState original) implements TransferOutcome {
    }

    /** No outcome within the wait; the transfer is durably requested and goes on. */
    record Pending() implements TransferOutcome {
    }
}
