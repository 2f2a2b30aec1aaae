package dev.wallet.e2e.check;

import dev.wallet.schemas.avro.AccountEvent;
import dev.wallet.schemas.kafka.ExactlyOnce;
import dev.wallet.schemas.topics.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * The write side's truth, rebuilt as an operator would: every event of {@code wallet.account-events}
 * from the beginning, folded into each account's last sequence and balance. Gaps and repeats of
 * sequence numbers are collected as violations.
 */
public final class LedgerFold {

    /** Bound on reading the whole topic. */
    public static final Duration READ_TIMEOUT = Duration.ofMinutes(2);

    /** One account's state as the ledger says. */
    public record Position(long sequence, long balanceMinor, String currency) {
    }

    private final Map<String, Position> accounts = new HashMap<>();
    private final List<String> violations = new ArrayList<>();
    private long events;

    private LedgerFold() {
    }

    /** Reads the ledger topic to its current end and folds it. */
    public static LedgerFold read(final String bootstrapServers) {
        final LedgerFold fold = new LedgerFold();
        final Properties props = ExactlyOnce.readCommitted(bootstrapServers, "e2e-fold-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, AccountEvent> consumer = new KafkaConsumer<>(props,
                Topics.ACCOUNT_EVENTS.keySerde().deserializer(), Topics.ACCOUNT_EVENTS.valueSerde().deserializer())) {
            final List<TopicPartition> partitions = consumer.partitionsFor(Topics.ACCOUNT_EVENTS.name()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            final Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            final long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
            while (!reachedEnd(consumer, end)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("ledger not read to its end within " + READ_TIMEOUT);
                }
                for (final ConsumerRecord<String, AccountEvent> record : consumer.poll(Duration.ofMillis(200))) {
                    fold.apply(record.value());
                }
            }
        }
        return fold;
    }

    private static boolean reachedEnd(final KafkaConsumer<?, ?> consumer, final Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }

    private void apply(final AccountEvent event) {
        events++;
        if (event.getSequence() == 0 || event.getRepeated()) {
            return;
        }
        final Position before = accounts.get(event.getAccountId());
        final long expected = before == null ? 1 : before.sequence() + 1;
        if (event.getSequence() != expected) {
            violations.add(event.getAccountId() + ": sequence " + event.getSequence() + " where " + expected
                    + " was due");
        }
        accounts.put(event.getAccountId(),
                new Position(event.getSequence(), event.getBalanceAfterMinor(), event.getCurrency()));
    }

    public Map<String, Position> accounts() {
        return accounts;
    }

    public List<String> violations() {
        return violations;
    }

    public long events() {
        return events;
    }
}
