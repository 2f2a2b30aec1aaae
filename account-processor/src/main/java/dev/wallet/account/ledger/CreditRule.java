package dev.wallet.account.ledger;

import dev.wallet.schemas.avro.CreditRejectionReason;

/**
 * The credit rule: put money into an account. Declined, in this order of checks, when the account
 * does not exist ({@code ACCOUNT_NOT_FOUND}), when the currencies differ
 * ({@code CURRENCY_MISMATCH}), and when the balance would exceed the largest {@code long}
 * ({@code BALANCE_OVERFLOW}).
 */
public final class CreditRule {

    private CreditRule() {
    }

    /** Decides {@code credit} for {@code account} (null when it does not exist). */
    public static Decision decide(final CreditCommand credit, final Account account, final AppliedSteps steps,
                                  final long nowMs) {
        if (account == null) {
            return Decision.applied(new CreditDeclined(CreditRejectionReason.ACCOUNT_NOT_FOUND, credit.amountMinor(),
                    Position.noAccount(credit.currency(), nowMs)), null, steps);
        }
        if (!account.currency().equals(credit.currency())) {
            return decline(credit, CreditRejectionReason.CURRENCY_MISMATCH, account, steps, nowMs);
        }
        if (account.balanceMinor() > Long.MAX_VALUE - credit.amountMinor()) {
            return decline(credit, CreditRejectionReason.BALANCE_OVERFLOW, account, steps, nowMs);
        }
        final Account after = account.after(Math.addExact(account.balanceMinor(), credit.amountMinor()));
        return Decision.applied(new Credited(credit.amountMinor(), Position.of(after, nowMs)), after, steps);
    }

    private static Decision decline(final CreditCommand credit, final CreditRejectionReason reason,
                                    final Account account, final AppliedSteps steps, final long nowMs) {
        final Account after = account.afterNoMovement();
        return Decision.applied(new CreditDeclined(reason, credit.amountMinor(), Position.of(after, nowMs)),
                after, steps);
    }
}
