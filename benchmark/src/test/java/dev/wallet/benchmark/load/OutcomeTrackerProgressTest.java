package dev.wallet.benchmark.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wallet.schemas.avro.TransferPhase;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** How one transfer's events split its latency into stages; no broker involved. */
class OutcomeTrackerProgressTest {

    private static final long DUE = -5_000_000_000L; // System.nanoTime() may be negative.

    private final StepStats step = new StepStats("step", 10);

    @Test
    void shouldSplitACompletedTransferIntoItsThreeStages() {
        final OutcomeTracker.Progress progress = new OutcomeTracker.Progress(DUE, step);

        assertThat(progress.onPhase(TransferPhase.ACCEPTED, DUE + ms(30))).isFalse();
        assertThat(progress.onPhase(TransferPhase.DEBITED, DUE + ms(100))).isFalse();
        assertThat(progress.onPhase(TransferPhase.COMPLETED, DUE + ms(250))).isTrue();

        assertThat(millisOf(Stage.REQUEST_TO_ACCEPTED)).isEqualTo(30);
        assertThat(millisOf(Stage.ACCEPTED_TO_DEBITED)).isEqualTo(70);
        assertThat(millisOf(Stage.DEBITED_TO_COMPLETED)).isEqualTo(150);
    }

    @Test
    void shouldCountOnlyTheFirstEventOfAPhase() {
        final OutcomeTracker.Progress progress = new OutcomeTracker.Progress(DUE, step);

        progress.onPhase(TransferPhase.ACCEPTED, DUE + ms(30));
        progress.onPhase(TransferPhase.ACCEPTED, DUE + ms(60));
        progress.onPhase(TransferPhase.DEBITED, DUE + ms(100));
        progress.onPhase(TransferPhase.DEBITED, DUE + ms(500));
        progress.onPhase(TransferPhase.COMPLETED, DUE + ms(250 + 400));

        assertThat(step.stageMicros().get(Stage.REQUEST_TO_ACCEPTED).getTotalCount()).isEqualTo(1);
        assertThat(millisOf(Stage.REQUEST_TO_ACCEPTED)).isEqualTo(30);
        assertThat(step.stageMicros().get(Stage.ACCEPTED_TO_DEBITED).getTotalCount()).isEqualTo(1);
        assertThat(millisOf(Stage.DEBITED_TO_COMPLETED)).isEqualTo(550);
    }

    @Test
    void shouldLeaveStagesAFailedTransferNeverReachedEmpty() {
        final OutcomeTracker.Progress declined = new OutcomeTracker.Progress(DUE, step);

        declined.onPhase(TransferPhase.ACCEPTED, DUE + ms(40));
        assertThat(declined.onPhase(TransferPhase.FAILED, DUE + ms(120))).isTrue();

        assertThat(step.stageMicros().get(Stage.REQUEST_TO_ACCEPTED).getTotalCount()).isEqualTo(1);
        assertThat(step.stageMicros().get(Stage.ACCEPTED_TO_DEBITED).getTotalCount()).isZero();
        assertThat(step.stageMicros().get(Stage.DEBITED_TO_COMPLETED).getTotalCount()).isZero();
    }

    @Test
    void shouldNotMeasureAStageFromAnEventItNeverSaw() {
        // The tracker started after this transfer's ACCEPTED event was read past.
        final OutcomeTracker.Progress progress = new OutcomeTracker.Progress(DUE, step);

        progress.onPhase(TransferPhase.DEBITED, DUE + ms(100));
        assertThat(progress.onPhase(TransferPhase.COMPENSATING, DUE + ms(150))).isFalse();
        assertThat(progress.onPhase(TransferPhase.FAILED, DUE + ms(300))).isTrue();

        assertThat(step.stageMicros().values()).allSatisfy(h -> assertThat(h.getTotalCount()).isZero());
    }

    private static long ms(final long millis) {
        return TimeUnit.MILLISECONDS.toNanos(millis);
    }

    private long millisOf(final Stage stage) {
        return step.stageMicros().get(stage).getMaxValue() / 1_000;
    }
}
