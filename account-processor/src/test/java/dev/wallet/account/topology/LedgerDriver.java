package dev.wallet.account.topology;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wallet.schemas.avro.AccountCommand;
import dev.wallet.schemas.avro.AccountEvent;
import dev.wallet.schemas.avro.CommandStep;
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
import org.apache.kafka.streams.test.TestRecord;

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
    private final TestOutputTopic<String, AccountEvent> replies;
    private long advancedMs;

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
        replies = driver.createOutputTopic(Topics.ACCOUNT_REPLIES.name(),
                Topics.ACCOUNT_REPLIES.keySerde().deserializer(), Topics.ACCOUNT_REPLIES.valueSerde().deserializer());
    }

    /**
     * Sends {@code command} keyed by its account and returns the one event that answers it, after
     * checking that the saga got the same event keyed by transaction_id, unless the command is an
     * open (which answers no saga).
     */
    AccountEvent send(final AccountCommand command) {
        commands.pipeInput(command.getAccountId(), command);
        final List<TestRecord<String, AccountEvent>> answers = events.readRecordsToList();
        assertThat(answers).as("events answering %s", command).hasSize(1);
        assertThat(answers.get(0).key()).isEqualTo(command.getAccountId());
        final AccountEvent event = answers.get(0).value();
        final List<TestRecord<String, AccountEvent>> sagaReplies = replies.readRecordsToList();
        if (command.getStep() == CommandStep.OPEN) {
            assertThat(sagaReplies).as("replies to the saga for an open").isEmpty();
        } else {
            assertThat(sagaReplies).as("replies to the saga answering %s", command).hasSize(1);
            assertThat(sagaReplies.get(0).key()).isEqualTo(command.getTransactionId());
            assertThat(sagaReplies.get(0).value()).isEqualTo(event);
        }
        return event;
    }

    /**
     * Sends {@code command} under {@code key} and returns every event written, usually none or one;
     * checks that the saga got exactly the non-open ones.
     */
    List<AccountEvent> sendKeyed(final String key, final AccountCommand command) {
        commands.pipeInput(key, command);
        final List<AccountEvent> written = events.readValuesToList();
        assertThat(replies.readValuesToList())
                .isEqualTo(written.stream().filter(event -> event.getStep() != CommandStep.OPEN).toList());
        return written;
    }

    /** Moves the processor's wall clock forward. */
    void advanceWallClock(final Duration duration) {
        driver.advanceWallClockTime(duration);
        advancedMs += duration.toMillis();
    }

    /** The processor's wall-clock time now, in epoch milliseconds. */
    long nowMs() {
        return START.toEpochMilli() + advancedMs;
    }

    TopologyTestDriver driver() {
        return driver;
    }

    @Override
    public void close() {
        driver.close();
    }
}
