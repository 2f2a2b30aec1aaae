package dev.wallet.ops.ledger;

import dev.wallet.query.projection.LedgerRow;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One account as the ledger tells it: the folded state after its last entry, and its entries in
 * sequence order (the rows the read side must hold, through the read side's own mapping).
 */
public final class AccountHistory {

    private final String accountId;
    private final String currency;
    private final String accountType;
    private final long openedAtMs;
    private final List<LedgerRow> entries = new ArrayList<>();
    private long balanceMinor;
    private long sequence;
    private String lastWhere;

    AccountHistory(final String accountId, final String currency, final String accountType, final long openedAtMs) {
        this.accountId = accountId;
        this.currency = currency;
        this.accountType = accountType;
        this.openedAtMs = openedAtMs;
    }

    void append(final LedgerRow row, final long foldedBalanceMinor, final String where) {
        entries.add(row);
        balanceMinor = foldedBalanceMinor;
        sequence = row.sequence();
        lastWhere = where;
    }

    public String accountId() {
        return accountId;
    }

    public String currency() {
        return currency;
    }

    /** USER or SYSTEM as the AccountOpened said; null when the ledger holds no opening. */
    public String accountType() {
        return accountType;
    }

    public boolean isUser() {
        return "USER".equals(accountType);
    }

    public long openedAtMs() {
        return openedAtMs;
    }

    /** The balance the amounts add up to (what balance_after must say). */
    public long balanceMinor() {
        return balanceMinor;
    }

    /** The sequence of the last entry. */
    public long sequence() {
        return sequence;
    }

    /** topic-partition@offset of the last entry. */
    public String lastWhere() {
        return lastWhere;
    }

    /** The entries in sequence order (strictly increasing). */
    public List<LedgerRow> entries() {
        return Collections.unmodifiableList(entries);
    }

    /** The last entry. */
    public LedgerRow last() {
        return entries.get(entries.size() - 1);
    }

    /** The entry at {@code entrySequence}, or null. */
    public LedgerRow at(final long entrySequence) {
        int low = 0;
        int high = entries.size() - 1;
        while (low <= high) {
            final int middle = (low + high) >>> 1;
            final long found = entries.get(middle).sequence();
            if (found < entrySequence) {
                low = middle + 1;
            } else if (found > entrySequence) {
                high = middle - 1;
            } else {
                return entries.get(middle);
            }
        }
        return null;
    }
}
