package dev.wallet.benchmark.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wallet.benchmark.workload.AccountPicker;
import dev.wallet.benchmark.workload.AmountDistribution;
import dev.wallet.benchmark.workload.PlannedTransfer;
import dev.wallet.benchmark.workload.TransferGenerator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The runner's counting, with senders that answer at once or never; no broker involved. */
class StepRunnerTest {

    /** Never started: nothing is consumed, and a drain wait returns at once. */
    private final OutcomeTracker tracker = new OutcomeTracker("127.0.0.1:1");
    private final TransferGenerator generator = new TransferGenerator(List.of("a", "b", "c"), "USD",
            AccountPicker.parse("uniform", 3), AmountDistribution.parse("uniform:1:10", 10), 1);

    @AfterEach
    void closeTracker() throws InterruptedException {
        tracker.close();
    }

    @Test
    void shouldSendEveryDueRequestWhenOutcomesComeAtOnce() throws InterruptedException {
        final RecordingSender sender = new RecordingSender(true);
        final StepStats step = new StepRunner(sender, generator, tracker, Duration.ZERO)
                .runPaced("paced", 1_000, Duration.ofMillis(200), 5);

        assertThat(step.sent()).isEqualTo(200);
        assertThat(step.completed()).isEqualTo(200);
        assertThat(step.inFlight()).isZero();
        assertThat(step.latencyMicros().getTotalCount()).isEqualTo(200);
        assertThat(sender.sent).doesNotHaveDuplicates();
        assertThat(sender.sent).allSatisfy(t -> assertThat(t.fromAccount()).isNotEqualTo(t.toAccount()));
    }

    @Test
    void shouldNeverHaveMoreInFlightThanTheBound() throws InterruptedException {
        final RecordingSender sender = new RecordingSender(false);
        final StepStats step = new StepRunner(sender, generator, tracker, Duration.ZERO)
                .runPaced("bounded", 10_000, Duration.ofMillis(100), 7);

        assertThat(step.sent()).isEqualTo(7);
        assertThat(step.inFlight()).isEqualTo(7);
        assertThat(step.completed()).isZero();
    }

    @Test
    void shouldStopTheMaxStepAtItsEndEvenWithPermitsToSpare() throws InterruptedException {
        final RecordingSender sender = new RecordingSender(true);
        final StepStats step = new StepRunner(sender, generator, tracker, Duration.ZERO)
                .runMaxThroughput("max", Duration.ofMillis(50), 100);

        assertThat(step.sent()).isPositive().isEqualTo(step.completed());
    }

    /** Records what it sends; answers every transfer with a completed outcome at once, or never. */
    private static final class RecordingSender implements TransferSender {

        private final boolean answers;
        private final List<PlannedTransfer> sent = new ArrayList<>();

        RecordingSender(final boolean answers) {
            this.answers = answers;
        }

        @Override
        public String mode() {
            return "test";
        }

        @Override
        public void send(final PlannedTransfer transfer, final long dueNanos, final StepStats step) {
            sent.add(transfer);
            step.onSent(dueNanos);
            if (answers) {
                final long now = System.nanoTime();
                step.onOutcome(true, "", now - dueNanos, now);
            }
        }

        @Override
        public void close() {
        }
    }
}
