package dev.wallet.benchmark.load;

import dev.wallet.schemas.avro.TransferEvent;
import dev.wallet.schemas.avro.TransferFailed;
import dev.wallet.schemas.avro.TransferPhase;
import dev.wallet.schemas.kafka.ExactlyOnce;
import dev.wallet.schemas.serde.AvroSerde;
import dev.wallet.schemas.topics.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Learns outcomes the way an auditor would: it follows every partition of
 * {@code wallet.transfer-events} ({@code read_committed}, from the end as of {@link #start()}, no
 * consumer group) and, for each transfer it was told to expect, takes the first event in a
 * terminal phase (COMPLETED or FAILED) as the outcome. Latency = when the outcome was polled −
 * when the request was due. The first ACCEPTED and DEBITED events of a transfer on the way split
 * that latency into {@link Stage}s. Events of other transfers are skipped undecoded.
 */
public final class OutcomeTracker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(OutcomeTracker.class);
    private static final Duration POLL_TIMEOUT = Duration.ofMillis(20);

    /**
     * Where one expected transfer has got to. The sending thread registers it; after that only the
     * tracker's thread reads and writes the stage fields.
     */
    static final class Progress {
        private final long dueNanos;
        private final StepStats step;
        private boolean accepted;
        private long acceptedNanos;
        private boolean debited;
        private long debitedNanos;

        Progress(final long dueNanos, final StepStats step) {
            this.dueNanos = dueNanos;
            this.step = step;
        }

        /**
         * The transfer's event in {@code phase} was seen at {@code nowNanos}: records the stage it
         * ends, if it ends one for the first time. True when the phase is terminal (the outcome).
         */
        boolean onPhase(final TransferPhase phase, final long nowNanos) {
            switch (phase) {
                case ACCEPTED -> {
                    if (!accepted) {
                        accepted = true;
                        acceptedNanos = nowNanos;
                        step.onStage(Stage.REQUEST_TO_ACCEPTED, nowNanos - dueNanos);
                    }
                    return false;
                }
                case DEBITED -> {
                    if (!debited) {
                        debited = true;
                        debitedNanos = nowNanos;
                        if (accepted) {
                            step.onStage(Stage.ACCEPTED_TO_DEBITED, nowNanos - acceptedNanos);
                        }
                    }
                    return false;
                }
                case COMPLETED -> {
                    if (debited) {
                        step.onStage(Stage.DEBITED_TO_COMPLETED, nowNanos - debitedNanos);
                    }
                    return true;
                }
                case FAILED -> {
                    return true;
                }
                default -> {
                    return false;
                }
            }
        }
    }

    private final KafkaConsumer<String, byte[]> consumer;
    private final AvroSerde<TransferEvent> serde = AvroSerde.of(TransferEvent.class);
    private final Map<String, Progress> expected = new ConcurrentHashMap<>();
    private final LongAdder outcomes = new LongAdder();
    private final Recorder recentLatencyMicros = StepStats.latencyRecorder();
    private final LongAdder undecodable = new LongAdder();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;

    public OutcomeTracker(final String bootstrapServers) {
        final Properties props = ExactlyOnce.readCommitted(bootstrapServers, "unused");
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 10_000);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "wallet-benchmark-outcomes");
        this.consumer = new KafkaConsumer<>(props);
        this.thread = new Thread(this::pollLoop, "benchmark-outcomes");
        this.thread.setDaemon(true);
    }

    /** Positions at the end of every partition, then follows them on its own thread. */
    public void start() {
        final String topic = Topics.TRANSFER_EVENTS.name();
        final List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                .map(p -> new TopicPartition(topic, p.partition()))
                .toList();
        if (partitions.isEmpty()) {
            throw new IllegalStateException("topic " + topic + " has no partitions; is the wallet running?");
        }
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        // Resolve the positions now, so every transfer expected from here on is seen.
        partitions.forEach(consumer::position);
        thread.start();
    }

    /** Registers a transfer before it is sent. */
    public void expect(final String transactionId, final long dueNanos, final StepStats step) {
        expected.put(transactionId, new Progress(dueNanos, step));
    }

    /** Forgets a transfer whose send failed; false if its outcome had already arrived. */
    public boolean forget(final String transactionId) {
        return expected.remove(transactionId) != null;
    }

    /**
     * The latencies (µs, request to outcome) of the outcomes seen since the last call, over all steps;
     * the sampler asks every second, so a stall shows as the seconds it slowed.
     */
    public Histogram latenciesSinceLastCall() {
        return recentLatencyMicros.getIntervalHistogram();
    }

    /** Outcomes seen so far, over all steps; the sampler turns it into outcomes per second. */
    public long outcomes() {
        return outcomes.sum();
    }

    /** Records on the events topic that did not decode (logged with their coordinates). */
    public long undecodable() {
        return undecodable.sum();
    }

    /** Waits until the step has nothing in flight or {@code timeout} passed; true if drained. */
    public boolean awaitDrained(final StepStats step, final Duration timeout) throws InterruptedException {
        final long deadline = System.nanoTime() + timeout.toNanos();
        while (step.inFlight() > 0) {
            if (System.nanoTime() > deadline || !thread.isAlive()) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }

    private void pollLoop() {
        try {
            while (running.get()) {
                for (final ConsumerRecord<String, byte[]> record : consumer.poll(POLL_TIMEOUT)) {
                    final Progress waiting = record.key() == null ? null : expected.get(record.key());
                    if (waiting != null) {
                        onEventOfExpected(record, waiting, System.nanoTime());
                    }
                }
            }
        } catch (org.apache.kafka.common.errors.WakeupException e) {
            // close() asked us to stop.
        } catch (RuntimeException e) {
            log.error("The outcome consumer stopped; outcomes after this are not seen", e);
        }
    }

    private void onEventOfExpected(final ConsumerRecord<String, byte[]> record, final Progress waiting,
                                   final long nowNanos) {
        final TransferEvent event;
        try {
            event = serde.decode(record.value());
        } catch (RuntimeException e) {
            undecodable.increment();
            log.warn("Skipped an undecodable transfer event at {}-{} offset {}: {}",
                    record.topic(), record.partition(), record.offset(), e.getMessage());
            return;
        }
        final TransferPhase phase = event.getPhase();
        if (!waiting.onPhase(phase, nowNanos) || expected.remove(record.key()) == null) {
            return;
        }
        final String reason = event.getBody() instanceof TransferFailed failed ? failed.getReason().name() : "FAILED";
        final long latencyNanos = nowNanos - waiting.dueNanos;
        waiting.step.onOutcome(phase == TransferPhase.COMPLETED, reason, latencyNanos, nowNanos);
        recentLatencyMicros.recordValue(StepStats.micros(latencyNanos));
        outcomes.increment();
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        consumer.wakeup();
        thread.join(10_000);
        if (!thread.isAlive()) {
            consumer.close(Duration.ofSeconds(5));
        }
    }
}
