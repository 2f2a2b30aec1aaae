package dev.wallet.saga.topology;

import dev.wallet.saga.store.SagaStores;
import dev.wallet.schemas.avro.AccountCommand;
import dev.wallet.schemas.avro.AccountEvent;
import dev.wallet.schemas.avro.CommandStep;
import dev.wallet.schemas.avro.TransferEvent;
import dev.wallet.schemas.avro.TransferRequest;
import dev.wallet.schemas.topics.Topics;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;

/**
 * The transfer saga orchestrator: one saga per transaction_id, debit first, refund on a declined
 * credit (the steps are in {@link dev.wallet.saga.definition.TransferSagaDefinition}).
 *
 * <pre>
 *   wallet.transfer-requests (key transaction_id) ------------------------------------------+
 *                                                                                          v
 *   wallet.account-events (key account_id) -> drop OPEN -> key by transaction_id      saga-steps [saga-transfers,
 *        -> saga-replies (repartition, key transaction_id) ------------------------->  saga-ended-index]
 *                                                                                          |
 *              wallet.account-commands (key account_id) <-- commands --+-- events --> wallet.transfer-events
 * </pre>
 *
 * <p>The account events are re-keyed by transaction_id through the internal repartition topic
 * {@code <application.id>-saga-replies-repartition}, so the answers of a transfer reach the task
 * that holds its saga. That works because the repartition topic gets the partition count of
 * {@code wallet.account-events}, which must equal that of {@code wallet.transfer-requests} (the
 * {@code TopicProvisioner} creates every wallet topic with the same count). Every store, node and
 * internal topic name starts with {@code saga-}, so the topology can share a builder with others.
 */
public final class TransferSagaTopology {

    /** Name of the repartition step; the internal topic is {@code <application.id>-saga-replies-repartition}. */
    public static final String REPLIES_REPARTITION = "saga-replies";

    /** Name of the processor node that runs the saga steps. */
    public static final String STEPS_NAME = "saga-steps";

    private TransferSagaTopology() {
    }

    /** Adds the saga with {@link SagaSettings#defaults()} to {@code builder}. */
    public static void build(final StreamsBuilder builder) {
        build(builder, SagaSettings.defaults());
    }

    /** Adds the saga with {@code settings} to {@code builder}. */
    public static void build(final StreamsBuilder builder, final SagaSettings settings) {
        builder.addStateStore(SagaStores.transfers());
        builder.addStateStore(SagaStores.endedIndex());
        final SagaMetrics metrics = new SagaMetrics(settings.meterRegistry());
        final KStream<String, SpecificRecord> outputs = requests(builder)
                .merge(replies(builder), Named.as("saga-inputs"))
                .process(() -> new TransferSagaProcessor(settings, metrics), Named.as(STEPS_NAME),
                        SagaStores.TRANSFERS, SagaStores.ENDED);
        outputs.filter((accountId, value) -> value instanceof AccountCommand, Named.as("saga-commands-only"))
                .mapValues(value -> (AccountCommand) value, Named.as("saga-as-commands"))
                .to(Topics.ACCOUNT_COMMANDS.name(), Topics.ACCOUNT_COMMANDS.produced().withName("saga-commands-sink"));
        outputs.filter((transactionId, value) -> value instanceof TransferEvent, Named.as("saga-events-only"))
                .mapValues(value -> (TransferEvent) value, Named.as("saga-as-events"))
                .to(Topics.TRANSFER_EVENTS.name(), Topics.TRANSFER_EVENTS.produced().withName("saga-events-sink"));
    }

    private static KStream<String, SpecificRecord> requests(final StreamsBuilder builder) {
        return builder.stream(Topics.TRANSFER_REQUESTS.name(),
                        Topics.TRANSFER_REQUESTS.consumed().withName("saga-requests-source"))
                // A tombstone or an undecodable record (null after the deserialization handler) is no request.
                .filter((transactionId, request) -> request != null, Named.as("saga-requests-present"))
                .mapValues(TransferSagaTopology::asInput, Named.as("saga-requests-as-input"));
    }

    private static KStream<String, SpecificRecord> replies(final StreamsBuilder builder) {
        return builder.stream(Topics.ACCOUNT_EVENTS.name(),
                        Topics.ACCOUNT_EVENTS.consumed().withName("saga-account-events-source"))
                // OPEN answers belong to no transfer: dropped before they cost a repartition write.
                .filter((accountId, event) -> event != null && event.getStep() != CommandStep.OPEN,
                        Named.as("saga-transfer-steps-only"))
                .selectKey((accountId, event) -> event.getTransactionId(), Named.as("saga-key-by-transaction"))
                .repartition(Repartitioned.<String, AccountEvent>as(REPLIES_REPARTITION)
                        .withKeySerde(Topics.ACCOUNT_EVENTS.keySerde())
                        .withValueSerde(Topics.ACCOUNT_EVENTS.valueSerde()))
                .mapValues(TransferSagaTopology::asInput, Named.as("saga-replies-as-input"));
    }

    private static SpecificRecord asInput(final TransferRequest request) {
        return request;
    }

    private static SpecificRecord asInput(final AccountEvent reply) {
        return reply;
    }
}
