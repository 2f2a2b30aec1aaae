package dev.wallet.account.store;

import dev.wallet.account.ledger.AppliedSteps;
import dev.wallet.account.store.avro.StoredAppliedSteps;
import java.time.Duration;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * What each transaction did on each account, remembered for a bounded time: the memory behind
 * idempotency by (transaction_id, step), the refund's search for its debit, and the cancellation
 * mark.
 *
 * <p><b>Bound.</b> An entry is stamped with the processor's wall-clock time when its transaction
 * last applied a step on the account, and is found for {@code retention} after that (default
 * {@link #RETENTION_DEFAULT}); its segment is dropped at the latest one segment later (half the
 * retention, at least a minute). The store holds about commands/s x retention entries per instance, ~150 bytes each before
 * compression: 24 h at 1,000 commands/s is ~86 M entries, ~13 GB of RocksDB. Size the disk, or the
 * retention, to the rate.
 *
 * <p><b>Why that is safe.</b> Forgetting matters only when a step of the same transaction reaches
 * the same account again after the retention. The saga sends each command once (exactly-once), so
 * a repeat comes only from a replay or an operator re-sending; and it sends the refund right after
 * the credit of the same transfer was declined, seconds after the debit. A retention of a day
 * therefore covers every outage the platform is allowed to have (99.99% is 53 minutes a year). If
 * it ever were exceeded: a forgotten debit repeated would be applied again (the one unsafe case,
 * hence the generous default), a forgotten refund repeated finds no debit and moves no money, and a
 * debit arriving after a forgotten cancellation is applied.
 *
 * <p>Wall-clock time, not record time, drives the expiry so that a producer with a wrong clock
 * cannot make the store forget early.
 */
public final class AppliedStepsStore {

    /** How long applied steps are remembered unless configured: a day, as payment APIs keep idempotency keys. */
    public static final Duration RETENTION_DEFAULT = Duration.ofHours(24);

    /** Shortest retention accepted: below a minute the window store's segments stop making sense. */
    public static final Duration RETENTION_MIN = Duration.ofMinutes(1);

    /** No entry found. */
    private static final long NOT_FOUND = -1;

    private final WindowStore<String, StoredAppliedSteps> store;
    private final long retentionMs;

    public AppliedStepsStore(final WindowStore<String, StoredAppliedSteps> store, final Duration retention) {
        this.store = store;
        this.retentionMs = retention.toMillis();
    }

    /** The key of the steps of {@code transactionId} on {@code accountId}; unambiguous for any ids. */
    public static String key(final String accountId, final String transactionId) {
        // The length prefix tells where the account id ends, whatever characters the ids contain.
        return accountId.length() + ":" + accountId + transactionId;
    }

    /**
     * What the transaction with this {@code key} did, as remembered at {@code nowMs}; {@link Found#steps()}
     * is {@link AppliedSteps#NONE} when nothing is remembered.
     */
    public Found find(final String key, final long nowMs) {
        StoredAppliedSteps latest = null;
        long latestAtMs = NOT_FOUND;
        try (WindowStoreIterator<StoredAppliedSteps> entries = store.fetch(key, fromMs(nowMs), Long.MAX_VALUE)) {
            while (entries.hasNext()) {
                final KeyValue<Long, StoredAppliedSteps> entry = entries.next();
                // Entries come oldest first; normally there is one, since save() replaces.
                latest = entry.value;
                latestAtMs = entry.key;
            }
        }
        return latest == null ? new Found(AppliedSteps.NONE, NOT_FOUND)
                : new Found(StoredForms.toSteps(latest), latestAtMs);
    }

    /** Replaces what was {@code found} under {@code key} with {@code steps}, stamped {@code nowMs}. */
    public void save(final String key, final Found found, final AppliedSteps steps, final long nowMs) {
        if (found.savedAtMs() != NOT_FOUND && found.savedAtMs() != nowMs) {
            store.put(key, null, found.savedAtMs());
        }
        store.put(key, StoredForms.toStored(steps), nowMs);
    }

    private long fromMs(final long nowMs) {
        return Math.max(0, nowMs - retentionMs);
    }

    /**
     * Steps found, with the time they were saved at.
     *
     * @param steps     what the transaction did on the account; {@link AppliedSteps#NONE} if nothing
     * @param savedAtMs when they were saved, or -1 when nothing was found
     */
    public record Found(AppliedSteps steps, long savedAtMs) {
    }
}
