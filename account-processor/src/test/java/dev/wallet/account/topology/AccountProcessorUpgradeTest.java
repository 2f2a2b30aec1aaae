package dev.wallet.account.topology;

import static dev.wallet.account.topology.Commands.credit;
import static dev.wallet.account.topology.Commands.debit;
import static dev.wallet.account.topology.Commands.open;
import static dev.wallet.account.topology.Commands.refund;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.wallet.account.store.AccountStores;
import dev.wallet.account.store.AppliedStepsStore;
import dev.wallet.schemas.avro.AccountDebited;
import dev.wallet.schemas.avro.AccountEvent;
import dev.wallet.schemas.avro.AccountRefunded;
import dev.wallet.schemas.avro.AccountType;
import dev.wallet.schemas.kafka.ExactlyOnce;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.state.internals.WindowKeySchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The upgrade to bucketed applied steps in a real Kafka Streams client with {@code exactly_once_v2}
 * on an embedded KRaft broker: a debit that an earlier version saved (an exact stamp, in the
 * changelog of {@link AccountStores#APPLIED_STEPS_V1}) is restored from that changelog into empty
 * local state and still answered as a repeat, and its refund still finds it.
 */
class AccountProcessorUpgradeTest {

    private static final String APPLICATION_ID = "account-processor-upgrade-test";
    private static final int PARTITIONS = 2;

    @RegisterExtension
    static final LedgerOnBroker kafka = new LedgerOnBroker(PARTITIONS);

    @TempDir
    Path stateDir;

    @Test
    void shouldFindDebitSavedByAnEarlierVersionAfterRestoringFromTheChangelogs() {
        kafka.startLedger(APPLICATION_ID, stateDir, false);
        kafka.send(List.of(open("alice", "open-alice", AccountType.USER, "USD"),
                credit("alice", "fund-alice", 1_000, "USD"), debit("alice", "tx-1", 400, "USD")));
        assertThat(kafka.awaitEvents(3)).hasSize(3);
        kafka.stopLedger();
        assertThat(changelog(AccountStores.APPLIED_STEPS_V1)).as("records this version wrote to the old store")
                .isEmpty();

        saveAsEarlierVersion("alice", "tx-1");
        kafka.startLedger(APPLICATION_ID, stateDir, true);
        kafka.send(List.of(debit("alice", "tx-1", 400, "USD"), refund("alice", "tx-1", 400, "USD")));
        final List<AccountEvent> events = kafka.awaitEvents(5);

        assertThat(kafka.streamFailure()).isNull();
        assertThat(events).hasSize(5);
        final AccountEvent repeat = events.get(3);
        assertThat(repeat.getRepeated()).isTrue();
        assertThat(repeat.getBody()).isEqualTo(new AccountDebited(400L));
        assertThat(repeat.getSequence()).isEqualTo(events.get(2).getSequence());
        assertThat(repeat.getBalanceAfterMinor()).isEqualTo(600);
        final AccountEvent refunded = events.get(4);
        assertThat(refunded.getBody()).isEqualTo(new AccountRefunded(400L));
        assertThat(refunded.getBalanceAfterMinor()).isEqualTo(1_000);
    }

    /**
     * Rewrites the changelogs as an earlier version would have left them: the entry of
     * {@code transactionId} on {@code accountId} leaves the bucketed store's changelog (a tombstone)
     * and appears in the old store's, stamped with the exact time now.
     */
    private static void saveAsEarlierVersion(final String accountId, final String transactionId) {
        final byte[] key = AppliedStepsStore.key(accountId, transactionId).getBytes(StandardCharsets.UTF_8);
        final ConsumerRecord<byte[], byte[]> saved = changelog(AccountStores.APPLIED_STEPS).stream()
                .filter(record -> isWindowKeyOf(record.key(), key))
                .reduce((first, second) -> second)
                .orElseThrow();
        assertThat(saved.value()).isNotNull();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(ExactlyOnce.producer(kafka.bootstrapServers()),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(changelogTopic(AccountStores.APPLIED_STEPS), saved.partition(),
                    saved.key(), null));
            producer.send(new ProducerRecord<>(changelogTopic(AccountStores.APPLIED_STEPS_V1), saved.partition(),
                    WindowKeySchema.toStoreKeyBinary(Bytes.wrap(key), System.currentTimeMillis(), 0).get(),
                    saved.value()));
            producer.flush();
        }
    }

    /** Whether {@code windowKey} is a window store's key of {@code key}: the key, an 8-byte stamp, a 4-byte sequence. */
    private static boolean isWindowKeyOf(final byte[] windowKey, final byte[] key) {
        return windowKey.length == key.length + Long.BYTES + Integer.BYTES
                && Arrays.equals(windowKey, 0, key.length, key, 0, key.length);
    }

    private static String changelogTopic(final String store) {
        return APPLICATION_ID + "-" + store + "-changelog";
    }

    /** Every committed record of the changelog of {@code store}, from the beginning. */
    private static List<ConsumerRecord<byte[], byte[]>> changelog(final String store) {
        final List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(
                ExactlyOnce.readCommitted(kafka.bootstrapServers(), "unused"), new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            final List<TopicPartition> partitions = new ArrayList<>();
            for (final PartitionInfo info : consumer.partitionsFor(changelogTopic(store))) {
                partitions.add(new TopicPartition(info.topic(), info.partition()));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            final Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            await().atMost(LedgerOnBroker.WAIT_MAX).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return partitions.stream().allMatch(partition -> consumer.position(partition) >= ends.get(partition));
            });
        }
        return records;
    }
}
