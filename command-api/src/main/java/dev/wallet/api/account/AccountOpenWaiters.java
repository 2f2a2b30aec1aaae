package dev.wallet.api.account;

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

    private final Map<String, Sinks.One<AccountOpenOutcome>> byTransactionId = new ConcurrentHashMap<>();

    /** Registers a waiter for the open command {@code transactionId}. */
    public Mono<AccountOpenOutcome> register(final String transactionId) {
        final Sinks.One<AccountOpenOutcome> sink = Sinks.one();
        if (byTransactionId.putIfAbsent(transactionId, sink) != null) {
            throw new IllegalStateException("open command " + transactionId + " is already waited for");
        }
        return sink.asMono();
    }

    /** Forgets the waiter of {@code transactionId}; idempotent. */
    public void remove(final String transactionId) {
        byTransactionId.remove(transactionId);
    }

    /** True while some open command waits for its answer. */
    public boolean anyWaiting() {
        return !byTransactionId.isEmpty();
    }

    /** Completes the waiter this ledger event answers, if any. Called on the account-events tail thread. */
    @Override
    public void accept(final AccountEvent event) {
        if (event.getStep() != CommandStep.OPEN) {
            return;
        }
        final Sinks.One<AccountOpenOutcome> sink = byTransactionId.get(event.getTransactionId());
        if (sink == null) {
            return;
        }
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
