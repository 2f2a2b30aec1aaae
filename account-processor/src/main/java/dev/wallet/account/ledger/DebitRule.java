package dev.wallet.account.ledger;

import dev.wallet.schemas.avro.DebitRejectionReason;

/**
 * The debit rule: take money out of an account. Declined, in this order of checks, when the
 * account does not exist ({@code ACCOUNT_NOT_FOUND}), when a refund of the same transaction came
 * first ({@code TRANSFER_CANCELLED}, the out-of-order guard of TC/C), when the currencies differ
 * ({@code CURRENCY_MISMATCH}), and when a USER account would go below zero
 * ({@code INSUFFICIENT_FUNDS}). A SYSTEM account may go negative, down to the smallest {@code long};
 * a debit beyond that is declined {@code INSUFFICIENT_FUNDS} too, since the schema has no overflow
 * reason for debits and the account truly cannot give that much.
 */
public final class DebitRule {

    private DebitRule() {
    }

    /** Decides {@code debit} for {@code account} (null when it does not exist). */
    public static Decision decide(final DebitCommand debit, final Account account, final AppliedSteps steps,
                                  final long nowMs) {
        if (account == null) {
            return Decision.applied(new DebitDeclined(DebitRejectionReason.ACCOUNT_NOT_FOUND, debit.amountMinor(),
                    Position.noAccount(debit.currency(), nowMs)), null, steps);
        }
        if (steps.isCancelled()) {
            return decline(debit, DebitRejectionReason.TRANSFER_CANCELLED, account, steps, nowMs);
        }
        if (!account.currency().equals(debit.currency())) {
            return decline(debit, DebitRejectionReason.CURRENCY_MISMATCH, account, steps, nowMs);
        }
        if (!canGive(account, debit.amountMinor())) {
            return decline(debit, DebitRejectionReason.INSUFFICIENT_FUNDS, account, steps, nowMs);
        }
        final Account after = account.after(Math.subtractExact(account.balanceMinor(), debit.amountMinor()));
        return Decision.applied(new Debited(debit.amountMinor(), Position.of(after, nowMs)), after, steps);
    }

    private static boolean canGive(final Account account, final long amountMinor) {
        if (account.mayGoNegative()) {
            // Only the long range limits a system account: balance - amount must not wrap around.
            return account.balanceMinor() >= Long.MIN_VALUE + amountMinor;
        }
        return account.balanceMinor() >= amountMinor;
    }

    private static Decision decline(final DebitCommand debit, final DebitRejectionReason reason, final Account account,
                                    final AppliedSteps steps, final long nowMs) {
        final Account after = account.afterNoMovement();
        return Decision.applied(new DebitDeclined(reason, debit.amountMinor(), Position.of(after, nowMs)), after, steps);
    }
}
