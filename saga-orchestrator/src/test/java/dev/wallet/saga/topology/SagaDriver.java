package dev.wallet.saga.topology;

import dev.wallet.saga.SagaFixtures;
import dev.wallet.saga.store.SagaStores;
import dev.wallet.saga.store.avro.TransferSagaState;
import dev.wallet.schemas.avro.AccountCommand;
import dev.wallet.schemas.avro.AccountEvent;
import dev.wallet.schemas.avro.TransferEvent;
import dev.wallet.schemas.avro.TransferRequest;
import dev.wallet.schemas.kafka.ExactlyOnce;
import dev.wallet.schemas.topics.Topic;
import dev.wallet.schemas.topics.Topics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;

/** The saga topology in a {@link TopologyTestDriver}, with typed access to its topics and store. */
final class SagaDriver implements AutoCloseable {

    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final TopologyTestDriver driver;
    final TestInputTopic<String, TransferRequest> requests;
    final TestInputTopic<String, AccountEvent> replies;
    final TestOutputTopic<String, AccountCommand> commands;
    final TestOutputTopic<String, TransferEvent> transferEvents;

    SagaDriver() {
        this(SagaSettings.defaults());
    }

    SagaDriver(final SagaSettings settings) {
        final StreamsBuilder builder = new StreamsBuilder();
        TransferSagaTopology.build(builder, settings.withMeterRegistry(registry));
        driver = new TopologyTestDriver(builder.build(), config(), SagaFixtures.NOW);
        requests = input(Topics.TRANSFER_REQUESTS);
        replies = input(Topics.ACCOUNT_REPLIES);
        commands = output(Topics.ACCOUNT_COMMANDS);
        transferEvents = output(Topics.TRANSFER_EVENTS);
    }

    static Properties config() {
        final Properties props = ExactlyOnce.streams("wallet-saga-orchestrator", "unused:9092", 1);
        props.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0);
        return props;
    }

    void pipe(final TransferRequest request) {
        requests.pipeInput(request.getTransactionId(), request, SagaFixtures.NOW);
    }

    void pipe(final AccountEvent event) {
        replies.pipeInput(event.getTransactionId(), event, SagaFixtures.NOW);
    }

    void advanceWallClock(final Duration duration) {
        driver.advanceWallClockTime(duration);
    }

    List<KeyValue<String, AccountCommand>> commands() {
        return commands.readKeyValuesToList();
    }

    List<KeyValue<String, TransferEvent>> events() {
        return transferEvents.readKeyValuesToList();
    }

    KeyValueStore<String, TransferSagaState> transfers() {
        return driver.getKeyValueStore(SagaStores.TRANSFERS);
    }

    KeyValueStore<String, String> endedIndex() {
        return driver.getKeyValueStore(SagaStores.ENDED);
    }

    double ignored(final String reason) {
        return registry.get("wallet.saga.replies.ignored").tag("reason", reason).counter().count();
    }

    double malformed() {
        return registry.get("wallet.saga.inputs.malformed").counter().count();
    }

    double purged() {
        return registry.get("wallet.saga.purged").counter().count();
    }

    private <K, V> TestInputTopic<K, V> input(final Topic<K, V> topic) {
        return driver.createInputTopic(topic.name(), topic.keySerde().serializer(), topic.valueSerde().serializer());
    }

    private <K, V> TestOutputTopic<K, V> output(final Topic<K, V> topic) {
        return driver.createOutputTopic(topic.name(), topic.keySerde().deserializer(), topic.valueSerde().deserializer());
    }

    @Override
    public void close() {
        driver.close();
    }
}
