package dev.wallet.account.ledger;

/**
 * The ledger of one account: where every command is decided. A command whose step was already
 * applied in its transaction is a repeat and gets the original outcome again, moving no money;
 * every other command goes to the rule for its step.
 */
public final class AccountLedger {

    private AccountLedger() {
    }

    /**
     * Decides {@code command}.
     *
     * @param command the command, already checked for shape
     * @param account the account as it is, or null when it does not exist
     * @param steps   what the command's transaction already did on this account
     * @param nowMs   epoch milliseconds to stamp a new outcome with
     * @return the outcome and what to keep; never null
     * @throws IllegalStateException or {@link ArithmeticException} when an invariant would break,
     *                               which is a bug or corrupted state, never a business decline
     */
    public static Decision decide(final LedgerCommand command, final Account account, final AppliedSteps steps,
                                  final long nowMs) {
        final Outcome original = steps.outcomeOf(command.step());
        if (original != null) {
            return Decision.repeat(original, account, steps);
        }
        if (command instanceof DebitCommand debit) {
            return DebitRule.decide(debit, account, steps, nowMs);
        }
        if (command instanceof CreditCommand credit) {
            return CreditRule.decide(credit, account, steps, nowMs);
        }
        if (command instanceof RefundCommand refund) {
            return RefundRule.decide(refund, account, steps, nowMs);
        }
        return OpenRule.decide((OpenCommand) command, account, steps, nowMs);
    }
}
