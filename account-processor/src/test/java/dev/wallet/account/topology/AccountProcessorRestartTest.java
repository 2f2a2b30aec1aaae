package dev.wallet.account.topology;

import static dev.wallet.account.topology.Commands.credit;
import static dev.wallet.account.topology.Commands.debit;
import static dev.wallet.account.topology.Commands.open;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wallet.schemas.avro.AccountCommand;
import dev.wallet.schemas.avro.AccountEvent;
import dev.wallet.schemas.avro.AccountType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The topology in a real Kafka Streams client with {@code exactly_once_v2} on an embedded KRaft
 * broker, closed and restarted mid-way on the same state directory: every command must get exactly
 * one event and the balances must come out right.
 */
class AccountProcessorRestartTest {

    private static final int PARTITIONS = 3;
    private static final int ACCOUNTS = 10;
    private static final int ROUNDS = 15;
    private static final long CREDIT_MINOR = 100;
    private static final long DEBIT_MINOR = 30;
    /** Every this many commands one is sent twice, as a replay would. */
    private static final int REPEAT_EVERY = 7;
    private static final String APPLICATION_ID = "account-processor-restart-test";

    @RegisterExtension
    static final LedgerOnBroker kafka = new LedgerOnBroker(PARTITIONS);

    @TempDir
    Path stateDir;

    @Test
    void shouldAnswerEveryCommandExactlyOnceAcrossARestart() {
        final List<AccountCommand> commands = plannedCommands();
        final int half = commands.size() / 2;
        kafka.startLedger(APPLICATION_ID, stateDir, false);
        kafka.send(commands.subList(0, half));
        kafka.awaitEvents(half / 2);
        kafka.stopLedger();

        kafka.startLedger(APPLICATION_ID, stateDir, false);
        kafka.send(commands.subList(half, commands.size()));
        final List<AccountEvent> events = kafka.awaitEvents(commands.size());

        assertThat(kafka.streamFailure()).isNull();
        assertThat(events).hasSize(commands.size());
        assertOneAnswerPerCommand(commands, events);
        assertBalancesAndSequences(events);
    }

    private static List<AccountCommand> plannedCommands() {
        final List<AccountCommand> planned = new ArrayList<>();
        for (int a = 0; a < ACCOUNTS; a++) {
            planned.add(open(account(a), "open-" + a, AccountType.USER, "USD"));
        }
        for (int round = 0; round < ROUNDS; round++) {
            for (int a = 0; a < ACCOUNTS; a++) {
                planned.add(credit(account(a), "credit-" + round + "-" + a, CREDIT_MINOR, "USD"));
                planned.add(debit(account(a), "debit-" + round + "-" + a, DEBIT_MINOR, "USD"));
            }
        }
        final List<AccountCommand> withRepeats = new ArrayList<>();
        for (int i = 0; i < planned.size(); i++) {
            withRepeats.add(planned.get(i));
            if (i % REPEAT_EVERY == REPEAT_EVERY - 1) {
                withRepeats.add(planned.get(i));
            }
        }
        return withRepeats;
    }

    private static String account(final int index) {
        return "account-" + index;
    }

    private void assertOneAnswerPerCommand(final List<AccountCommand> commands, final List<AccountEvent> events) {
        final Map<String, Integer> sent = new HashMap<>();
        commands.forEach(command -> sent.merge(operation(command.getAccountId(), command.getTransactionId(),
                command.getStep().name()), 1, Integer::sum));
        final Map<String, Integer> answered = new HashMap<>();
        final Map<String, Integer> firstAnswers = new HashMap<>();
        for (final AccountEvent event : events) {
            final String operation = operation(event.getAccountId(), event.getTransactionId(), event.getStep().name());
            answered.merge(operation, 1, Integer::sum);
            if (!event.getRepeated()) {
                firstAnswers.merge(operation, 1, Integer::sum);
            }
        }
        assertThat(answered).isEqualTo(sent);
        assertThat(firstAnswers).hasSameSizeAs(sent).allSatisfy((operation, count) -> assertThat(count).isOne());
    }

    private static void assertBalancesAndSequences(final List<AccountEvent> events) {
        final Map<String, List<AccountEvent>> ledgerEntries = new HashMap<>();
        events.stream().filter(event -> !event.getRepeated())
                .forEach(event -> ledgerEntries.computeIfAbsent(event.getAccountId(), id -> new ArrayList<>()).add(event));
        assertThat(ledgerEntries).hasSize(ACCOUNTS);
        ledgerEntries.forEach((accountId, entries) -> {
            for (int i = 0; i < entries.size(); i++) {
                assertThat(entries.get(i).getSequence()).as("sequence of %s", accountId).isEqualTo(i + 1);
            }
            final AccountEvent last = entries.get(entries.size() - 1);
            assertThat(last.getBalanceAfterMinor()).as("balance of %s", accountId)
                    .isEqualTo(ROUNDS * (CREDIT_MINOR - DEBIT_MINOR));
        });
    }

    private static String operation(final String accountId, final String transactionId, final String step) {
        return accountId + "/" + transactionId + "/" + step;
    }
}
