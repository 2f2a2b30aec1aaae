package dev.wallet.api.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wallet.schemas.avro.TransferPhase;
import org.junit.jupiter.api.Test;

class RecentTransfersTest {

    @Test
    void shouldEvictTheLeastRecentlyUsedTransferWhenFull() {
        final RecentTransfers recent = new RecentTransfers(2);
        recent.update(state("a", TransferPhase.ACCEPTED));
        recent.update(state("b", TransferPhase.ACCEPTED));
        recent.get("a");

        recent.update(state("c", TransferPhase.ACCEPTED));

        assertThat(recent.get("b")).isNull();
        assertThat(recent.get("a")).isNotNull();
        assertThat(recent.size()).isEqualTo(2);
    }

    @Test
    void shouldKeepTerminalStateWhenAnOlderPhaseArrives() {
        final RecentTransfers recent = new RecentTransfers(10);
        recent.update(state("a", TransferPhase.COMPLETED));

        final TransferState held = recent.update(state("a", TransferPhase.DEBITED));

        assertThat(held.phase()).isEqualTo(TransferPhase.COMPLETED);
        assertThat(recent.get("a").phase()).isEqualTo(TransferPhase.COMPLETED);
    }

    private static TransferState state(final String id, final TransferPhase phase) {
        return new TransferState(id, "alice", "bob", 100, "USD", phase, null);
    }
}
