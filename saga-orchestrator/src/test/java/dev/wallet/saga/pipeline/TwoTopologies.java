package dev.wallet.saga.pipeline;

import dev.wallet.account.topology.AccountProcessorTopology;
import dev.wallet.saga.topology.TransferSagaTopology;
import dev.wallet.schemas.avro.AccountCommand;
import dev.wallet.schemas.avro.AccountEvent;
import dev.wallet.schemas.avro.TransferEvent;
import dev.wallet.schemas.avro.TransferRequest;
import dev.wallet.schemas.kafka.ExactlyOnce;
import dev.wallet.schemas.topics.Topic;
import dev.wallet.schemas.topics.Topics;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.TreeMap;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;

/**
 * The saga and the account processor, each in its own TopologyTestDriver, wired by copying records
 * between them the way Kafka would deliver them: commands and events stay in order per account
 * (one partition per account), but which account's next record, which client action, or which
 * saga answer comes next is chosen at random. That is how the interleavings of a real deployment
 * with many partitions look.
 */
final class TwoTopologies implements AutoCloseable {

    /** A bound on delivery steps, so a saga that loops forever fails the test instead of hanging it. */
    private static final int STEPS_MAX = 1_000_000;

    private final TopologyTestDriver saga;
    private final TopologyTestDriver accounts;
    private final TestInputTopic<String, TransferRequest> sagaRequests;
    private final TestInputTopic<String, AccountEvent> sagaReplies;
    private final TestOutputTopic<String, AccountCommand> sagaCommands;
    private final TestOutputTopic<String, TransferEvent> sagaEvents;
    private final TestInputTopic<String, AccountCommand> accountCommands;
    private final TestOutputTopic<String, AccountEvent> accountEvents;
    private final TestOutputTopic<String, AccountEvent> accountReplies;

    private final Map<String, Deque<AccountCommand>> commandsInFlight = new TreeMap<>();
    private final Map<String, Deque<AccountEvent>> repliesInFlight = new TreeMap<>();
    private final List<AccountEvent> ledger = new ArrayList<>();
    private final List<TransferEvent> transferEvents = new ArrayList<>();

    TwoTopologies(final Instant wallClock) {
        final StreamsBuilder sagaBuilder = new StreamsBuilder();
        TransferSagaTopology.build(sagaBuilder);
        saga = new TopologyTestDriver(sagaBuilder.build(), config("wallet-saga-orchestrator"), wallClock);
        final StreamsBuilder accountBuilder = new StreamsBuilder();
        AccountProcessorTopology.build(accountBuilder);
        accounts = new TopologyTestDriver(accountBuilder.build(), config("wallet-account-processor"), wallClock);
        sagaRequests = input(saga, Topics.TRANSFER_REQUESTS);
        sagaReplies = input(saga, Topics.ACCOUNT_REPLIES);
        sagaCommands = output(saga, Topics.ACCOUNT_COMMANDS);
        sagaEvents = output(saga, Topics.TRANSFER_EVENTS);
        accountCommands = input(accounts, Topics.ACCOUNT_COMMANDS);
        accountEvents = output(accounts, Topics.ACCOUNT_EVENTS);
        accountReplies = output(accounts, Topics.ACCOUNT_REPLIES);
    }

    /**
     * Runs the client actions in their order, interleaved at random (by {@code random}) with the
     * delivery of every command and event in flight, until nothing is left to deliver.
     */
    void run(final List<ClientAction> actions, final Random random) {
        final Deque<ClientAction> pending = new ArrayDeque<>(actions);
        for (int step = 0; step < STEPS_MAX; step++) {
            final List<Runnable> choices = choices(pending);
            if (choices.isEmpty()) {
                return;
            }
            choices.get(random.nextInt(choices.size())).run();
        }
        throw new AssertionError("The pipeline did not settle within " + STEPS_MAX + " deliveries.");
    }

    /** Moves both apps' wall clocks on, as time passing for the saga and the account processor alike. */
    void advanceWallClocks(final java.time.Duration duration) {
        saga.advanceWallClockTime(duration);
        accounts.advanceWallClockTime(duration);
        collectSagaOutputs();
    }

    List<AccountEvent> ledger() {
        return List.copyOf(ledger);
    }

    List<TransferEvent> transferEvents() {
        return List.copyOf(transferEvents);
    }

    private List<Runnable> choices(final Deque<ClientAction> pending) {
        final List<Runnable> choices = new ArrayList<>();
        if (!pending.isEmpty()) {
            choices.add(() -> act(pending.removeFirst()));
        }
        commandsInFlight.forEach((account, queue) -> {
            if (!queue.isEmpty()) {
                choices.add(() -> deliverCommand(queue.removeFirst()));
            }
        });
        repliesInFlight.forEach((account, queue) -> {
            if (!queue.isEmpty()) {
                choices.add(() -> deliverReply(queue.removeFirst()));
            }
        });
        return choices;
    }

    private void act(final ClientAction action) {
        if (action instanceof ClientAction.Request request) {
            sagaRequests.pipeInput(request.request().getTransactionId(), request.request());
            collectSagaOutputs();
        } else if (action instanceof ClientAction.Command command) {
            enqueue(commandsInFlight, command.command().getAccountId(), command.command());
        }
    }

    private void deliverCommand(final AccountCommand command) {
        accountCommands.pipeInput(command.getAccountId(), command);
        ledger.addAll(accountEvents.readValuesToList());
        for (final AccountEvent reply : accountReplies.readValuesToList()) {
            enqueue(repliesInFlight, reply.getAccountId(), reply);
        }
    }

    private void deliverReply(final AccountEvent reply) {
        sagaReplies.pipeInput(reply.getTransactionId(), reply);
        collectSagaOutputs();
    }

    private void collectSagaOutputs() {
        sagaCommands.readValuesToList().forEach(command ->
                enqueue(commandsInFlight, command.getAccountId(), command));
        sagaEvents.readValuesToList().forEach(transferEvents::add);
    }

    private static <V> void enqueue(final Map<String, Deque<V>> queues, final String account, final V value) {
        queues.computeIfAbsent(account, id -> new ArrayDeque<>()).addLast(value);
    }

    private static Properties config(final String applicationId) {
        final Properties props = ExactlyOnce.streams(applicationId, "unused:9092", 1);
        props.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0);
        return props;
    }

    private static <K, V> TestInputTopic<K, V> input(final TopologyTestDriver driver, final Topic<K, V> topic) {
        return driver.createInputTopic(topic.name(), topic.keySerde().serializer(), topic.valueSerde().serializer());
    }

    private static <K, V> TestOutputTopic<K, V> output(final TopologyTestDriver driver, final Topic<K, V> topic) {
        return driver.createOutputTopic(topic.name(), topic.keySerde().deserializer(), topic.valueSerde().deserializer());
    }

    @Override
    public void close() {
        closeQuietly(saga::close);
        accounts.close();
    }

    private static void closeQuietly(final Runnable close) {
        try {
            close.run();
        } catch (RuntimeException e) {
            // Closing the second driver matters more than reporting the first one's close failure.
            System.err.println("Closing a test driver failed: " + e);
        }
    }
}
