package dev.wallet.saga.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wallet.schemas.avro.AccountCommand;
import dev.wallet.schemas.avro.AccountType;
import dev.wallet.schemas.avro.CommandStep;
import dev.wallet.schemas.avro.OpenAccount;
import dev.wallet.schemas.avro.TransferCompleted;
import dev.wallet.schemas.avro.TransferDuplicate;
import dev.wallet.schemas.avro.TransferEvent;
import dev.wallet.schemas.avro.TransferPhase;
import dev.wallet.schemas.avro.TransferRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The saga's memory of ended transfers against the account processor's memory of applied steps,
 * in the two real topologies: a client's retry must always end in an answer.
 */
class RetentionWindowsTest {

    private static final Instant NOW = Instant.parse("2026-11-22T08:00:00Z");
    private static final String TX = "7d0b9c1e-0000-4000-8000-000000000001";

    @Test
    void shouldAnswerARetryAfterADayAsADuplicateWhileTheAccountsStillRememberTheTransfer() {
        try (TwoTopologies pipeline = new TwoTopologies(NOW)) {
            pipeline.run(List.of(open("funding-EUR", AccountType.SYSTEM), open("alice", AccountType.USER),
                    new ClientAction.Request(request(NOW))), new Random(1));
            assertThat(last(pipeline).getBody()).isInstanceOf(TransferCompleted.class);

            // Past a day the account processor may still remember the debit (up to 36 h, its 12 h
            // buckets), so the saga must still remember the transfer: a new saga would get the
            // debit's repeated answer, ignore it, and never end.
            pipeline.advanceWallClocks(Duration.ofHours(25));
            final Instant later = NOW.plus(Duration.ofHours(25));
            pipeline.run(List.of(new ClientAction.Request(request(later))), new Random(2));

            final TransferEvent answer = last(pipeline);
            assertThat(answer.getBody()).isInstanceOf(TransferDuplicate.class);
            assertThat(answer.getPhase()).isEqualTo(TransferPhase.COMPLETED);
        }
    }

    private static TransferRequest request(final Instant at) {
        return new TransferRequest(TX, "funding-EUR", "alice", 1_000L, "EUR", at, at.plusSeconds(30));
    }

    private static ClientAction open(final String id, final AccountType type) {
        return new ClientAction.Command(AccountCommand.newBuilder().setStep(CommandStep.OPEN).setIssuedAt(NOW)
                .setAccountId(id).setTransactionId("open-" + id).setBody(new OpenAccount(type, "EUR")).build());
    }

    private static TransferEvent last(final TwoTopologies pipeline) {
        final List<TransferEvent> events = pipeline.transferEvents();
        assertThat(events).isNotEmpty();
        return events.get(events.size() - 1);
    }
}
