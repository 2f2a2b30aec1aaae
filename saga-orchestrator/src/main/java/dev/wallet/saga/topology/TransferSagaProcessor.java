package dev.wallet.saga.topology;

import dev.wallet.saga.definition.IgnoredReply;
import dev.wallet.saga.definition.SagaDecision;
import dev.wallet.saga.definition.TransferSagaDefinition;
import dev.wallet.saga.store.SagaStores;
import dev.wallet.saga.store.avro.TransferSagaState;
import dev.wallet.schemas.avro.AccountCommand;
import dev.wallet.schemas.avro.AccountEvent;
import dev.wallet.schemas.avro.TransferEvent;
import dev.wallet.schemas.avro.TransferRequest;
import dev.wallet.schemas.kafka.CommitPacing;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Kafka Streams side of the saga: for each input keyed by transaction_id (a transfer request or
 * an account's answer) it loads the saga's row, asks {@link TransferSagaDefinition} what to do, and
 * writes the new row, then forwards the account commands (key account_id) and transfer events (key
 * transaction_id). Store writes and outputs commit in the same exactly-once transaction; after a
 * fresh input the processor asks for that commit early, as its {@link CommitPacing} says.
 */
final class TransferSagaProcessor implements Processor<String, SpecificRecord, String, SpecificRecord> {

    private static final Logger log = LoggerFactory.getLogger(TransferSagaProcessor.class);

    private final SagaSettings settings;
    private final SagaMetrics metrics;
    private final CommitPacing.Pacer pacer;
    private ProcessorContext<String, SpecificRecord> context;
    private KeyValueStore<String, TransferSagaState> transfers;
    private EndedSagas ended;

    TransferSagaProcessor(final SagaSettings settings, final SagaMetrics metrics, final CommitPacing.Pacer pacer) {
        this.settings = settings;
        this.metrics = metrics;
        this.pacer = pacer;
    }

    @Override
    public void init(final ProcessorContext<String, SpecificRecord> context) {
        this.context = context;
        this.transfers = context.getStateStore(SagaStores.TRANSFERS);
        this.ended = new EndedSagas(context.getStateStore(SagaStores.ENDED), transfers, settings, metrics);
        context.schedule(settings.purgeInterval(), PunctuationType.WALL_CLOCK_TIME, ended::purgeBefore);
    }

    @Override
    public void process(final Record<String, SpecificRecord> record) {
        final String transactionId = record.key();
        final String problem = problemWith(transactionId, record.value());
        if (problem != null) {
            skip(record, problem);
            pacer.afterRecord(context, record.timestamp());
            return;
        }
        final long nowMs = context.currentSystemTimeMs();
        final TransferSagaState state = transfers.get(transactionId);
        final SagaDecision decision = decide(state, record.value(), nowMs);
        apply(transactionId, state, decision, record);
        pacer.afterRecord(context, record.timestamp());
    }

    /**
     * What makes an input unusable, or null. A saga lives under its transaction_id, and the accounts
     * answer under it, so an input keyed otherwise would start or move the wrong saga (or none: a
     * null key cannot be looked up). It is a producer's bug, not a transfer, so it gets no event.
     */
    static String problemWith(final String key, final SpecificRecord input) {
        final String transactionId = input instanceof TransferRequest request ? request.getTransactionId()
                : ((AccountEvent) input).getTransactionId();
        if (key == null || key.isBlank()) {
            return "its key is blank";
        }
        if (!key.equals(transactionId)) {
            return "its key " + key + " is not its transaction_id " + transactionId;
        }
        return null;
    }

    private void skip(final Record<String, SpecificRecord> record, final String problem) {
        log.warn("Skipped the {} at {} because {}.", record.value().getClass().getSimpleName(), where(), problem);
        metrics.malformed();
    }

    private static SagaDecision decide(final TransferSagaState state, final SpecificRecord input, final long nowMs) {
        if (input instanceof TransferRequest request) {
            return TransferSagaDefinition.onRequest(state, request, nowMs);
        }
        if (input instanceof AccountEvent reply) {
            return TransferSagaDefinition.onReply(state, reply, nowMs);
        }
        // Null values are filtered out before the saga, and the topology merges only these two types.
        throw new IllegalStateException("The saga reads requests and account events only, got " + input + ".");
    }

    private void apply(final String transactionId, final TransferSagaState before, final SagaDecision decision,
                       final Record<String, SpecificRecord> input) {
        if (decision.isIgnored()) {
            // Only account events are ever ignored: every request gets an answer (saga or duplicate).
            logIgnored(transactionId, before, decision.ignored(), (AccountEvent) input.value(), where());
            metrics.ignored(decision.ignored());
            return;
        }
        if (decision.state() != null) {
            transfers.put(transactionId, decision.state());
            ended.recordIfEnded(decision.state());
        }
        for (final AccountCommand command : decision.commands()) {
            context.forward(input.withKey(command.getAccountId()).withValue(command));
        }
        for (final TransferEvent event : decision.events()) {
            log.debug("Transfer {} is now {} ({}).", transactionId, event.getPhase(),
                    event.getBody().getClass().getSimpleName());
            metrics.published(event);
            context.forward(input.withKey(transactionId).withValue(event));
        }
    }

    private static void logIgnored(final String transactionId, final TransferSagaState state,
                                   final IgnoredReply reason, final AccountEvent reply, final String where) {
        final String phase = state == null ? "unknown" : state.getPhase().name();
        if (reason == IgnoredReply.REPEATED) {
            // A repeat follows a retried command (e.g. after a restart): expected, not a warning.
            log.info("Transfer {} ignored a repeated {} answer of account {} in phase {} (at {}).",
                    transactionId, reply.getStep(), reply.getAccountId(), phase, where);
            return;
        }
        log.warn("Transfer {} ignored a {} answer ({}) of account {} in phase {} (at {}): {}.", transactionId,
                reply.getStep(), reply.getBody().getClass().getSimpleName(), reply.getAccountId(), phase, where,
                reason);
    }

    /** The topic-partition@offset of the record being processed. */
    private String where() {
        return context.recordMetadata()
                .map(metadata -> metadata.topic() + "-" + metadata.partition() + "@" + metadata.offset())
                .orElse("an unknown offset");
    }
}
