package dev.wallet.saga.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.wallet.account.topology.AccountProcessorTopology;
import dev.wallet.saga.topology.TransferSagaTopology;
import dev.wallet.schemas.avro.AccountCommand;
import dev.wallet.schemas.avro.AccountType;
import dev.wallet.schemas.avro.CommandStep;
import dev.wallet.schemas.avro.OpenAccount;
import dev.wallet.schemas.avro.TransferDuplicate;
import dev.wallet.schemas.avro.TransferDuplicateConflict;
import dev.wallet.schemas.avro.TransferEvent;
import dev.wallet.schemas.avro.TransferRequest;
import dev.wallet.schemas.kafka.ExactlyOnce;
import dev.wallet.schemas.topics.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * Both apps, the saga orchestrator and the account processor, as two exactly_once_v2 KafkaStreams
 * clients on an embedded KRaft broker. A few thousand transfers go in; halfway the processor is
 * closed, more requests arrive, the orchestrator is closed too, and both restart on their kept
 * state. Afterwards what a read_committed consumer sees must satisfy every invariant, with every
 * transfer ended exactly once and nothing lost.
 */
class TransferPipelineIT {

    private static final int PARTITIONS = 3;
    private static final int USERS_EUR = 40;
    private static final int USERS_USD = 10;
    private static final long FUNDING_MINOR = 100_000;
    private static final int TRANSFERS_PER_HALF = 1_500;
    /** How many transfers must have ended before the apps are stopped, so the restart hits live sagas. */
    private static final int ENDED_BEFORE_RESTART = 300;
    private static final Duration SETTLE_TIMEOUT = Duration.ofSeconds(120);

    private final Random random = new Random(20261122L);
    private final List<TransferRequest> sent = new ArrayList<>();
    private EmbeddedKafkaKraftBroker broker;
    private KafkaProducer<String, byte[]> producer;
    private RunningApp saga;
    private RunningApp accounts;
    private TopicReader reader;

    @BeforeEach
    void startBrokerAndApps(@TempDir final Path stateDir) throws InterruptedException {
        broker = PipelineBroker.start(PARTITIONS);
        final String bootstrap = broker.getBrokersAsString();
        final var producerProps = ExactlyOnce.producer(bootstrap);
        producerProps.put("value.serializer", org.apache.kafka.common.serialization.ByteArraySerializer.class.getName());
        producer = new KafkaProducer<>(producerProps);
        accounts = new RunningApp("wallet-account-processor", AccountProcessorTopology::build, bootstrap,
                stateDir.resolve("accounts"));
        saga = new RunningApp("wallet-saga-orchestrator", TransferSagaTopology::build, bootstrap,
                stateDir.resolve("saga"));
        accounts.start();
        saga.start();
        reader = new TopicReader(bootstrap);
    }

    @AfterEach
    void stopEverything() {
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
    void shouldEndEveryTransferExactlyOnceAcrossRestartsOfBothApps() {
        openAccounts();
        fundUsers();
        sendTransfers(TRANSFERS_PER_HALF);
        awaitEnded(ENDED_BEFORE_RESTART);

        accounts.stop();
        sendTransfers(TRANSFERS_PER_HALF);
        saga.stop();
        accounts.start();
        saga.start();

        final Set<String> transactionIds = transactionIds();
        awaitEnded(transactionIds.size());
        await("ledger read to its end").atMost(SETTLE_TIMEOUT).until(() -> reader.poll() >= 0 && reader.caughtUp());

        assertThat(saga.failures()).isEmpty();
        assertThat(accounts.failures()).isEmpty();
        final Ledger ledger = new Ledger(reader.accountEvents());
        final List<TransferEvent> events = reader.transferEvents();
        PipelineInvariants.check(transactionIds, ledger, events);
        final ReferenceModel model = ReferenceModel.of(events);
        ledger.reportedBalances().forEach((account, balance) ->
                assertThat(balance).as("balance of %s", account).isEqualTo(model.balanceOf(account)));
        assertThat(count(events, TransferDuplicate.class) + count(events, TransferDuplicateConflict.class))
                .as("answers to repeated transaction ids").isEqualTo(sent.size() - transactionIds.size());
    }

    // --- workload -------------------------------------------------------------------------------

    private void openAccounts() {
        open("funding-EUR", AccountType.SYSTEM, "EUR");
        open("funding-USD", AccountType.SYSTEM, "USD");
        for (int i = 0; i < USERS_EUR + USERS_USD; i++) {
            open(user(i), AccountType.USER, currencyOf(i));
        }
        producer.flush();
    }

    private void fundUsers() {
        for (int i = 0; i < USERS_EUR + USERS_USD; i++) {
            send(request(UUID.randomUUID().toString(), "funding-" + currencyOf(i), user(i), FUNDING_MINOR,
                    currencyOf(i), deadlineLater()));
        }
    }

    /**
     * Mostly transfers between users (so overdrafts happen), some to unknown accounts, across
     * currencies, already expired, payouts to funding, and repeats of earlier ids with the same or
     * another payload.
     */
    private void sendTransfers(final int count) {
        for (int i = 0; i < count; i++) {
            final int dice = random.nextInt(100);
            if (dice < 4 && !sent.isEmpty()) {
                send(sent.get(random.nextInt(sent.size())));
            } else if (dice < 6 && !sent.isEmpty()) {
                final TransferRequest original = sent.get(random.nextInt(sent.size()));
                send(request(original.getTransactionId(), original.getFromAccount(), original.getToAccount(),
                        original.getAmountMinor() + 1, original.getCurrency(), deadlineLater()));
            } else {
                send(newTransfer(dice));
            }
        }
        producer.flush();
    }

    private TransferRequest newTransfer(final int dice) {
        final int from = random.nextInt(USERS_EUR + USERS_USD);
        final int to = random.nextInt(USERS_EUR + USERS_USD);
        final long amount = 1 + random.nextInt(60_000);
        final String tx = UUID.randomUUID().toString();
        if (dice < 9) {
            return request(tx, user(from), "ghost-" + to, amount, currencyOf(from), deadlineLater());
        }
        if (dice < 11) {
            return request(tx, user(from), user(to), amount, currencyOf(from), Instant.now().minusSeconds(1));
        }
        if (dice < 14) {
            return request(tx, user(from), "funding-" + currencyOf(from), amount, currencyOf(from), deadlineLater());
        }
        return request(tx, user(from), user(to), amount, currencyOf(from), deadlineLater());
    }

    private void open(final String accountId, final AccountType type, final String currency) {
        final AccountCommand open = new AccountCommand(accountId, "open-" + accountId, CommandStep.OPEN,
                Instant.now(), new OpenAccount(type, currency));
        producer.send(new ProducerRecord<>(Topics.ACCOUNT_COMMANDS.name(), accountId,
                Topics.ACCOUNT_COMMANDS.valueSerde().serializer().serialize(Topics.ACCOUNT_COMMANDS.name(), open)));
    }

    private void send(final TransferRequest request) {
        sent.add(request);
        producer.send(new ProducerRecord<>(Topics.TRANSFER_REQUESTS.name(), request.getTransactionId(),
                Topics.TRANSFER_REQUESTS.valueSerde().serializer().serialize(Topics.TRANSFER_REQUESTS.name(), request)));
    }

    private static TransferRequest request(final String tx, final String from, final String to, final long amountMinor,
                                           final String currency, final Instant deadline) {
        return new TransferRequest(tx, from, to, amountMinor, currency, Instant.now(), deadline);
    }

    private static Instant deadlineLater() {
        return Instant.now().plus(Duration.ofMinutes(10));
    }

    private static String user(final int index) {
        return "user-" + index;
    }

    private static String currencyOf(final int userIndex) {
        return userIndex < USERS_EUR ? "EUR" : "USD";
    }

    // --- observation ----------------------------------------------------------------------------

    private void awaitEnded(final int transfers) {
        await(transfers + " transfers ended").atMost(SETTLE_TIMEOUT).pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    reader.poll();
                    return PipelineInvariants.terminalEvents(reader.transferEvents()).size() >= transfers
                            || !saga.failures().isEmpty() || !accounts.failures().isEmpty();
                });
    }

    private Set<String> transactionIds() {
        final Set<String> ids = new HashSet<>();
        sent.forEach(request -> ids.add(request.getTransactionId()));
        return ids;
    }

    private static long count(final List<TransferEvent> events, final Class<?> type) {
        return events.stream().filter(event -> type.isInstance(event.getBody())).count();
    }
}
