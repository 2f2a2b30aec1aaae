package dev.wallet.api.kafka;

import dev.wallet.schemas.topics.Topic;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Writes commands to Kafka without blocking an event-loop thread.
 *
 * <p>{@code KafkaProducer.send} can block up to {@code max.block.ms} (waiting for metadata when
 * the broker is unreachable, or for buffer space), so sends run on one dedicated thread with a
 * bounded queue; one thread appends far more records per second than the API can accept, and the
 * producer batches them ({@code linger.ms}). A full queue is answered at once as unavailable.
 *
 * <p>A send that waited in the queue longer than {@code max.block.ms} is cancelled before it reaches
 * the producer, so a request answered 503 because of a slow queue wrote nothing. Once a record was
 * handed to the producer the answer waits for the producer's own bound
 * ({@code delivery.timeout.ms}).
 */
public final class CommandPublisher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CommandPublisher.class);

    private static final int QUEUED = 0;
    private static final int SENDING = 1;
    private static final int CANCELLED = 2;

    private final Producer<String, byte[]> producer;
    private final ThreadPoolExecutor sender;
    private final Duration queueWaitMax;

    /**
     * @param producer     an idempotent {@code acks=all} producer of serialized values
     * @param sendQueueMax sends that may wait for the sending thread
     * @param queueWaitMax longest a send may wait in the queue before it is cancelled unsent
     */
    public CommandPublisher(final Producer<String, byte[]> producer, final int sendQueueMax,
                            final Duration queueWaitMax) {
        this.producer = producer;
        this.queueWaitMax = queueWaitMax;
        this.sender = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(sendQueueMax), runnable -> {
                    final Thread thread = new Thread(runnable, "wallet-api-kafka-send");
                    thread.setDaemon(true);
                    return thread;
                }, new ThreadPoolExecutor.AbortPolicy());
    }

    /** Sends {@code value} to {@code topic} under {@code key}; completes when Kafka answered. */
    public <V> Mono<PublishResult> publish(final Topic<String, V> topic, final String key, final V value) {
        final byte[] bytes = topic.valueSerde().serializer().serialize(topic.name(), value);
        final ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic.name(), key, bytes);
        final Sinks.One<PublishResult> result = Sinks.one();
        final AtomicInteger state = new AtomicInteger(QUEUED);
        try {
            sender.execute(() -> send(record, state, result));
        } catch (RejectedExecutionException e) {
            return Mono.just(new PublishResult.Unavailable("the Kafka send queue is full"));
        }
        return result.asMono()
                .timeout(queueWaitMax, Mono.defer(() -> cancelIfQueued(state, result)));
    }

    private void send(final ProducerRecord<String, byte[]> record, final AtomicInteger state,
                      final Sinks.One<PublishResult> result) {
        if (!state.compareAndSet(QUEUED, SENDING)) {
            return;
        }
        try {
            producer.send(record, (metadata, exception) -> complete(record, metadata, exception, result));
        } catch (RuntimeException e) {
            // max.block.ms elapsed waiting for metadata or buffer space: the record was not taken.
            log.warn("Kafka did not take the command for key {} on {}: {}", record.key(), record.topic(), e.toString());
            result.tryEmitValue(new PublishResult.Unavailable(e.getClass().getSimpleName() + ": " + e.getMessage()));
        }
    }

    private static void complete(final ProducerRecord<String, byte[]> record, final RecordMetadata metadata,
                                 final Exception exception, final Sinks.One<PublishResult> result) {
        if (exception == null) {
            result.tryEmitValue(new PublishResult.Acknowledged(metadata.partition(), metadata.offset()));
            return;
        }
        log.warn("Kafka did not acknowledge the command for key {} on {}: {}", record.key(), record.topic(),
                exception.toString());
        result.tryEmitValue(new PublishResult.Unavailable(exception.getClass().getSimpleName() + ": "
                + exception.getMessage()));
    }

    private static Mono<PublishResult> cancelIfQueued(final AtomicInteger state, final Sinks.One<PublishResult> result) {
        if (state.compareAndSet(QUEUED, CANCELLED)) {
            return Mono.just(new PublishResult.Unavailable("the Kafka send queue did not move in time"));
        }
        // Already handed to the producer: its delivery timeout bounds the rest of the wait.
        return result.asMono();
    }

    @Override
    public void close() {
        sender.shutdown();
        try {
            if (!sender.awaitTermination(5, TimeUnit.SECONDS)) {
                sender.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        producer.close(Duration.ofSeconds(5));
    }
}
