package dev.wallet.api.account;

import dev.wallet.api.kafka.TopicTail;
import dev.wallet.schemas.avro.AccountEvent;
import dev.wallet.schemas.avro.AccountOpenRejected;
import dev.wallet.schemas.avro.AccountOpened;
import dev.wallet.schemas.avro.CommandStep;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Account-open requests of this instance waiting for their ledger event, by the fresh
 * transaction_id each open command gets; so the answer to exactly this command is recognised even
 * when several requests open the same account.
 */
public final class AccountOpenWaiters implements Consumer<AccountEvent> {

    /** A waiting request: where its answer goes, and when it started to wait (epoch ms). */
    private record Waiter(Sinks.One<AccountOpenOutcome> sink, long sinceMs) {
    }

    private final Map<String, Waiter> byTransactionId = new ConcurrentHashMap<>();

    /**
     * Registers a waiter for the open command {@code transactionId}. Register before the command is
     * sent: the account-events tail reads from the registration's time on (see {@link #waitingSinceMs}).
     */
    public Mono<AccountOpenOutcome> register(final String transactionId) {
        final Sinks.One<AccountOpenOutcome> sink = Sinks.one();
        if (byTransactionId.putIfAbsent(transactionId, new Waiter(sink, System.currentTimeMillis())) != null) {
            throw new IllegalStateException("open command " + transactionId + " is already waited for");
        }
        return sink.asMono();
    }

    /** Forgets the waiter of {@code transactionId}; idempotent. */
    public void remove(final String transactionId) {
        byTransactionId.remove(transactionId);
    }

    /**
     * When the longest-waiting open command started to wait (epoch ms, the clock a producer stamps
     * records with), or {@link TopicTail#NOBODY_WAITS} while none waits: the account-events tail's
     * {@code waitingSinceMs}.
     */
    public long waitingSinceMs() {
        return byTransactionId.values().stream().mapToLong(Waiter::sinceMs).min().orElse(TopicTail.NOBODY_WAITS);
    }

    /** Completes the waiter this ledger event answers, if any. Called on the account-events tail thread. */
    @Override
    public void accept(final AccountEvent event) {
        if (event.getStep() != CommandStep.OPEN) {
            return;
        }
        final Waiter waiter = byTransactionId.get(event.getTransactionId());
        if (waiter == null) {
            return;
        }
        final Sinks.One<AccountOpenOutcome> sink = waiter.sink();
        if (event.getBody() instanceof AccountOpened) {
            sink.tryEmitValue(new AccountOpenOutcome.Opened(event.getRepeated()));
        } else if (event.getBody() instanceof AccountOpenRejected rejected) {
            sink.tryEmitValue(new AccountOpenOutcome.Rejected(rejected.getReason().name()));
        } else {
            throw new IllegalStateException("open command " + event.getTransactionId() + " answered with "
                    + event.getBody().getClass().getSimpleName());
        }
    }
}
