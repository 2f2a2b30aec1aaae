package dev.wallet.benchmark.load;

import dev.wallet.benchmark.workload.PlannedTransfer;
import dev.wallet.schemas.avro.TransferRequest;
import dev.wallet.schemas.kafka.ExactlyOnce;
import dev.wallet.schemas.serde.AvroSerde;
import dev.wallet.schemas.topics.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Pipeline mode: writes {@link TransferRequest} records straight onto
 * {@code wallet.transfer-requests}, keyed by transaction id, exactly as the command API does
 * (idempotent producer, {@code acks=all}; {@code requested_at} now, {@code deadline} now + the
 * request expiry), so the saga, the account processors and the read side see the same records.
 */
public final class PipelineTransferSender implements TransferSender {

    private final KafkaProducer<String, byte[]> producer;
    private final AvroSerde<TransferRequest> serde = AvroSerde.of(TransferRequest.class);
    private final OutcomeTracker tracker;
    private final Duration requestExpiry;

    /**
     * @param lingerMs       producer batching delay
     * @param batchSizeBytes producer batch size
     * @param requestExpiry  deadline − requested_at of every request (the API's default is 30 s)
     */
    public PipelineTransferSender(final String bootstrapServers, final OutcomeTracker tracker, final int lingerMs,
                                  final int batchSizeBytes, final Duration requestExpiry) {
        final Properties props = ExactlyOnce.producer(bootstrapServers);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        props.put(ProducerConfig.LINGER_MS_CONFIG, lingerMs);
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, batchSizeBytes);
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "wallet-benchmark-requests");
        this.producer = new KafkaProducer<>(props);
        this.tracker = tracker;
        this.requestExpiry = requestExpiry;
    }

    @Override
    public String mode() {
        return "pipeline";
    }

    @Override
    public void send(final PlannedTransfer transfer, final long dueNanos, final StepStats step) {
        final Instant now = Instant.now();
        final TransferRequest request = TransferRequest.newBuilder()
                .setTransactionId(transfer.transactionId())
                .setFromAccount(transfer.fromAccount())
                .setToAccount(transfer.toAccount())
                .setAmountMinor(transfer.amountMinor())
                .setCurrency(transfer.currency())
                .setRequestedAt(now)
                .setDeadline(now.plus(requestExpiry))
                .build();
        tracker.expect(transfer.transactionId(), dueNanos, step);
        step.onSent(dueNanos);
        producer.send(new ProducerRecord<>(Topics.TRANSFER_REQUESTS.name(), transfer.transactionId(),
                serde.encode(request)), (metadata, error) -> {
                    if (error == null) {
                        return;
                    }
                    final String kind = "kafka_" + error.getClass().getSimpleName();
                    if (tracker.forget(transfer.transactionId())) {
                        step.onSendFailed(kind);
                    } else {
                        step.onAnswer(kind);
                    }
                });
    }

    @Override
    public void flush() {
        producer.flush();
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(10));
    }
}
