package dev.wallet.api.transfer;

/** What became of a valid request handed to the write path. */
public sealed interface Submission {

    /** Written to Kafka; the outcome (or pending) is known. */
    record Written(TransferOutcome outcome) implements Submission {
    }

    /** Not written: Kafka was unreachable or slow (see {@code reason}). */
    record NotWritten(String reason) implements Submission {
    }

    /** Not written: too many requests wait for their outcome already. */
    record Overloaded(int waitingMax) implements Submission {
    }
}
