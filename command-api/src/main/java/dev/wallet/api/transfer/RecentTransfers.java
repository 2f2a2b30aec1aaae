package dev.wallet.api.transfer;

import dev.wallet.api.http.FieldRules;
import dev.wallet.schemas.avro.TransferPhase;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The last known state of recent transfers, for the SSE stream: a client that subscribes after a
 * transfer finished still gets its terminal status.
 *
 * <p>Bounded: at most {@code capacity} transfers; when full, the transfer first seen longest ago is
 * evicted. Only transfers whose events this instance consumed since it started are here; for
 * anything else the status resource of balance-query (PostgreSQL) is the answer.
 *
 * <p><b>Why primitive arrays, not a map of objects.</b> The cache holds every transfer of the last
 * {@code capacity}, so its entries outlive many young collections. Held as a map of objects (eight
 * or so per transfer), each young collection copied them from survivor space to survivor space until
 * they were old enough to promote, and the old generation then filled with evicted ones: at 1,000
 * transfers/s young pauses of about 60 ms, up to 130 (docs/benchmarks.md, "The recent-transfers
 * cache in primitive arrays"). Here every field
 * lives in a few arrays allocated once: primitive arrays hold no references, so the collector never
 * scans them, and large ones are never copied.
 *
 * <p>What fits: a transaction id in canonical lower-case UUID form (the only form the SSE endpoint
 * asks for: it lower-cases the path's UUID), account ids of at most {@value #ACCOUNT_BYTES_MAX}
 * ASCII characters (what the API accepts), and currency and reason codes from a small dictionary.
 * A transfer whose event does not fit (written to the topic by something other than the API) is not
 * kept; {@link #update} then returns the state unchanged and {@link #get} does not know it, as for
 * an evicted one.
 *
 * <p>Thread-safe by one lock: one thread (the transfer-events tail) writes, SSE subscriptions read
 * rarely.
 */
public final class RecentTransfers {

    /**
     * The most transfers one cache can hold. Each takes 167–175 bytes, all allocated at
     * construction: about 17 MB for the default 100,000.
     */
    public static final int CAPACITY_MAX = 10_000_000;

    static final int ACCOUNT_BYTES_MAX = FieldRules.ACCOUNT_ID_LENGTH_MAX;
    static final int CODES_MAX = 4096;
    private static final TransferPhase[] PHASES = TransferPhase.values();

    private final int capacity;

    // One slot per held transfer, in the order first seen (a ring); slot fields in parallel arrays.
    private final long[] slotIdHigh;
    private final long[] slotIdLow;
    private final long[] amounts;
    private final byte[] phases;
    private final short[] currencies;
    private final short[] reasons;          // code + 1; 0 for no reason
    private final byte[] accountLengths;    // from, to: two per slot
    private final byte[] accountBytes;      // from, to: 2 × ACCOUNT_BYTES_MAX per slot
    private int next;
    private int size;

    // Open addressing with linear probing from the transaction id (held in its slot) to the slot;
    // half full at most.
    private final int[] keySlot;            // slot + 1; 0 for an empty bucket
    private final int mask;

    // Currency and reason texts: a few dozen in practice, bounded against odd producers.
    private final Map<String, Short> codes = new HashMap<>();
    private final List<String> texts = new ArrayList<>();

    /** A cache of at most {@code capacity} transfers. */
    public RecentTransfers(final int capacity) {
        if (capacity < 1 || capacity > CAPACITY_MAX) {
            throw new IllegalArgumentException("capacity must be 1 to " + CAPACITY_MAX + ": " + capacity);
        }
        this.capacity = capacity;
        this.slotIdHigh = new long[capacity];
        this.slotIdLow = new long[capacity];
        this.amounts = new long[capacity];
        this.phases = new byte[capacity];
        this.currencies = new short[capacity];
        this.reasons = new short[capacity];
        this.accountLengths = new byte[2 * capacity];
        this.accountBytes = new byte[2 * ACCOUNT_BYTES_MAX * capacity];
        final int buckets = Integer.highestOneBit(capacity) << 2;
        this.keySlot = new int[buckets];
        this.mask = buckets - 1;
    }

    /**
     * Records {@code state} unless a terminal state is already known: a terminal state never goes
     * back. Returns the state now held ({@code state} itself when it does not fit the cache).
     */
    public synchronized TransferState update(final TransferState state) {
        final String id = state.transactionId();
        if (!isCanonicalUuid(id) || !fitsAccount(state.fromAccount()) || !fitsAccount(state.toAccount())) {
            return state;
        }
        final short currency = code(state.currency());
        final short reason = state.failureReason() == null ? -1 : code(state.failureReason());
        if (currency < 0 || (state.failureReason() != null && reason < 0)) {
            return state;
        }
        final UUID uuid = UUID.fromString(id);
        final long high = uuid.getMostSignificantBits();
        final long low = uuid.getLeastSignificantBits();
        final int bucket = find(high, low);
        final int slot;
        if (keySlot[bucket] != 0) {
            slot = keySlot[bucket] - 1;
            if (TransferState.isTerminal(PHASES[phases[slot]])) {
                return read(slot);
            }
        } else {
            slot = claimSlot();
            slotIdHigh[slot] = high;
            slotIdLow[slot] = low;
            // Claiming may have moved buckets back into a gap: look the bucket up again.
            keySlot[find(high, low)] = slot + 1;
        }
        writeAccount(slot, 0, state.fromAccount());
        writeAccount(slot, 1, state.toAccount());
        amounts[slot] = state.amountMinor();
        phases[slot] = (byte) state.phase().ordinal();
        currencies[slot] = currency;
        reasons[slot] = (short) (reason + 1);
        return state;
    }

    /** The last known state, or null when this instance does not hold it. */
    public synchronized TransferState get(final String transactionId) {
        if (!isCanonicalUuid(transactionId)) {
            return null;
        }
        final UUID uuid = UUID.fromString(transactionId);
        final int bucket = find(uuid.getMostSignificantBits(), uuid.getLeastSignificantBits());
        return keySlot[bucket] == 0 ? null : read(keySlot[bucket] - 1);
    }

    /** How many transfers are held. */
    public synchronized int size() {
        return size;
    }

    /** The next slot in first-seen order, its old transfer (when full) forgotten. */
    private int claimSlot() {
        final int slot = next;
        next = next + 1 == capacity ? 0 : next + 1;
        if (size == capacity) {
            remove(find(slotIdHigh[slot], slotIdLow[slot]));
        } else {
            size++;
        }
        return slot;
    }

    /** The bucket holding the id, or the empty bucket where it would go. */
    private int find(final long high, final long low) {
        int bucket = home(high, low);
        while (keySlot[bucket] != 0
                && (slotIdHigh[keySlot[bucket] - 1] != high || slotIdLow[keySlot[bucket] - 1] != low)) {
            bucket = (bucket + 1) & mask;
        }
        return bucket;
    }

    private int home(final long high, final long low) {
        long h = (high ^ Long.rotateLeft(low, 29)) * 0x9E3779B97F4A7C15L;
        h ^= h >>> 32;
        return (int) h & mask;
    }

    /**
     * Empties a bucket and moves later buckets of the same probe run back into the gap, so that
     * every id stays reachable from its home without tombstones.
     */
    private void remove(final int bucket) {
        int gap = bucket;
        int probe = bucket;
        while (true) {
            probe = (probe + 1) & mask;
            if (keySlot[probe] == 0) {
                break;
            }
            final int slot = keySlot[probe] - 1;
            final int home = home(slotIdHigh[slot], slotIdLow[slot]);
            // The entry may move into the gap unless its home lies after the gap, up to the probe.
            final boolean homeAfterGap = gap <= probe ? gap < home && home <= probe : gap < home || home <= probe;
            if (!homeAfterGap) {
                keySlot[gap] = keySlot[probe];
                gap = probe;
            }
        }
        keySlot[gap] = 0;
    }

    private TransferState read(final int slot) {
        final short reason = reasons[slot];
        return new TransferState(new UUID(slotIdHigh[slot], slotIdLow[slot]).toString(), readAccount(slot, 0),
                readAccount(slot, 1), amounts[slot], texts.get(currencies[slot]), PHASES[phases[slot]],
                reason == 0 ? null : texts.get(reason - 1));
    }

    /** The code of a currency or reason text, or -1 when the dictionary is full. */
    private short code(final String text) {
        if (text == null) {
            return -1;
        }
        final Short known = codes.get(text);
        if (known != null) {
            return known;
        }
        if (texts.size() == CODES_MAX) {
            return -1;
        }
        final short code = (short) texts.size();
        texts.add(text);
        codes.put(text, code);
        return code;
    }

    private static boolean fitsAccount(final String account) {
        if (account == null || account.length() > ACCOUNT_BYTES_MAX) {
            return false;
        }
        for (int i = 0; i < account.length(); i++) {
            if (account.charAt(i) > 0x7F) {
                return false;
            }
        }
        return true;
    }

    private void writeAccount(final int slot, final int which, final String account) {
        final int offset = (2 * slot + which) * ACCOUNT_BYTES_MAX;
        for (int i = 0; i < account.length(); i++) {
            accountBytes[offset + i] = (byte) account.charAt(i);
        }
        accountLengths[2 * slot + which] = (byte) account.length();
    }

    private String readAccount(final int slot, final int which) {
        return new String(accountBytes, (2 * slot + which) * ACCOUNT_BYTES_MAX, accountLengths[2 * slot + which],
                StandardCharsets.US_ASCII);
    }

    /**
     * True for 8-4-4-4-12 lower-case hex digits: the form the API writes and the SSE endpoint asks
     * for. A loop rather than {@link FieldRules#isUuid}'s regular expression: it runs for every event.
     */
    private static boolean isCanonicalUuid(final String id) {
        if (id == null || id.length() != 36) {
            return false;
        }
        for (int i = 0; i < 36; i++) {
            final char c = id.charAt(i);
            final boolean ok = i == 8 || i == 13 || i == 18 || i == 23
                    ? c == '-'
                    : (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
