package dev.wallet.api.perf;

import dev.wallet.schemas.avro.TransferAccepted;
import dev.wallet.schemas.avro.TransferCompleted;
import dev.wallet.schemas.avro.TransferDebited;
import dev.wallet.schemas.avro.TransferEvent;
import dev.wallet.schemas.avro.TransferPhase;
import dev.wallet.schemas.avro.TransferRequest;
import dev.wallet.schemas.kafka.ExactlyOnce;
import dev.wallet.schemas.topics.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A stand-in for the saga in API benchmarks: one thread reads {@code wallet.transfer-requests}
 * and, per request, writes the events the real saga writes for a successful transfer (accepted,
 * debited, completed) to {@code wallet.transfer-events}, in one Kafka transaction per poll with the
 * consumed offsets (exactly once, as the saga does). No balances: every transfer succeeds, so the
 * API's whole answer path runs at a rate the real write path on this machine could not reach.
 */
final class FakeSaga implements AutoCloseable {

    private final KafkaConsumer<String, TransferRequest> consumer;
    private final KafkaProducer<String, TransferEvent> producer;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile Throwable failure;

    private FakeSaga(final String bootstrap) {
        final Properties consumerProps = ExactlyOnce.readCommitted(bootstrap, "fake-saga");
        consumerProps.put("auto.offset.reset", "earliest");
        consumerProps.put("max.poll.records", 2_000);
        this.consumer = new KafkaConsumer<>(consumerProps, new StringDeserializer(),
                Topics.TRANSFER_REQUESTS.valueSerde().deserializer());
        final Properties producerProps = ExactlyOnce.producer(bootstrap);
        producerProps.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "fake-saga");
        producerProps.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        producerProps.put(ProducerConfig.BATCH_SIZE_CONFIG, 131_072);
        this.producer = new KafkaProducer<>(producerProps, new StringSerializer(),
                Topics.TRANSFER_EVENTS.valueSerde().serializer());
        this.thread = new Thread(this::run, "fake-saga");
        this.thread.setDaemon(true);
    }

    /** Starts answering requests on {@code bootstrap}. */
    static FakeSaga start(final String bootstrap) {
        final FakeSaga saga = new FakeSaga(bootstrap);
        saga.producer.initTransactions();
        saga.consumer.subscribe(List.of(Topics.TRANSFER_REQUESTS.name()));
        saga.thread.start();
        return saga;
    }

    /** What stopped the thread, or null while it runs. */
    Throwable failure() {
        return failure;
    }

    private void run() {
        try {
            while (running) {
                final ConsumerRecords<String, TransferRequest> records = consumer.poll(Duration.ofMillis(20));
                if (!records.isEmpty()) {
                    answer(records);
                }
            }
        } catch (WakeupException e) {
            // close(): the normal way out of poll.
        } catch (RuntimeException e) {
            failure = e;
        }
    }

    private void answer(final ConsumerRecords<String, TransferRequest> records) {
        producer.beginTransaction();
        final Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (final ConsumerRecord<String, TransferRequest> record : records) {
            final TransferRequest request = record.value();
            final long nowMs = System.currentTimeMillis();
            send(request, TransferPhase.ACCEPTED, nowMs,
                    new TransferAccepted(request.getRequestedAt(), request.getDeadline()));
            send(request, TransferPhase.DEBITED, nowMs, new TransferDebited(1L));
            send(request, TransferPhase.COMPLETED, nowMs, new TransferCompleted(1L, 1L));
            offsets.put(new TopicPartition(record.topic(), record.partition()),
                    new OffsetAndMetadata(record.offset() + 1));
        }
        producer.sendOffsetsToTransaction(offsets, consumer.groupMetadata());
        producer.commitTransaction();
    }

    private void send(final TransferRequest request, final TransferPhase phase, final long nowMs, final Object body) {
        final TransferEvent event = TransferEvent.newBuilder()
                .setTransactionId(request.getTransactionId())
                .setFromAccount(request.getFromAccount())
                .setToAccount(request.getToAccount())
                .setAmountMinor(request.getAmountMinor())
                .setCurrency(request.getCurrency())
                .setPhase(phase)
                .setOccurredAt(Instant.ofEpochMilli(nowMs))
                .setBody(body)
                .build();
        producer.send(new ProducerRecord<>(Topics.TRANSFER_EVENTS.name(), request.getTransactionId(), event));
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        consumer.wakeup();
        thread.join(10_000);
        consumer.close(Duration.ofSeconds(5));
        producer.close(Duration.ofSeconds(5));
    }
}
