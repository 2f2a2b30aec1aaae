package dev.wallet.saga.store;

/**
 * Keys of the {@value SagaStores#ENDED} store: {@code <end time ms, 13 digits>:<transaction_id>}.
 * Zero-padded epoch milliseconds sort as text in time order (RocksDB orders by bytes), so every
 * saga that ended before an instant lies in the key range below {@link #before(long)}.
 */
public final class EndedIndex {

    /** Digits of an epoch-millisecond time until the year 2286; enough for every clock we will see. */
    private static final int TIME_DIGITS = 13;

    private EndedIndex() {
    }

    /** The index key of a saga that ended at {@code endedAtMs}. */
    public static String key(final long endedAtMs, final String transactionId) {
        return timePrefix(endedAtMs) + ':' + transactionId;
    }

    /**
     * The upper bound (inclusive) of the range of sagas that ended strictly before
     * {@code cutoffMs}: the bare time prefix sorts before every key that starts with it.
     */
    public static String before(final long cutoffMs) {
        return timePrefix(cutoffMs);
    }

    /** The lowest possible key. */
    public static String first() {
        return timePrefix(0);
    }

    private static String timePrefix(final long epochMs) {
        if (epochMs < 0) {
            throw new IllegalArgumentException("An index time cannot be before the epoch: " + epochMs + ".");
        }
        final String digits = Long.toString(epochMs);
        return "0".repeat(Math.max(0, TIME_DIGITS - digits.length())) + digits;
    }
}
