package dev.wallet.ops.ledger;

import dev.wallet.ops.audit.Findings;
import dev.wallet.ops.kafka.SnapshotReader;
import dev.wallet.ops.kafka.TopicSnapshot;
import dev.wallet.ops.progress.ReplayProgress;
import dev.wallet.query.projection.LedgerRow;
import dev.wallet.schemas.topics.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.Utils;

/**
 * An account's balance at an instant or after a sequence, straight from the ledger topic. The
 * ledger is keyed by account_id with Kafka's default partitioner, so only the account's partition
 * is read; the account's events are folded with the audit's checks, and any broken rule on the way
 * is reported beside the answer.
 */
public final class BalanceAsOf {

    /**
     * The answer: the entry at or before the point asked; {@code entry} null when the account had
     * no entry by then (balance 0).
     */
    public record Answer(String accountId, String currency, LedgerRow entry, long entriesRead, Findings findings) {

        public long balanceMinor() {
            return entry == null ? 0 : entry.balanceAfterMinor();
        }

        public long sequence() {
            return entry == null ? 0 : entry.sequence();
        }
    }

    private final String bootstrapServers;
    private final BiFunction<String, Long, ReplayProgress> progress;

    public BalanceAsOf(final String bootstrapServers, final BiFunction<String, Long, ReplayProgress> progress) {
        this.bootstrapServers = bootstrapServers;
        this.progress = progress;
    }

    /** The balance after the newest entry that occurred at or before {@code at}; null when the account is unknown. */
    public Answer at(final String accountId, final Instant at) {
        return answer(read(accountId), row -> row.occurredAtMs() <= at.toEpochMilli());
    }

    /** The balance after the entry with {@code sequence} (or the newest below it); null when the account is unknown. */
    public Answer atSequence(final String accountId, final long sequence) {
        return answer(read(accountId), row -> row.sequence() <= sequence);
    }

    /** The account's folded history (null when unknown) and what the fold found on the way. */
    private record Read(AccountHistory history, Findings findings) {
    }

    private static Answer answer(final Read read, final Predicate<LedgerRow> byThen) {
        final AccountHistory history = read.history();
        if (history == null) {
            return null;
        }
        // Entries are in sequence order; occurred_at follows it, since one task applies an account's commands in order.
        final LedgerRow entry = history.entries().stream().filter(byThen).reduce((first, second) -> second)
                .orElse(null);
        return new Answer(history.accountId(), history.currency(), entry, history.entries().size(), read.findings());
    }

    private Read read(final String accountId) {
        final Findings findings = new Findings();
        final byte[] key = accountId.getBytes(StandardCharsets.UTF_8);
        final TopicSnapshot all = TopicSnapshot.capture(bootstrapServers, Topics.ACCOUNT_EVENTS.name());
        if (all.ends().isEmpty()) {
            throw new IllegalStateException("Topic " + Topics.ACCOUNT_EVENTS.name() + " does not exist.");
        }
        final TopicPartition partition = new TopicPartition(Topics.ACCOUNT_EVENTS.name(),
                Utils.toPositive(Utils.murmur2(key)) % all.ends().size());
        final TopicSnapshot one = new TopicSnapshot(all.topic(), Map.of(partition, all.ends().get(partition)));
        final LedgerFold fold = new LedgerFold(findings);
        try (ReplayProgress replay = progress.apply(partition.toString(), one.records())) {
            new SnapshotReader(bootstrapServers).read(List.of(one), Map.of(), replay, records -> {
                for (final ConsumerRecord<byte[], byte[]> record : records) {
                    if (Arrays.equals(key, record.key())) {
                        fold.accept(record);
                    }
                }
            });
        }
        return new Read(fold.accounts().get(accountId), findings);
    }

}
