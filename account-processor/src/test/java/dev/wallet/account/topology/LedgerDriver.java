package dev.wallet.account.topology;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wallet.schemas.avro.AccountCommand;
import dev.wallet.schemas.avro.AccountEvent;
import dev.wallet.schemas.kafka.ExactlyOnce;
import dev.wallet.schemas.topics.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;

/**
 * The account processor topology in a {@link TopologyTestDriver}, with the wall clock under the
 * test's control. Close it after each test.
 */
final class LedgerDriver implements AutoCloseable {

    /** The wall-clock time the driver starts at. */
    static final Instant START = Instant.parse("2026-11-22T08:00:00Z");

    private final TopologyTestDriver driver;
    private final TestInputTopic<String, AccountCommand> commands;
    private final TestOutputTopic<String, AccountEvent> events;

    LedgerDriver(final Path stateDir, final AccountProcessorSettings settings) {
        final StreamsBuilder builder = new StreamsBuilder();
        AccountProcessorTopology.build(builder, settings);
        final Properties props = ExactlyOnce.streams("account-processor-test", "unused:9092", 1);
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        driver = new TopologyTestDriver(builder.build(), props, START);
        commands = driver.createInputTopic(Topics.ACCOUNT_COMMANDS.name(),
                Topics.ACCOUNT_COMMANDS.keySerde().serializer(), Topics.ACCOUNT_COMMANDS.valueSerde().serializer());
        events = driver.createOutputTopic(Topics.ACCOUNT_EVENTS.name(),
                Topics.ACCOUNT_EVENTS.keySerde().deserializer(), Topics.ACCOUNT_EVENTS.valueSerde().deserializer());
    }

    /** Sends {@code command} keyed by its account and returns the one event that answers it. */
    AccountEvent send(final AccountCommand command) {
        commands.pipeInput(command.getAccountId(), command);
        final List<org.apache.kafka.streams.test.TestRecord<String, AccountEvent>> answers = events.readRecordsToList();
        assertThat(answers).as("events answering %s", command).hasSize(1);
        assertThat(answers.get(0).key()).isEqualTo(command.getAccountId());
        return answers.get(0).value();
    }

    /** Sends {@code command} under {@code key} and returns every event written, usually none or one. */
    List<AccountEvent> sendKeyed(final String key, final AccountCommand command) {
        commands.pipeInput(key, command);
        return events.readValuesToList();
    }

    /** Moves the processor's wall clock forward. */
    void advanceWallClock(final Duration duration) {
        driver.advanceWallClockTime(duration);
    }

    TopologyTestDriver driver() {
        return driver;
    }

    @Override
    public void close() {
        driver.close();
    }
}
