package dev.wallet.schemas.topics;

import dev.wallet.schemas.avro.AccountCommand;
import dev.wallet.schemas.avro.AccountEvent;
import dev.wallet.schemas.avro.TransferEvent;
import dev.wallet.schemas.avro.TransferRequest;
import dev.wallet.schemas.serde.AvroSerde;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.Serdes;

/**
 * The registry of the wallet's topics: the one place that names them and pairs them with serdes.
 *
 * <p>Keys are strings: a transaction_id (UUID text) or an account_id. Keying by account puts every
 * command of one account on one partition, in order, so a refund can never overtake the debit it
 * undoes.
 */
public final class Topics {

    /** Partitions of every topic unless configured otherwise; scaling is by partitions. */
    public static final int PARTITIONS_DEFAULT = 6;

    /** Retention of the request, command and outcome topics: kept a year for audit and replay. */
    public static final Duration RETENTION_LONG = Duration.ofDays(365);

    /** Client transfer requests from the command API to the saga. */
    public static final Topic<String, TransferRequest> TRANSFER_REQUESTS = new Topic<>(
            "wallet.transfer-requests", "transaction_id",
            Serdes.String(), AvroSerde.of(TransferRequest.class),
            PARTITIONS_DEFAULT, retainedFor(RETENTION_LONG));

    /** Open, debit, credit and refund commands to one account, from the saga and the command API. */
    public static final Topic<String, AccountCommand> ACCOUNT_COMMANDS = new Topic<>(
            "wallet.account-commands", "account_id",
            Serdes.String(), AvroSerde.of(AccountCommand.class),
            PARTITIONS_DEFAULT, retainedFor(RETENTION_LONG));

    /** The ledger: every outcome of every account command. The source of truth, kept forever. */
    public static final Topic<String, AccountEvent> ACCOUNT_EVENTS = new Topic<>(
            "wallet.account-events", "account_id",
            Serdes.String(), AvroSerde.of(AccountEvent.class),
            PARTITIONS_DEFAULT, Map.of(
                    TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE,
                    TopicConfig.RETENTION_MS_CONFIG, "-1",
                    TopicConfig.RETENTION_BYTES_CONFIG, "-1"));

    /**
     * How long the account processor's answers to the saga are kept: they are working messages, not
     * records (the ledger in {@link #ACCOUNT_EVENTS} is), so a week covers any outage of the saga.
     */
    public static final Duration RETENTION_REPLIES = Duration.ofDays(7);

    /**
     * The account processor's answers to the saga: the ledger event of every debit, credit and
     * refund step again, keyed by transaction_id and written in the same transaction as the ledger
     * event. Co-partitioned with {@link #TRANSFER_REQUESTS} (same key, same partition count), so an
     * answer reaches the saga task that holds its transfer without a re-keying hop. Opens answer no
     * saga and are not written here.
     */
    public static final Topic<String, AccountEvent> ACCOUNT_REPLIES = new Topic<>(
            "wallet.account-replies", "transaction_id",
            Serdes.String(), AvroSerde.of(AccountEvent.class),
            PARTITIONS_DEFAULT, retainedFor(RETENTION_REPLIES));

    /** Saga progress and outcome of every transfer. */
    public static final Topic<String, TransferEvent> TRANSFER_EVENTS = new Topic<>(
            "wallet.transfer-events", "transaction_id",
            Serdes.String(), AvroSerde.of(TransferEvent.class),
            PARTITIONS_DEFAULT, retainedFor(RETENTION_LONG));

    private Topics() {
    }

    /** Every topic of the wallet, in pipeline order. */
    public static List<Topic<?, ?>> all() {
        return List.of(TRANSFER_REQUESTS, ACCOUNT_COMMANDS, ACCOUNT_EVENTS, ACCOUNT_REPLIES, TRANSFER_EVENTS);
    }

    private static Map<String, String> retainedFor(final Duration retention) {
        return Map.of(
                TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE,
                TopicConfig.RETENTION_MS_CONFIG, Long.toString(retention.toMillis()));
    }
}
