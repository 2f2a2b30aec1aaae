package dev.wallet.account.ledger;

/**
 * The refund rule, the compensation of a debit; a refund is never declined. When a debit of the
 * same transaction moved money on this account, exactly that amount goes back, whatever amount the
 * refund names (a refund gives back what was taken, no more). When none did, the refund records
 * that there was nothing to refund, and that record cancels the transaction for this account: a
 * debit of it arriving later is declined {@code TRANSFER_CANCELLED} by the {@link DebitRule}.
 */
public final class RefundRule {

    private RefundRule() {
    }

    /** Decides {@code refund} for {@code account} (null when it does not exist). */
    public static Decision decide(final RefundCommand refund, final Account account, final AppliedSteps steps,
                                  final long nowMs) {
        final Debited debit = steps.appliedDebit();
        if (debit == null) {
            return nothingToRefund(refund, account, steps, nowMs);
        }
        if (account == null) {
            throw new IllegalStateException("Transaction " + refund.transactionId()
                    + " debited an account that no longer exists; accounts are never removed.");
        }
        // A refund never fails, so a balance it cannot hold is a broken invariant, not a decline.
        final Account after = account.after(Math.addExact(account.balanceMinor(), debit.amountMinor()));
        return Decision.applied(new Refunded(debit.amountMinor(), Position.of(after, nowMs)), after, steps);
    }

    private static Decision nothingToRefund(final RefundCommand refund, final Account account,
                                            final AppliedSteps steps, final long nowMs) {
        final Account after = account == null ? null : account.afterNoMovement();
        final Position position = after == null
                ? Position.noAccount(refund.currency(), nowMs)
                : Position.of(after, nowMs);
        return Decision.applied(new NoDebitToRefund(refund.amountMinor(), position), after, steps);
    }
}
