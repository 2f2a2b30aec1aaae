package dev.wallet.ops.processor;

import dev.wallet.account.ledger.Account;
import dev.wallet.account.store.StoredForms;
import dev.wallet.account.store.avro.StoredAccount;
import dev.wallet.ops.audit.Findings;
import dev.wallet.ops.audit.Violation.Rule;
import dev.wallet.ops.ledger.AccountHistory;
import dev.wallet.ops.ledger.LedgerFold;
import dev.wallet.schemas.avro.AccountType;
import java.util.HashMap;
import java.util.Map;

/**
 * The account processor's stored form of every account, rebuilt from the ledger: type and opening
 * time from the AccountOpened, currency, and the balance and sequence of the last entry. Built
 * through the processor's own {@link Account} (its invariants checked) and {@link StoredForms}.
 */
public final class RebuiltAccounts {

    private RebuiltAccounts() {
    }

    /**
     * The stored form of every account the ledger opened. An account without an opening, or one
     * the processor could not hold (a USER balance below zero), is left out and recorded in
     * {@code findings}; the fold has already reported why.
     */
    public static Map<String, StoredAccount> of(final LedgerFold ledger, final Findings findings) {
        final Map<String, StoredAccount> rebuilt = new HashMap<>();
        for (final AccountHistory history : ledger.accounts().values()) {
            if (history.accountType() == null) {
                findings.add(Rule.PROCESSOR_STATE_MISMATCH, "account " + history.accountId(), history.lastWhere(),
                        "cannot be rebuilt: the ledger holds no AccountOpened for it");
                continue;
            }
            try {
                final Account account = new Account(AccountType.valueOf(history.accountType()), history.currency(),
                        history.last().balanceAfterMinor(), history.sequence(), history.openedAtMs());
                rebuilt.put(history.accountId(), StoredForms.toStored(account));
            } catch (IllegalStateException e) {
                findings.add(Rule.PROCESSOR_STATE_MISMATCH, "account " + history.accountId(), history.lastWhere(),
                        "cannot be rebuilt: " + e.getMessage());
            }
        }
        return rebuilt;
    }
}
