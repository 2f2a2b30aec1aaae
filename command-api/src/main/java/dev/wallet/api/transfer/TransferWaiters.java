package dev.wallet.api.transfer;

import dev.wallet.schemas.avro.TransferDuplicate;
import dev.wallet.schemas.avro.TransferDuplicateConflict;
import dev.wallet.schemas.avro.TransferEvent;
import dev.wallet.schemas.avro.TransferFailed;
import dev.wallet.schemas.avro.TransferPhase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * The transfer requests of this instance that wait for their outcome, by transaction_id.
 *
 * <p>A waiter is registered before its request is written, so no outcome can slip past it. An
 * outcome completes only the waiters whose payload matches: a terminal event or a duplicate answer
 * carries the original's payload and completes the waiters that asked for exactly that; a
 * conflict event carries the refused payload and completes only waiters that asked for that one,
 * so a waiter of the original is never answered by another request's conflict, and a conflicting
 * request is never answered with the original's success.
 */
public final class TransferWaiters {

    /** One waiting request. */
    public static final class Waiter {
        private final ValidTransfer transfer;
        private final Sinks.One<TransferOutcome> outcome = Sinks.one();

        private Waiter(final ValidTransfer transfer) {
            this.transfer = transfer;
        }

        /** Completes with the outcome once it is known; never completes if it never comes. */
        public Mono<TransferOutcome> outcome() {
            return outcome.asMono();
        }
    }

    private final Map<String, List<Waiter>> byTransactionId = new ConcurrentHashMap<>();

    /** Registers a waiter for {@code transfer}; remove it with {@link #remove(Waiter)}. */
    public Waiter register(final ValidTransfer transfer) {
        final Waiter waiter = new Waiter(transfer);
        byTransactionId.compute(transfer.transactionId(), (id, list) -> {
            final List<Waiter> next = list == null ? new ArrayList<>(1) : new ArrayList<>(list);
            next.add(waiter);
            return List.copyOf(next);
        });
        return waiter;
    }

    /** Forgets a waiter (answered, timed out or not written); idempotent. */
    public void remove(final Waiter waiter) {
        byTransactionId.computeIfPresent(waiter.transfer.transactionId(), (id, list) -> {
            final List<Waiter> next = new ArrayList<>(list);
            next.remove(waiter);
            return next.isEmpty() ? null : List.copyOf(next);
        });
    }

    /** How many requests wait now. */
    public int size() {
        return byTransactionId.values().stream().mapToInt(List::size).sum();
    }

    /** Completes the waiters this event answers. Called on the transfer-events tail thread. */
    public void onEvent(final TransferEvent event) {
        final List<Waiter> waiters = byTransactionId.get(event.getTransactionId());
        if (waiters == null) {
            return;
        }
        final Object body = event.getBody();
        if (body instanceof TransferDuplicateConflict conflict) {
            complete(waiters, w -> w.transfer.samePayload(conflict.getConflictingFromAccount(),
                            conflict.getConflictingToAccount(), conflict.getConflictingAmountMinor(),
                            conflict.getConflictingCurrency()),
                    new TransferOutcome.Conflict(TransferState.of(event, null)));
            return;
        }
        final TransferOutcome outcome = terminalOutcome(event, body);
        if (outcome != null) {
            complete(waiters, w -> w.transfer.samePayload(event.getFromAccount(), event.getToAccount(),
                    event.getAmountMinor(), event.getCurrency()), outcome);
        }
    }

    /** The outcome a terminal event or a duplicate answer of a terminal original gives, else null. */
    private static TransferOutcome terminalOutcome(final TransferEvent event, final Object body) {
        if (event.getPhase() == TransferPhase.COMPLETED) {
            return new TransferOutcome.Succeeded();
        }
        if (event.getPhase() != TransferPhase.FAILED) {
            // Accepted, debited, compensating, or a duplicate of an original still in flight: the
            // original's terminal event will answer every waiter.
            return null;
        }
        if (body instanceof TransferFailed failed) {
            return new TransferOutcome.Failed(failed.getReason().name());
        }
        if (body instanceof TransferDuplicate duplicate && duplicate.getFailureReason() != null) {
            return new TransferOutcome.Failed(duplicate.getFailureReason().name());
        }
        throw new IllegalStateException("transfer " + event.getTransactionId() + " is FAILED without a reason in "
                + body.getClass().getSimpleName());
    }

    private static void complete(final List<Waiter> waiters, final Predicate<Waiter> matches,
                                 final TransferOutcome outcome) {
        for (final Waiter waiter : waiters) {
            if (matches.test(waiter)) {
                waiter.outcome.tryEmitValue(outcome);
            }
        }
    }
}
