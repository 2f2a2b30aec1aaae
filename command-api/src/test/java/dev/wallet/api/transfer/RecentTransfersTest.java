package dev.wallet.api.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wallet.schemas.avro.TransferPhase;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RecentTransfersTest {

    private static final String A = "00000000-0000-4000-8000-00000000000a";
    private static final String B = "00000000-0000-4000-8000-00000000000b";
    private static final String C = "00000000-0000-4000-8000-00000000000c";

    @Test
    void shouldGiveBackEveryFieldOfTheLatestState() {
        final RecentTransfers recent = new RecentTransfers(10);
        recent.update(new TransferState(A, "alice", "bob", 1250, "USD", TransferPhase.ACCEPTED, null));
        final TransferState failed = new TransferState(A, "alice", "bob", 1250, "USD", TransferPhase.FAILED,
                "INSUFFICIENT_FUNDS");

        assertThat(recent.update(failed)).isEqualTo(failed);
        assertThat(recent.get(A)).isEqualTo(failed);
        assertThat(recent.get(B)).isNull();
        assertThat(recent.size()).isEqualTo(1);
    }

    @Test
    void shouldEvictTheTransferFirstSeenLongestAgoWhenFull() {
        final RecentTransfers recent = new RecentTransfers(2);
        recent.update(state(A, TransferPhase.ACCEPTED));
        recent.update(state(B, TransferPhase.ACCEPTED));
        recent.update(state(A, TransferPhase.DEBITED));
        recent.get(A);

        recent.update(state(C, TransferPhase.ACCEPTED));

        assertThat(recent.get(A)).isNull();
        assertThat(recent.get(B)).isNotNull();
        assertThat(recent.get(C)).isNotNull();
        assertThat(recent.size()).isEqualTo(2);
    }

    @Test
    void shouldKeepTerminalStateWhenAnOlderPhaseArrives() {
        final RecentTransfers recent = new RecentTransfers(10);
        recent.update(state(A, TransferPhase.COMPLETED));

        final TransferState held = recent.update(state(A, TransferPhase.DEBITED));

        assertThat(held.phase()).isEqualTo(TransferPhase.COMPLETED);
        assertThat(recent.get(A).phase()).isEqualTo(TransferPhase.COMPLETED);
    }

    @Test
    void shouldNotKeepTransfersWhoseIdsTheEventStreamNeverAsksFor() {
        final RecentTransfers recent = new RecentTransfers(10);
        final TransferState upperCase = state(A.toUpperCase(), TransferPhase.ACCEPTED);
        final TransferState notUuid = state("transfer-1", TransferPhase.ACCEPTED);
        final TransferState longAccount = new TransferState(B, "a".repeat(65), "bob", 1, "USD",
                TransferPhase.ACCEPTED, null);
        final TransferState nonAscii = new TransferState(C, "alice", "bøb", 1, "USD", TransferPhase.ACCEPTED, null);

        assertThat(recent.update(upperCase)).isSameAs(upperCase);
        assertThat(recent.update(notUuid)).isSameAs(notUuid);
        assertThat(recent.update(longAccount)).isSameAs(longAccount);
        assertThat(recent.update(nonAscii)).isSameAs(nonAscii);

        assertThat(recent.size()).isZero();
        assertThat(recent.get(A)).isNull();
        assertThat(recent.get(A.toUpperCase())).isNull();
        assertThat(recent.get("transfer-1")).isNull();
        assertThat(recent.get(B)).isNull();
    }

    @Test
    void shouldKeepAccountIdsOfTheLongestLengthTheApiAccepts() {
        final RecentTransfers recent = new RecentTransfers(10);
        final String longest = "x".repeat(RecentTransfers.ACCOUNT_BYTES_MAX);
        final TransferState state = new TransferState(A, longest, "y" + longest.substring(1), 1, "JPY",
                TransferPhase.COMPLETED, null);

        recent.update(state);

        assertThat(recent.get(A)).isEqualTo(state);
    }

    @Test
    void shouldNotKeepATransferWhoseReasonNoLongerFitsTheDictionary() {
        final RecentTransfers recent = new RecentTransfers(RecentTransfers.CODES_MAX + 10);
        for (int i = 0; i < RecentTransfers.CODES_MAX; i++) {
            recent.update(new TransferState(new UUID(1, i).toString(), "alice", "bob", 1, "C" + i,
                    TransferPhase.ACCEPTED, null));
        }
        final TransferState failed = new TransferState(A, "alice", "bob", 1, "C0", TransferPhase.FAILED,
                "A_NEW_REASON");

        assertThat(recent.update(failed)).isSameAs(failed);
        assertThat(recent.get(A)).isNull();
        assertThat(recent.get(new UUID(1, 0).toString()).currency()).isEqualTo("C0");
    }

    @Test
    void shouldRefuseCapacitiesOutsideItsBounds() {
        assertThatThrownBy(() -> new RecentTransfers(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RecentTransfers(RecentTransfers.CAPACITY_MAX + 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * Against a plain map kept in first-seen order, over many updates of ids from a pool larger than
     * the cache, so that evictions, repeats and collisions in the hash index interleave.
     */
    @Test
    void shouldAgreeWithAFirstSeenOrderedMapOverRandomUpdates() {
        final Random random = new Random(20261128);
        final TransferPhase[] phases = TransferPhase.values();
        for (final int capacity : new int[] {1, 2, 3, 5, 8, 13, 64, 100}) {
            final RecentTransfers recent = new RecentTransfers(capacity);
            final Map<String, TransferState> model = new LinkedHashMap<>();
            final List<String> pool = new ArrayList<>();
            for (int i = 0; i < 3 * capacity + 2; i++) {
                pool.add(new UUID(random.nextLong(), random.nextLong()).toString());
            }
            for (int step = 0; step < 20_000; step++) {
                final String id = pool.get(random.nextInt(pool.size()));
                final TransferPhase phase = phases[random.nextInt(phases.length)];
                final TransferState state = new TransferState(id, "from-" + random.nextInt(9), "to-" + random.nextInt(9),
                        random.nextInt(1000), random.nextBoolean() ? "USD" : "EUR", phase,
                        phase == TransferPhase.FAILED ? "EXPIRED" : null);
                final TransferState known = model.get(id);
                final TransferState expected = known != null && known.terminal() ? known : state;
                if (known == null && model.size() == capacity) {
                    model.remove(model.keySet().iterator().next());
                }
                model.put(id, expected);

                assertThat(recent.update(state)).isEqualTo(expected);
                assertThat(recent.size()).isEqualTo(model.size());
                for (final String poolId : pool) {
                    assertThat(recent.get(poolId)).as("capacity %d, step %d", capacity, step)
                            .isEqualTo(model.get(poolId));
                }
            }
        }
    }

    private static TransferState state(final String id, final TransferPhase phase) {
        return new TransferState(id, "alice", "bob", 100, "USD", phase, null);
    }
}
