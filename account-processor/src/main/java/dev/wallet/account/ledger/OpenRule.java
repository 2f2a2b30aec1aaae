package dev.wallet.account.ledger;

import dev.wallet.schemas.avro.OpenRejectionReason;

/**
 * The open rule. A new account in a supported currency is opened at sequence 1 with balance 0.
 * Opening an account that exists with the same type and currency is answered as already done: the
 * original AccountOpened, marked repeated, whatever the transaction id, so a client retrying with a
 * fresh request id learns the account is there. Other attributes, or an unsupported currency, are
 * declined.
 */
public final class OpenRule {

    private OpenRule() {
    }

    /** Decides {@code open} for {@code account} (null when it does not exist). */
    public static Decision decide(final OpenCommand open, final Account account, final AppliedSteps steps,
                                  final long nowMs) {
        if (!SupportedCurrencies.isSupported(open.currency())) {
            return decline(open, OpenRejectionReason.UNSUPPORTED_CURRENCY, account, steps, nowMs);
        }
        if (account == null) {
            final Account opened = Account.opened(open.accountType(), open.currency(), nowMs);
            return Decision.applied(new Opened(opened.type(), Position.of(opened, nowMs)), opened, steps);
        }
        if (account.hasAttributes(open.accountType(), open.currency())) {
            return Decision.repeat(originalOpening(account), account, steps);
        }
        return decline(open, OpenRejectionReason.ACCOUNT_EXISTS_WITH_OTHER_ATTRIBUTES, account, steps, nowMs);
    }

    private static Opened originalOpening(final Account account) {
        return new Opened(account.type(), new Position(Account.OPENED_SEQUENCE, 0, account.currency(),
                account.openedAtMs()));
    }

    private static Decision decline(final OpenCommand open, final OpenRejectionReason reason, final Account account,
                                    final AppliedSteps steps, final long nowMs) {
        final Account after = account == null ? null : account.afterNoMovement();
        final Position position = after == null
                ? Position.noAccount(open.currency(), nowMs)
                : Position.of(after, nowMs);
        return Decision.applied(new OpenDeclined(reason, open.accountType(), open.currency(), position), after, steps);
    }
}
