package dev.wallet.ops.processor;

import dev.wallet.account.store.AccountStores;
import dev.wallet.account.store.avro.StoredAccount;
import dev.wallet.ops.audit.Findings;
import dev.wallet.ops.audit.Violation.Rule;
import dev.wallet.schemas.serde.AvroSerde;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The account processor's {@code account-balances} store as its changelog holds it: the last
 * record of each key wins, a tombstone removes the key. Records are decoded with the processor's
 * own stored form ({@link StoredAccount}); an undecodable one is skipped, logged and counted.
 */
public final class ProcessorState {

    private static final Logger LOG = LoggerFactory.getLogger(ProcessorState.class);

    private final Deserializer<StoredAccount> deserializer = AvroSerde.of(StoredAccount.class).deserializer();
    private final Map<String, StoredAccount> accounts = new HashMap<>();
    private final Map<String, Integer> partitions = new HashMap<>();
    private final Findings findings;
    private long records;

    public ProcessorState(final Findings findings) {
        this.findings = findings;
    }

    /** The changelog topic of the accounts store of the Streams app {@code applicationId}. */
    public static String changelogTopic(final String applicationId) {
        return applicationId + "-" + AccountStores.ACCOUNTS + "-changelog";
    }

    /** Applies one poll of changelog records. */
    public void accept(final ConsumerRecords<byte[], byte[]> polled) {
        for (final ConsumerRecord<byte[], byte[]> record : polled) {
            records++;
            if (record.key() == null) {
                continue;
            }
            final String accountId = new String(record.key(), StandardCharsets.UTF_8);
            partitions.put(accountId, record.partition());
            if (record.value() == null) {
                accounts.remove(accountId);
                continue;
            }
            try {
                accounts.put(accountId, deserializer.deserialize(record.topic(), record.value()));
            } catch (SerializationException e) {
                final String where = record.topic() + "-" + record.partition() + "@" + record.offset();
                LOG.warn("Skipped an undecodable changelog record at {}: {}", where, e.getMessage());
                findings.add(Rule.UNDECODABLE_RECORD, "account " + accountId, where, e.getMessage());
            }
        }
    }

    /** The stored account of every key, as the processor would restore it. */
    public Map<String, StoredAccount> accounts() {
        return accounts;
    }

    /** The changelog partition each key was last written to. */
    public Map<String, Integer> partitions() {
        return partitions;
    }

    public long records() {
        return records;
    }
}
