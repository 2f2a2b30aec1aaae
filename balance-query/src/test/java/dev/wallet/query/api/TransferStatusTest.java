package dev.wallet.query.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wallet.schemas.avro.TransferPhase;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TransferStatusTest {

    @Test
    void shouldMapEveryPhaseToPendingSuccessOrFailed() {
        final Map<TransferPhase, String> statuses = Arrays.stream(TransferPhase.values())
                .collect(Collectors.toMap(Function.identity(), phase -> TransferController.statusOf(phase.name())));

        assertThat(statuses).containsExactlyInAnyOrderEntriesOf(Map.of(
                TransferPhase.ACCEPTED, "pending",
                TransferPhase.DEBITED, "pending",
                TransferPhase.COMPENSATING, "pending",
                TransferPhase.COMPLETED, "success",
                TransferPhase.FAILED, "failed"));
    }
}
