package dev.wallet.api.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wallet.schemas.avro.TransferCompleted;
import dev.wallet.schemas.avro.TransferDuplicate;
import dev.wallet.schemas.avro.TransferDuplicateConflict;
import dev.wallet.schemas.avro.TransferEvent;
import dev.wallet.schemas.avro.TransferFailed;
import dev.wallet.schemas.avro.TransferFailureReason;
import dev.wallet.schemas.avro.TransferPhase;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TransferWaitersTest {

    private static final String ID = "9b2f5a56-7c1e-4d0a-8f43-2a6e1b0c9d11";
    private static final ValidTransfer ORIGINAL = new ValidTransfer(ID, "alice", "bob", 1250, "USD");
    private static final ValidTransfer OTHER_BODY = new ValidTransfer(ID, "alice", "bob", 9900, "USD");

    private final TransferWaiters waiters = new TransferWaiters();

    @Test
    void shouldAnswerSuccessWhenTheTransferCompletes() {
        final TransferWaiters.Waiter waiter = waiters.register(ORIGINAL);

        waiters.onEvent(event(TransferPhase.COMPLETED, new TransferCompleted(3L, 2L)));

        assertThat(outcomeOf(waiter)).contains(new TransferOutcome.Succeeded());
    }

    @Test
    void shouldAnswerFailedWithTheReason() {
        final TransferWaiters.Waiter waiter = waiters.register(ORIGINAL);

        waiters.onEvent(event(TransferPhase.FAILED, new TransferFailed(TransferFailureReason.INSUFFICIENT_FUNDS, false)));

        assertThat(outcomeOf(waiter)).contains(new TransferOutcome.Failed("INSUFFICIENT_FUNDS"));
    }

    @Test
    void shouldKeepWaitingWhenTheDuplicateOriginalIsStillInFlight() {
        final TransferWaiters.Waiter waiter = waiters.register(ORIGINAL);

        waiters.onEvent(event(TransferPhase.DEBITED, new TransferDuplicate(null)));

        assertThat(outcomeOf(waiter)).isEmpty();
    }

    @Test
    void shouldAnswerDuplicateOfTerminalOriginalWithItsReason() {
        final TransferWaiters.Waiter waiter = waiters.register(ORIGINAL);

        waiters.onEvent(event(TransferPhase.FAILED, new TransferDuplicate(TransferFailureReason.EXPIRED)));

        assertThat(outcomeOf(waiter)).contains(new TransferOutcome.Failed("EXPIRED"));
    }

    @Test
    void shouldAnswerConflictOnlyToTheRequestWithTheConflictingBody() {
        final TransferWaiters.Waiter original = waiters.register(ORIGINAL);
        final TransferWaiters.Waiter conflicting = waiters.register(OTHER_BODY);

        waiters.onEvent(event(TransferPhase.ACCEPTED, new TransferDuplicateConflict("alice", "bob", 9900L, "USD")));

        assertThat(outcomeOf(conflicting)).hasValueSatisfying(o -> assertThat(o).isInstanceOf(TransferOutcome.Conflict.class));
        assertThat(outcomeOf(original)).isEmpty();
    }

    @Test
    void shouldNotAnswerTheConflictingRequestWithTheOriginalsSuccess() {
        final TransferWaiters.Waiter conflicting = waiters.register(OTHER_BODY);

        waiters.onEvent(event(TransferPhase.COMPLETED, new TransferCompleted(3L, 2L)));

        assertThat(outcomeOf(conflicting)).isEmpty();
    }

    @Test
    void shouldForgetRemovedWaiters() {
        final TransferWaiters.Waiter waiter = waiters.register(ORIGINAL);

        waiters.remove(waiter);

        assertThat(waiters.size()).isZero();
    }

    private static Optional<TransferOutcome> outcomeOf(final TransferWaiters.Waiter waiter) {
        // The sink emits synchronously: an outcome already given is there at subscription.
        return Optional.ofNullable(waiter.outcome().toFuture().getNow(null));
    }

    private static TransferEvent event(final TransferPhase phase, final Object body) {
        return TransferEvent.newBuilder()
                .setTransactionId(ID)
                .setFromAccount(ORIGINAL.fromAccount())
                .setToAccount(ORIGINAL.toAccount())
                .setAmountMinor(ORIGINAL.amountMinor())
                .setCurrency(ORIGINAL.currency())
                .setPhase(phase)
                .setOccurredAt(Instant.parse("2026-01-01T00:00:00Z"))
                .setBody(body)
                .build();
    }
}
