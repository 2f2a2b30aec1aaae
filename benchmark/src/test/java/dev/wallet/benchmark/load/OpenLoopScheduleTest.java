package dev.wallet.benchmark.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class OpenLoopScheduleTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void shouldSpaceRequestsByTheInverseOfTheRate() {
        final OpenLoopSchedule schedule = new OpenLoopSchedule(1_000, 2_500, 2 * SECOND);

        assertThat(schedule.dueNanos(0)).isEqualTo(1_000);
        assertThat(schedule.dueNanos(1)).isEqualTo(1_000 + 400_000);
        assertThat(schedule.dueNanos(2_500)).isEqualTo(1_000 + SECOND);
    }

    @Test
    void shouldOfferRateTimesDurationRequests() {
        final OpenLoopSchedule schedule = new OpenLoopSchedule(0, 2_500, 2 * SECOND);

        assertThat(schedule.requestCount()).isEqualTo(5_000);
        assertThat(schedule.includes(4_999)).isTrue();
        assertThat(schedule.includes(5_000)).isFalse();
    }

    @Test
    void shouldKeepFractionalRatesExactOverTheStep() {
        // 3 per second for 10 s: 30 requests, none lost or added by rounding the period.
        final OpenLoopSchedule schedule = new OpenLoopSchedule(0, 3, 10 * SECOND);
        long included = 0;
        while (schedule.includes(included)) {
            included++;
        }
        assertThat(included).isEqualTo(30).isEqualTo(schedule.requestCount());
        assertThat(schedule.dueNanos(3)).isEqualTo(SECOND);
    }

    @Test
    void shouldRejectANonPositiveRate() {
        assertThatThrownBy(() -> new OpenLoopSchedule(0, 0, SECOND)).isInstanceOf(IllegalArgumentException.class);
    }
}
