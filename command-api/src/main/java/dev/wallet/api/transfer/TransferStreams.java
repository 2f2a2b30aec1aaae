package dev.wallet.api.transfer;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * Live subscriptions to the state changes of single transfers, for the SSE resource. Each
 * subscription has its own small replaying sink, so a slow client holds at most
 * {@link #REPLAY_MAX} states and the tail thread never waits for it.
 */
public final class TransferStreams {

    /** States one subscription holds for its client; a transfer has at most five phases. */
    public static final int REPLAY_MAX = 8;

    /** One open subscription. */
    public static final class Subscription {
        private final String transactionId;
        private final Sinks.Many<TransferState> sink = Sinks.many().replay().limit(REPLAY_MAX);
        private final AtomicBoolean released = new AtomicBoolean();

        private Subscription(final String transactionId) {
            this.transactionId = transactionId;
        }

        /** True exactly once: for the first caller, who then closes it and gives its place back. */
        public boolean release() {
            return released.compareAndSet(false, true);
        }

        /** Every state published since the subscription opened (up to {@link #REPLAY_MAX}), then live ones. */
        public Flux<TransferState> states() {
            return sink.asFlux();
        }
    }

    private final Map<String, Set<Subscription>> byTransactionId = new ConcurrentHashMap<>();

    /** Opens a subscription to {@code transactionId}; close it with {@link #close(Subscription)}. */
    public Subscription open(final String transactionId) {
        final Subscription subscription = new Subscription(transactionId);
        byTransactionId.computeIfAbsent(transactionId, id -> ConcurrentHashMap.newKeySet()).add(subscription);
        return subscription;
    }

    /** Closes a subscription; idempotent. */
    public void close(final Subscription subscription) {
        byTransactionId.computeIfPresent(subscription.transactionId, (id, set) -> {
            set.remove(subscription);
            return set.isEmpty() ? null : set;
        });
        subscription.sink.tryEmitComplete();
    }

    /** Hands a new state to the subscriptions of its transfer. Called on the tail thread. */
    public void publish(final TransferState state) {
        final Set<Subscription> subscriptions = byTransactionId.get(state.transactionId());
        if (subscriptions == null) {
            return;
        }
        for (final Subscription subscription : subscriptions) {
            // A concurrent close may have completed the sink: the state is then simply not wanted.
            subscription.sink.tryEmitNext(state);
        }
    }
}
