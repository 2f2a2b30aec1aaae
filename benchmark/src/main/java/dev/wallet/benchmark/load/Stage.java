package dev.wallet.benchmark.load;

/**
 * The stretches of a transfer's way that the events topic shows, each ended by the first
 * {@code wallet.transfer-events} record of the transfer in a phase. The saga writes ACCEPTED with
 * the debit command, DEBITED with the credit command and COMPLETED at the end, so:
 * <ul>
 *   <li>{@link #REQUEST_TO_ACCEPTED}: the request's way onto its topic and one saga hop;</li>
 *   <li>{@link #ACCEPTED_TO_DEBITED}: the account processor's debit hop and a saga hop;</li>
 *   <li>{@link #DEBITED_TO_COMPLETED}: the processor's credit hop and the saga's last hop.</li>
 * </ul>
 * Each stage ends when its event became visible to a {@code read_committed} consumer, so a hop's
 * commit wait and its commit are inside it. Transfers that fail skip the stages they never reach.
 */
public enum Stage {
    REQUEST_TO_ACCEPTED("request_to_accepted"),
    ACCEPTED_TO_DEBITED("accepted_to_debited"),
    DEBITED_TO_COMPLETED("debited_to_completed");

    private final String key;

    Stage(final String key) {
        this.key = key;
    }

    /** The stage's name in {@code results.json}. */
    public String key() {
        return key;
    }
}
