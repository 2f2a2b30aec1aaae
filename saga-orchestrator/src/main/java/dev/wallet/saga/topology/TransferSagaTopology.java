package dev.wallet.saga.topology;

import dev.wallet.saga.store.SagaStores;
import dev.wallet.schemas.avro.AccountCommand;
import dev.wallet.schemas.avro.AccountEvent;
import dev.wallet.schemas.avro.TransferEvent;
import dev.wallet.schemas.avro.TransferRequest;
import dev.wallet.schemas.kafka.CommitPacing;
import dev.wallet.schemas.topics.Topics;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;

/**
 * The transfer saga orchestrator: one saga per transaction_id, debit first, refund on a declined
 * credit (the steps are in {@link dev.wallet.saga.definition.TransferSagaDefinition}).
 *
 * <pre>
 *   wallet.transfer-requests (key transaction_id) --+
 *                                                   +--> saga-steps [saga-transfers, saga-ended-index]
 *   wallet.account-replies  (key transaction_id) --+              |
 *                                                                 |
 *      wallet.account-commands (key account_id) <-- commands --+--+-- events --> wallet.transfer-events
 * </pre>
 *
 * <p>The account processor writes its answer to each debit, credit and refund keyed by
 * transaction_id to {@code wallet.account-replies}, in the transaction that decides it, so the
 * answer reaches the task holding the saga directly: a transfer takes five exactly-once hops
 * (saga, processor, saga, processor, saga). That needs {@code wallet.account-replies} to have the
 * partition count of {@code wallet.transfer-requests} (the {@code TopicProvisioner} creates every
 * wallet topic with the same count; the service refuses to start otherwise). Every store and node
 * name starts with {@code saga-}, so the topology can share a builder with others.
 */
public final class TransferSagaTopology {

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
        final CommitPacing.Pacer pacer = settings.commitPacing().pacer(settings.meterRegistry());
        final KStream<String, SpecificRecord> outputs = requests(builder)
                .merge(replies(builder), Named.as("saga-inputs"))
                .process(() -> new TransferSagaProcessor(settings, metrics, pacer), Named.as(STEPS_NAME),
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
        return builder.stream(Topics.ACCOUNT_REPLIES.name(),
                        Topics.ACCOUNT_REPLIES.consumed().withName("saga-replies-source"))
                // A tombstone or an undecodable record (null after the deserialization handler) is no answer.
                .filter((transactionId, reply) -> reply != null, Named.as("saga-replies-present"))
                .mapValues(TransferSagaTopology::asInput, Named.as("saga-replies-as-input"));
    }

    private static SpecificRecord asInput(final TransferRequest request) {
        return request;
    }

    private static SpecificRecord asInput(final AccountEvent reply) {
        return reply;
    }
}
