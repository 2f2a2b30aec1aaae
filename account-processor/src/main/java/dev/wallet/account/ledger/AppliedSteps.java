package dev.wallet.account.ledger;

import dev.wallet.schemas.avro.CommandStep;

/**
 * What one transaction already did on one account: the original outcome of each of its steps that
 * was applied, or null for a step not seen. This is the memory that answers a repeated command with
 * its original outcome, lets a refund find the debit it gives back, and marks a transaction
 * cancelled once a refund was recorded.
 *
 * @param open   outcome of the OPEN step, or null
 * @param debit  outcome of the DEBIT step, or null
 * @param credit outcome of the CREDIT step, or null
 * @param refund outcome of the REFUND step, or null
 */
public record AppliedSteps(Outcome open, Outcome debit, Outcome credit, Outcome refund) {

    /** A transaction that did nothing on the account yet. */
    public static final AppliedSteps NONE = new AppliedSteps(null, null, null, null);

    public AppliedSteps {
        requireStep(open, CommandStep.OPEN);
        requireStep(debit, CommandStep.DEBIT);
        requireStep(credit, CommandStep.CREDIT);
        requireStep(refund, CommandStep.REFUND);
    }

    /** The original outcome of {@code step}, or null when the step was not applied. */
    public Outcome outcomeOf(final CommandStep step) {
        switch (step) {
            case OPEN:
                return open;
            case DEBIT:
                return debit;
            case CREDIT:
                return credit;
            case REFUND:
                return refund;
            default:
                throw new IllegalArgumentException("Unknown step " + step + ".");
        }
    }

    /** These steps plus {@code outcome} recorded for its step, which must not be recorded yet. */
    public AppliedSteps with(final Outcome outcome) {
        if (outcomeOf(outcome.step()) != null) {
            throw new IllegalStateException("Step " + outcome.step() + " was applied already; a repeat never"
                    + " records a second outcome.");
        }
        switch (outcome.step()) {
            case OPEN:
                return new AppliedSteps(outcome, debit, credit, refund);
            case DEBIT:
                return new AppliedSteps(open, outcome, credit, refund);
            case CREDIT:
                return new AppliedSteps(open, debit, outcome, refund);
            case REFUND:
                return new AppliedSteps(open, debit, credit, outcome);
            default:
                throw new IllegalArgumentException("Unknown step " + outcome.step() + ".");
        }
    }

    /** The debit of this transaction that moved money, or null when none did. */
    public Debited appliedDebit() {
        return debit instanceof Debited applied ? applied : null;
    }

    /**
     * Whether the transaction is cancelled for this account: a refund was recorded, so a debit of
     * it arriving now must not take money.
     */
    public boolean isCancelled() {
        return refund != null;
    }

    private static void requireStep(final Outcome outcome, final CommandStep step) {
        if (outcome != null && outcome.step() != step) {
            throw new IllegalStateException("A " + outcome.step() + " outcome cannot be recorded as step " + step + ".");
        }
    }
}
