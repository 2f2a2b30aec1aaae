package dev.wallet.query.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class QueryPropertiesTest {

    private final QueryProperties properties = new QueryProperties(10_000, 1_000, 50, 100, 1_000, 5_000);

    @Test
    void shouldGiveAnAnswerThatWaitsForASequenceItsWaitOnTopOfTheTimeout() {
        assertThat(properties.deadline(new SequenceWait.Request(7L, Duration.ofMillis(2_500))))
                .isEqualTo(Duration.ofMillis(7_500));
    }

    @Test
    void shouldGiveAnAnswerThatWaitsForNothingTheTimeoutAlone() {
        assertThat(properties.deadline(new SequenceWait.Request(null, Duration.ofMillis(1_000))))
                .isEqualTo(Duration.ofMillis(5_000));
        assertThat(properties.deadline()).isEqualTo(Duration.ofMillis(5_000));
    }
}
