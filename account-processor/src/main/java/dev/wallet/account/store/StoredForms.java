package dev.wallet.account.store;

import dev.wallet.account.ledger.Account;
import dev.wallet.account.ledger.AppliedSteps;
import dev.wallet.account.ledger.CreditDeclined;
import dev.wallet.account.ledger.Credited;
import dev.wallet.account.ledger.DebitDeclined;
import dev.wallet.account.ledger.Debited;
import dev.wallet.account.ledger.NoDebitToRefund;
import dev.wallet.account.ledger.OpenDeclined;
import dev.wallet.account.ledger.Opened;
import dev.wallet.account.ledger.Outcome;
import dev.wallet.account.ledger.Position;
import dev.wallet.account.ledger.Refunded;
import dev.wallet.account.store.avro.StoredAccount;
import dev.wallet.account.store.avro.StoredAccountType;
import dev.wallet.account.store.avro.StoredAppliedSteps;
import dev.wallet.account.store.avro.StoredOutcome;
import dev.wallet.account.store.avro.StoredOutcomeKind;
import dev.wallet.schemas.avro.AccountType;
import dev.wallet.schemas.avro.CreditRejectionReason;
import dev.wallet.schemas.avro.DebitRejectionReason;
import dev.wallet.schemas.avro.OpenRejectionReason;

/**
 * Converts between the ledger's values and the Avro records the state stores keep. The stored forms
 * are their own schemas (not the ledger event) so the store can evolve apart from the public
 * contract.
 */
public final class StoredForms {

    private StoredForms() {
    }

    /** The stored form of {@code account}. */
    public static StoredAccount toStored(final Account account) {
        return new StoredAccount(toStored(account.type()), account.currency(), account.balanceMinor(),
                account.sequence(), account.openedAtMs());
    }

    /** The account {@code stored} holds; its invariants are checked again on the way in. */
    public static Account toAccount(final StoredAccount stored) {
        return new Account(toAccountType(stored.getAccountType()), stored.getCurrency(), stored.getBalanceMinor(),
                stored.getSequence(), stored.getOpenedAtMs());
    }

    /** The stored form of {@code steps}. */
    public static StoredAppliedSteps toStored(final AppliedSteps steps) {
        return new StoredAppliedSteps(toStoredOrNull(steps.open()), toStoredOrNull(steps.debit()),
                toStoredOrNull(steps.credit()), toStoredOrNull(steps.refund()));
    }

    /** The applied steps {@code stored} holds. */
    public static AppliedSteps toSteps(final StoredAppliedSteps stored) {
        return new AppliedSteps(toOutcomeOrNull(stored.getOpen()), toOutcomeOrNull(stored.getDebit()),
                toOutcomeOrNull(stored.getCredit()), toOutcomeOrNull(stored.getRefund()));
    }

    /** The stored form of {@code outcome}. */
    public static StoredOutcome toStored(final Outcome outcome) {
        final StoredOutcome stored = new StoredOutcome();
        final Position position = outcome.position();
        stored.setSequence(position.sequence());
        stored.setBalanceAfterMinor(position.balanceAfterMinor());
        stored.setCurrency(position.currency());
        stored.setOccurredAtMs(position.occurredAtMs());
        describe(outcome, stored);
        return stored;
    }

    /** The outcome {@code stored} holds. */
    public static Outcome toOutcome(final StoredOutcome stored) {
        final Position position = new Position(stored.getSequence(), stored.getBalanceAfterMinor(),
                stored.getCurrency(), stored.getOccurredAtMs());
        final long amountMinor = stored.getAmountMinor();
        switch (stored.getKind()) {
            case OPENED:
                return new Opened(toAccountType(stored.getAccountType()), position);
            case OPEN_DECLINED:
                return new OpenDeclined(OpenRejectionReason.valueOf(stored.getReason()),
                        toAccountType(stored.getAccountType()), stored.getRequestedCurrency(), position);
            case DEBITED:
                return new Debited(amountMinor, position);
            case DEBIT_DECLINED:
                return new DebitDeclined(DebitRejectionReason.valueOf(stored.getReason()), amountMinor, position);
            case CREDITED:
                return new Credited(amountMinor, position);
            case CREDIT_DECLINED:
                return new CreditDeclined(CreditRejectionReason.valueOf(stored.getReason()), amountMinor, position);
            case REFUNDED:
                return new Refunded(amountMinor, position);
            case NO_DEBIT_TO_REFUND:
                return new NoDebitToRefund(amountMinor, position);
            default:
                throw new IllegalStateException("Unknown stored outcome kind " + stored.getKind() + ".");
        }
    }

    private static void describe(final Outcome outcome, final StoredOutcome stored) {
        if (outcome instanceof Opened opened) {
            stored.setKind(StoredOutcomeKind.OPENED);
            stored.setAccountType(toStored(opened.accountType()));
        } else if (outcome instanceof OpenDeclined declined) {
            stored.setKind(StoredOutcomeKind.OPEN_DECLINED);
            stored.setReason(declined.reason().name());
            stored.setAccountType(toStored(declined.requestedType()));
            stored.setRequestedCurrency(declined.requestedCurrency());
        } else if (outcome instanceof Debited debited) {
            setMoney(stored, StoredOutcomeKind.DEBITED, debited.amountMinor(), null);
        } else if (outcome instanceof DebitDeclined declined) {
            setMoney(stored, StoredOutcomeKind.DEBIT_DECLINED, declined.amountMinor(), declined.reason().name());
        } else if (outcome instanceof Credited credited) {
            setMoney(stored, StoredOutcomeKind.CREDITED, credited.amountMinor(), null);
        } else if (outcome instanceof CreditDeclined declined) {
            setMoney(stored, StoredOutcomeKind.CREDIT_DECLINED, declined.amountMinor(), declined.reason().name());
        } else if (outcome instanceof Refunded refunded) {
            setMoney(stored, StoredOutcomeKind.REFUNDED, refunded.amountMinor(), null);
        } else {
            setMoney(stored, StoredOutcomeKind.NO_DEBIT_TO_REFUND, ((NoDebitToRefund) outcome).amountMinor(), null);
        }
    }

    private static void setMoney(final StoredOutcome stored, final StoredOutcomeKind kind, final long amountMinor,
                                 final String reason) {
        stored.setKind(kind);
        stored.setAmountMinor(amountMinor);
        stored.setReason(reason);
    }

    private static StoredOutcome toStoredOrNull(final Outcome outcome) {
        return outcome == null ? null : toStored(outcome);
    }

    private static Outcome toOutcomeOrNull(final StoredOutcome stored) {
        return stored == null ? null : toOutcome(stored);
    }

    private static StoredAccountType toStored(final AccountType type) {
        return type == AccountType.SYSTEM ? StoredAccountType.SYSTEM : StoredAccountType.USER;
    }

    private static AccountType toAccountType(final StoredAccountType type) {
        return type == StoredAccountType.SYSTEM ? AccountType.SYSTEM : AccountType.USER;
    }
}
