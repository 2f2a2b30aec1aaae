package dev.wallet.saga.definition;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wallet.saga.store.avro.SagaFailureReason;
import dev.wallet.saga.store.avro.SagaPhase;
import dev.wallet.schemas.avro.TransferFailureReason;
import dev.wallet.schemas.avro.TransferPhase;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The stored enums mirror the public ones symbol for symbol, so mapping by name never fails. */
class FailureReasonsTest {

    @Test
    void shouldStorePhasesWithThePublicSymbols() {
        assertThat(names(SagaPhase.values())).containsExactly(names(TransferPhase.values()));
    }

    @Test
    void shouldStoreFailureReasonsWithThePublicSymbols() {
        assertThat(names(SagaFailureReason.values())).containsExactly(names(TransferFailureReason.values()));
    }

    private static String[] names(final Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toArray(String[]::new);
    }
}
