package dev.wallet.query.api;

import dev.wallet.query.projection.ProjectionLag;
import dev.wallet.schemas.topics.Topics;
import java.time.Instant;
import java.util.OptionalLong;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Builds the {@link ReadSide} part of answers from the projection's progress table and lag gauge. */
@Component
public class ReadSideReporter {

    private final ReadModel readModel;
    private final ProjectionLag lag;

    public ReadSideReporter(final ReadModel readModel, final ProjectionLag lag) {
        this.readModel = readModel;
        this.lag = lag;
    }

    /** For an account answer: progress of the ledger topic plus the account's own sequence. */
    public Mono<ReadSide> forAccount(final Long accountSequence, final Boolean minSequenceReached) {
        return of(Topics.ACCOUNT_EVENTS.name(), accountSequence, minSequenceReached);
    }

    /** For a transfer answer: progress of the transfer-events topic. */
    public Mono<ReadSide> forTransfer() {
        return of(Topics.TRANSFER_EVENTS.name(), null, null);
    }

    private Mono<ReadSide> of(final String topic, final Long accountSequence, final Boolean minSequenceReached) {
        final OptionalLong records = lag.records(topic);
        return readModel.projectedThrough(topic).map(through -> new ReadSide(accountSequence, minSequenceReached,
                through.map(Instant::toString).orElse(null),
                records.isPresent() ? records.getAsLong() : null));
    }
}
