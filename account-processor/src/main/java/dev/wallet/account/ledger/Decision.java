package dev.wallet.account.ledger;

import java.util.Objects;

/**
 * The ledger's answer to one command: the outcome to publish and what to keep.
 *
 * @param outcome      the outcome to publish
 * @param repeated     true when the command was already answered: the outcome is the original one,
 *                     and nothing must be written
 * @param accountAfter the account after the outcome, or null when the account does not exist
 * @param stepsAfter   what the transaction did on the account, including this outcome
 */
public record Decision(Outcome outcome, boolean repeated, Account accountAfter, AppliedSteps stepsAfter) {

    public Decision {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(stepsAfter, "stepsAfter");
        if (!repeated && stepsAfter.outcomeOf(outcome.step()) != outcome) {
            throw new IllegalStateException("A new outcome must be recorded in the applied steps.");
        }
        if (!repeated) {
            requireMatches(outcome.position(), accountAfter);
        }
    }

    /** A new outcome: {@code accountAfter} and the steps with the outcome recorded are to be kept. */
    public static Decision applied(final Outcome outcome, final Account accountAfter, final AppliedSteps stepsBefore) {
        return new Decision(outcome, false, accountAfter, stepsBefore.with(outcome));
    }

    /** An answer to a repeat: the original outcome again, nothing to keep. */
    public static Decision repeat(final Outcome original, final Account account, final AppliedSteps steps) {
        return new Decision(original, true, account, steps);
    }

    private static void requireMatches(final Position position, final Account accountAfter) {
        final long sequence = accountAfter == null ? Position.NO_ACCOUNT_SEQUENCE : accountAfter.sequence();
        final long balanceMinor = accountAfter == null ? 0 : accountAfter.balanceMinor();
        if (position.sequence() != sequence || position.balanceAfterMinor() != balanceMinor) {
            throw new IllegalStateException("A new outcome must carry its account's sequence and balance: "
                    + position + " against " + accountAfter + ".");
        }
    }
}
