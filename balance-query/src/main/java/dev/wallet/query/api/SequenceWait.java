package dev.wallet.query.api;

import java.time.Duration;
import java.util.Optional;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Read-your-writes on an eventually consistent view: waits, bounded, until an account's projected
 * sequence reaches the one a caller saw on the write side.
 */
@Component
public class SequenceWait {

    /** What a caller asked for: null {@code minSequence} means no wait. */
    record Request(Long minSequence, Duration waitFor) {
    }

    private final ReadModel readModel;
    private final QueryProperties properties;

    public SequenceWait(final ReadModel readModel, final QueryProperties properties) {
        this.readModel = readModel;
        this.properties = properties;
    }

    /** Parses {@code min_sequence} and {@code wait_ms} (at most {@code wallet.query.wait-max-ms}). */
    Request request(final String minSequence, final String waitMs) {
        final Long min = QueryParameters.longInRange("min_sequence", minSequence, 1, Long.MAX_VALUE, null);
        final long wait = QueryParameters.longInRange("wait_ms", waitMs, 0, properties.waitMaxMs(),
                properties.waitDefaultMs());
        return new Request(min, Duration.ofMillis(wait));
    }

    /** Emits whether the account reached the sequence within the wait; empty Optional when none was asked. */
    Mono<Optional<Boolean>> await(final String accountId, final Request request) {
        if (request.minSequence() == null) {
            return Mono.just(Optional.empty());
        }
        final Mono<Boolean> reached = readModel.accountSequence(accountId).defaultIfEmpty(0L)
                .map(sequence -> sequence >= request.minSequence());
        if (request.waitFor().isZero()) {
            return reached.map(Optional::of);
        }
        final Duration interval = Duration.ofMillis(properties.waitPollIntervalMs());
        return reached.filter(Boolean::booleanValue)
                .repeatWhenEmpty(empties -> empties.delayElements(interval))
                .timeout(request.waitFor(), Mono.just(false))
                .map(Optional::of);
    }
}
