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
 * <p><b>Bound.</b> An entry is stamped with the start of the {@code bucket} (default
 * {@link #BUCKET_DEFAULT}, 12 h, starting at 00:00 and 12:00 UTC) of the processor's wall-clock time
 * when its transaction last applied a step on the account. It is found for at least
 * {@code retention} (default {@link #RETENTION_DEFAULT}) after that and at most one bucket longer,
 * then dropped with its segment. The store holds about commands/s x (retention + half a bucket)
 * entries per instance, ~150 bytes each before compression: at 1,000 commands/s and the defaults,
 * ~108 M entries, ~16 GB of RocksDB. Size the disk, or the retention, to the rate.
 *
 * <p><b>Why buckets.</b> A lookup is then at most ceil(retention / bucket) + 1 point reads, 3 at
 * the defaults (one more in the last minutes of a bucket, see the clock below). RocksDB's bloom filters (Kafka Streams sets them) let a point read skip every file
 * that lacks the key, as every file does for a new transaction. A range read over exact stamps, as before, had to
 * seek into every live segment; it cost the processor's stream thread a tenth to a sixth more once
 * a lookup spanned three segments, the state of a processor that has run for a day
 * (docs/benchmarks.md, "Applied-steps point lookups" and "Bucketed applied steps, adopted"). The bucket is fixed, not derived from the
 * retention, so that changing the retention never hides an entry: a lookup finds only stamps on
 * its own bucket grid, and a running deployment must never change the bucket.
 *
 * <p><b>Entries of earlier versions.</b> Up to this version the entries were stamped with exact
 * times in {@link AccountStores#APPLIED_STEPS_V1}. That store is still read, never written: when
 * the bucketed store has nothing for a key, a range read over the last {@code retention} of the
 * earlier store finds what was applied before the upgrade, and the next save moves it into the
 * bucketed store. One retention after the upgrade no segment of the earlier store overlaps that
 * range any more, and the read opens nothing. The earlier store can then leave the topology. The
 * upgrade stops every instance before starting this version: during a rolling restart an instance
 * of an earlier version could get a task back and miss the steps this version saved.
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
 * cannot make the store forget early. A wall clock stepped back does not hide an entry stamped in a
 * later bucket: the store's own clock never runs backwards while it runs, and a lookup within
 * {@link #CLOCK_STEP_BACK_MAX} of the next bucket also reads that bucket, which covers a clock
 * stepped back that far across a restart. (Reading the store's newest stamp at a restart instead
 * would scan the whole current segment, since a window store's range over all keys filters by time
 * entry by entry.)
 */
public final class AppliedStepsStore {

    /** How long applied steps are remembered unless configured: a day, as payment APIs keep idempotency keys. */
    public static final Duration RETENTION_DEFAULT = Duration.ofHours(24);

    /** Shortest retention accepted: below a minute the window store's segments stop making sense. */
    public static final Duration RETENTION_MIN = Duration.ofMinutes(1);

    /**
     * Width of the time buckets entries are stamped with: half the default retention, so that a
     * lookup at the defaults is three point reads. Changing it hides every entry stamped before, so
     * a change needs a migration like the one from {@link AccountStores#APPLIED_STEPS_V1}.
     */
    public static final Duration BUCKET_DEFAULT = Duration.ofHours(12);

    /** Nothing in the bucketed store. */
    private static final long NOT_STORED = -1;

    /**
     * How far back a wall clock may have been stepped across a restart without hiding an entry of
     * the next bucket: NTP steps and VM clock corrections are seconds to minutes. Costs one more
     * point read per lookup that misses, in the last 10 minutes of each bucket only.
     */
    static final Duration CLOCK_STEP_BACK_MAX = Duration.ofMinutes(10);

    private static final long CLOCK_STEP_BACK_MAX_MS = CLOCK_STEP_BACK_MAX.toMillis();

    private final WindowStore<String, StoredAppliedSteps> store;
    private final WindowStore<String, StoredAppliedSteps> storeV1;
    private final long retentionMs;
    private final long bucketMs;
    /** The store's clock: the newest wall-clock time it was given. */
    private long clockMs = Long.MIN_VALUE;

    /**
     * @param store     the bucketed store ({@link AccountStores#appliedSteps(Duration, Duration)})
     * @param storeV1   the store of earlier versions, read only ({@link AccountStores#appliedStepsV1(Duration)})
     * @param retention how long an entry is found at least
     * @param bucket    the width of the stamps' buckets; the store's must be the same
     */
    public AppliedStepsStore(final WindowStore<String, StoredAppliedSteps> store,
                             final WindowStore<String, StoredAppliedSteps> storeV1,
                             final Duration retention, final Duration bucket) {
        this.store = store;
        this.storeV1 = storeV1;
        this.retentionMs = retention.toMillis();
        this.bucketMs = bucket.toMillis();
        if (bucketMs <= 0) {
            throw new IllegalArgumentException("The applied-steps bucket must be positive, was " + bucket + ".");
        }
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
        final long clockMs = advanceClock(nowMs);
        final long oldestStampMs = Math.max(0, bucketOf(clockMs - retentionMs));
        // Newest bucket first: save() removes the entry from an older bucket when it writes a newer one.
        for (long stampMs = bucketOf(clockMs + CLOCK_STEP_BACK_MAX_MS); stampMs >= oldestStampMs; stampMs -= bucketMs) {
            final StoredAppliedSteps steps = store.fetch(key, stampMs);
            if (steps != null) {
                return new Found(StoredForms.toSteps(steps), stampMs);
            }
        }
        return new Found(findV1(key, clockMs), NOT_STORED);
    }

    /**
     * Replaces what was {@code found} under {@code key} with {@code steps}, stamped with the bucket of
     * {@code nowMs}, or of the store's clock if that is later.
     */
    public void save(final String key, final Found found, final AppliedSteps steps, final long nowMs) {
        final long stampMs = bucketOf(advanceClock(nowMs));
        if (found.stampMs() != NOT_STORED && found.stampMs() != stampMs) {
            store.put(key, null, found.stampMs());
        }
        store.put(key, StoredForms.toStored(steps), stampMs);
    }

    /** What an earlier version remembered under {@code key} within the retention, or NONE. */
    private AppliedSteps findV1(final String key, final long nowMs) {
        StoredAppliedSteps latest = null;
        try (WindowStoreIterator<StoredAppliedSteps> entries =
                     storeV1.fetch(key, Math.max(0, nowMs - retentionMs), Long.MAX_VALUE)) {
            while (entries.hasNext()) {
                final KeyValue<Long, StoredAppliedSteps> entry = entries.next();
                // Entries come oldest first; normally there is one, since that version's save() replaced.
                latest = entry.value;
            }
        }
        return latest == null ? AppliedSteps.NONE : StoredForms.toSteps(latest);
    }

    /** Moves the store's clock to {@code nowMs} unless it is later already, and returns it. */
    private long advanceClock(final long nowMs) {
        clockMs = Math.max(clockMs, nowMs);
        return clockMs;
    }

    private long bucketOf(final long timeMs) {
        return timeMs - Math.floorMod(timeMs, bucketMs);
    }

    /**
     * Steps found, with the stamp they are stored under.
     *
     * @param steps   what the transaction did on the account; {@link AppliedSteps#NONE} if nothing
     * @param stampMs the bucket they are stored under in the bucketed store, or -1 when they are not
     *                there (nothing found, or found only in the store of earlier versions)
     */
    public record Found(AppliedSteps steps, long stampMs) {
    }
}
