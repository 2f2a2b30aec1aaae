package dev.wallet.api.transfer;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The last known state of recent transfers, for the SSE stream: a client that subscribes after a
 * transfer finished still gets its terminal status.
 *
 * <p>Bounded: at most {@code capacity} transfers; when full, the least recently updated or read one
 * is evicted. Only transfers whose events this instance consumed since it started are here; for
 * anything else the status resource of balance-query (PostgreSQL) is the answer.
 */
public final class RecentTransfers {

    private final Map<String, TransferState> states;

    /** A cache of at most {@code capacity} transfers. */
    public RecentTransfers(final int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        // Access order makes eviction least-recently-used; one lock is enough, since one thread
        // (the transfer-events tail) writes and SSE subscriptions read rarely.
        this.states = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(final Map.Entry<String, TransferState> eldest) {
                return size() > capacity;
            }
        };
    }

    /**
     * Records {@code state} unless a terminal state is already known: a terminal state never goes
     * back. Returns the state now held.
     */
    public synchronized TransferState update(final TransferState state) {
        final TransferState known = states.get(state.transactionId());
        if (known != null && known.terminal()) {
            return known;
        }
        states.put(state.transactionId(), state);
        return state;
    }

    /** The last known state, or null when this instance does not hold it. */
    public synchronized TransferState get(final String transactionId) {
        return states.get(transactionId);
    }

    /** How many transfers are held. */
    public synchronized int size() {
        return states.size();
    }
}
