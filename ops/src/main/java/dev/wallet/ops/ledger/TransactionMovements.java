package dev.wallet.ops.ledger;

import java.util.ArrayList;
import java.util.List;

/** Every debit, credit and refund the ledger holds for one transaction, in the order read. */
public final class TransactionMovements {

    private final List<Movement> debits = new ArrayList<>();
    private final List<Movement> credits = new ArrayList<>();
    private final List<Movement> refunds = new ArrayList<>();

    void debit(final Movement movement) {
        debits.add(movement);
    }

    void credit(final Movement movement) {
        credits.add(movement);
    }

    void refund(final Movement movement) {
        refunds.add(movement);
    }

    public List<Movement> debits() {
        return debits;
    }

    public List<Movement> credits() {
        return credits;
    }

    public List<Movement> refunds() {
        return refunds;
    }

    /** Newest event time among the movements. */
    public long newestAtMs() {
        long newest = Long.MIN_VALUE;
        for (final List<Movement> kind : List.of(debits, credits, refunds)) {
            for (final Movement movement : kind) {
                newest = Math.max(newest, movement.occurredAtMs());
            }
        }
        return newest;
    }
}
