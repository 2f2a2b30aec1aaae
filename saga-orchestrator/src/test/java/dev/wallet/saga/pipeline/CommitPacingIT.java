package dev.wallet.saga.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.wallet.account.topology.AccountProcessorSettings;
import dev.wallet.account.topology.AccountProcessorTopology;
import dev.wallet.saga.topology.SagaSettings;
import dev.wallet.saga.topology.TransferSagaTopology;
import dev.wallet.schemas.avro.AccountCommand;
import dev.wallet.schemas.avro.AccountEvent;
import dev.wallet.schemas.avro.AccountType;
import dev.wallet.schemas.avro.CommandStep;
import dev.wallet.schemas.avro.OpenAccount;
import dev.wallet.schemas.avro.TransferEvent;
import dev.wallet.schemas.avro.TransferFailed;
import dev.wallet.schemas.avro.TransferRequest;
import dev.wallet.schemas.kafka.CommitPacing;
import dev.wallet.schemas.kafka.ExactlyOnce;
import dev.wallet.schemas.topics.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * Commit pacing in both apps as real exactly-once clients on an embedded KRaft broker. Their backlog
 * interval ({@code commit.interval.ms}) is five minutes, far beyond any wait here, so whatever a
 * {@code read_committed} reader sees within it was committed early, after a fresh input; and an input
 * stamped ten minutes ago stays uncommitted until a fresh one asks for a commit. The fresh interval
 * is 2 s, longer than a hop takes here, so an input that comes within it after the app last asked
 * is owed a commit, which the app makes once the interval has passed. The tests share one broker and
 * one pair of apps; each waits until all it sent is committed, and uses its own ids.
 */
class CommitPacingIT {

    private static final int PARTITIONS = 1;
    /**
     * A record counts as backlog after 30 s, not the services' 1 s: a timestamp travels with the
     * transfer through every hop, and the first transfer through freshly started apps on a loaded
     * machine can take over a second; as backlog it would wait the 5-minute backlog interval. Ten
     * minutes old is backlog either way.
     */
    private static final CommitPacing PACING =
            new CommitPacing(Duration.ofSeconds(2), Duration.ofMinutes(5), Duration.ofSeconds(30));
    /** The transaction timeout must outlast the longest commit interval, or the client refuses to start. */
    private static final Map<String, String> BACKLOG_CLIENT_SETTINGS = backlogClientSettings();
    /** How long a backlog input is watched for not being committed; an early commit takes milliseconds. */
    private static final Duration NOT_COMMITTED_WATCH = Duration.ofSeconds(3);
    /** Bound of the wait for what an early commit makes visible: well inside the backlog interval. */
    private static final Duration EARLY_COMMIT_MAX = Duration.ofSeconds(60);

    @TempDir
    static Path stateDir;

    private static EmbeddedKafkaKraftBroker broker;
    private static KafkaProducer<String, byte[]> producer;
    private static RunningApp saga;
    private static RunningApp accounts;
    private static TopicReader reader;

    private static Map<String, String> backlogClientSettings() {
        final Map<String, String> settings = new HashMap<>();
        PACING.streamsSettings().forEach((key, value) -> settings.put(key, String.valueOf(value)));
        settings.put(StreamsConfig.producerPrefix(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG),
                String.valueOf(Duration.ofMinutes(6).toMillis()));
        return Map.copyOf(settings);
    }

    @BeforeAll
    static void startBrokerAndApps() throws InterruptedException {
        broker = PipelineBroker.start(PARTITIONS);
        final String bootstrap = broker.getBrokersAsString();
        final var producerProps = ExactlyOnce.producer(bootstrap);
        producerProps.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        producer = new KafkaProducer<>(producerProps);
        accounts = new RunningApp("pacing-account-processor", builder -> AccountProcessorTopology.build(builder,
                AccountProcessorSettings.defaults().withCommitPacing(PACING)), bootstrap, stateDir.resolve("accounts"),
                BACKLOG_CLIENT_SETTINGS);
        saga = new RunningApp("pacing-saga-orchestrator", builder -> TransferSagaTopology.build(builder,
                SagaSettings.defaults().withCommitPacing(PACING)), bootstrap, stateDir.resolve("saga"),
                BACKLOG_CLIENT_SETTINGS);
        accounts.start();
        saga.start();
        reader = new TopicReader(bootstrap);
    }

    @AfterAll
    static void stopEverything() {
        // Each step on its own, so one failing close does not leave a broker or client running.
        PipelineBroker.closeQuietly(reader);
        PipelineBroker.closeQuietly(saga);
        PipelineBroker.closeQuietly(accounts);
        PipelineBroker.closeQuietly(producer);
        if (broker != null) {
            broker.destroy();
        }
    }

    @Test
    void shouldCommitAFreshTransferThroughBothAppsWithinTheirIntervals() {
        sendRequest("alone-tx", System.currentTimeMillis());

        // Request -> saga -> debit -> processor -> answer -> saga: three early commits in a row. The
        // answer reaches the saga well within 2 s of its ask for the request, so the saga owes the
        // last commit and makes it when its interval has passed; it does not wait for another input
        // or for the 5-minute backlog interval.
        awaitTransferEvent("alone-tx", TransferFailed.class);
        assertThat(saga.failures()).isEmpty();
        assertThat(accounts.failures()).isEmpty();
    }

    @Test
    void shouldLeaveABacklogRequestUncommittedUntilAFreshOneAsksForACommit() {
        sendRequest("late-tx", tenMinutesAgo());

        assertThat(transferEventsAfter(NOT_COMMITTED_WATCH, "late-tx")).isEmpty();

        sendRequest("fresh-tx", System.currentTimeMillis());

        // The saga's commit for the fresh request carries the late one; only the fresh one's debit
        // asks the processor for an early commit, which carries the late one's debit too.
        awaitTransferEvent("fresh-tx", TransferFailed.class);
        awaitTransferEvent("late-tx", TransferFailed.class);
    }

    @Test
    void shouldLeaveABacklogCommandUncommittedUntilAFreshOneAsksForACommit() {
        sendOpen("late-account", tenMinutesAgo());

        assertThat(accountEventsAfter(NOT_COMMITTED_WATCH, "open-late-account")).isEmpty();

        sendOpen("fresh-account", System.currentTimeMillis());

        awaitAccountEvent("open-fresh-account");
        awaitAccountEvent("open-late-account");
    }

    private static long tenMinutesAgo() {
        return System.currentTimeMillis() - Duration.ofMinutes(10).toMillis();
    }

    /** A transfer between accounts never opened: the debit is declined and the transfer fails. */
    private static void sendRequest(final String transactionId, final long timestampMs) {
        final Instant now = Instant.now();
        final TransferRequest request = new TransferRequest(transactionId, "nobody-" + transactionId,
                "anybody-" + transactionId, 100L, "EUR", now, now.plus(Duration.ofMinutes(10)));
        producer.send(new ProducerRecord<>(Topics.TRANSFER_REQUESTS.name(), null, timestampMs, transactionId,
                Topics.TRANSFER_REQUESTS.valueSerde().serializer().serialize(Topics.TRANSFER_REQUESTS.name(), request)));
        producer.flush();
    }

    private static void sendOpen(final String accountId, final long timestampMs) {
        final AccountCommand open = new AccountCommand(accountId, "open-" + accountId, CommandStep.OPEN,
                Instant.now(), new OpenAccount(AccountType.USER, "EUR"));
        producer.send(new ProducerRecord<>(Topics.ACCOUNT_COMMANDS.name(), null, timestampMs, accountId,
                Topics.ACCOUNT_COMMANDS.valueSerde().serializer().serialize(Topics.ACCOUNT_COMMANDS.name(), open)));
        producer.flush();
    }

    private static List<TransferEvent> transferEventsAfter(final Duration watch, final String transactionId) {
        readFor(watch);
        return transferEvents(transactionId);
    }

    private static List<AccountEvent> accountEventsAfter(final Duration watch, final String transactionId) {
        readFor(watch);
        return reader.accountEvents().stream().filter(event -> event.getTransactionId().equals(transactionId))
                .toList();
    }

    private static void readFor(final Duration watch) {
        final long endMs = System.currentTimeMillis() + watch.toMillis();
        while (System.currentTimeMillis() < endMs) {
            reader.poll();
        }
    }

    private static void awaitTransferEvent(final String transactionId, final Class<?> bodyType) {
        await(transactionId + " " + bodyType.getSimpleName() + " committed").atMost(EARLY_COMMIT_MAX)
                .until(() -> {
                    reader.poll();
                    return transferEvents(transactionId).stream().anyMatch(event -> bodyType.isInstance(event.getBody()));
                });
    }

    private static void awaitAccountEvent(final String transactionId) {
        await(transactionId + " answer committed").atMost(EARLY_COMMIT_MAX)
                .until(() -> {
                    reader.poll();
                    return reader.accountEvents().stream()
                            .anyMatch(event -> event.getTransactionId().equals(transactionId));
                });
    }

    private static List<TransferEvent> transferEvents(final String transactionId) {
        return reader.transferEvents().stream().filter(event -> event.getTransactionId().equals(transactionId))
                .toList();
    }
}
