package dev.wallet.saga.topology;

import dev.wallet.saga.definition.IgnoredReply;
import dev.wallet.schemas.avro.TransferEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The saga's counters, the ones a person asks about in an incident:
 * <ul>
 *   <li>{@code wallet.saga.events{type}}: transfer events published, by body type
 *       (TransferAccepted, TransferCompleted, TransferFailed, TransferDuplicate, ...);</li>
 *   <li>{@code wallet.saga.replies.ignored{reason}}: account events that did not move a saga;</li>
 *   <li>{@code wallet.saga.inputs.malformed}: requests and answers skipped because their key is
 *       blank or not their transaction_id;</li>
 *   <li>{@code wallet.saga.purged}: ended sagas deleted after their retention.</li>
 * </ul>
 * Counters are created once and cached, so counting costs no registry lookup per record.
 */
final class SagaMetrics {

    private final MeterRegistry registry;
    private final Map<IgnoredReply, Counter> ignored = new EnumMap<>(IgnoredReply.class);
    private final Map<Class<?>, Counter> events = new ConcurrentHashMap<>();
    private final Counter malformed;
    private final Counter purged;

    SagaMetrics(final MeterRegistry registry) {
        this.registry = registry;
        for (final IgnoredReply reason : IgnoredReply.values()) {
            ignored.put(reason, Counter.builder("wallet.saga.replies.ignored")
                    .description("Account events that did not move a saga, by reason")
                    .tag("reason", reason.name())
                    .register(registry));
        }
        this.malformed = Counter.builder("wallet.saga.inputs.malformed")
                .description("Requests and account events skipped because their key is blank or not their "
                        + "transaction_id")
                .register(registry);
        this.purged = Counter.builder("wallet.saga.purged")
                .description("Ended sagas deleted from the phase-status table after their retention")
                .register(registry);
    }

    void ignored(final IgnoredReply reason) {
        ignored.get(reason).increment();
    }

    void published(final TransferEvent event) {
        events.computeIfAbsent(event.getBody().getClass(), type -> Counter.builder("wallet.saga.events")
                .description("Transfer events the saga published, by type")
                .tag("type", type.getSimpleName())
                .register(registry)).increment();
    }

    void malformed() {
        malformed.increment();
    }

    void purged(final int count) {
        purged.increment(count);
    }
}
