package dev.wallet.benchmark.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wallet.benchmark.load.WarmupRule.Next;
import org.junit.jupiter.api.Test;

class WarmupRuleTest {

    private final WarmupRule rule = new WarmupRule(0.15, 30, 300);

    @Test
    void shouldMeasureOnceTheCompilersAreQuiet() {
        assertThat(rule.after(0.15, 30)).isEqualTo(Next.SETTLED);
        assertThat(rule.after(0.02, 240)).isEqualTo(Next.SETTLED);
    }

    @Test
    void shouldWarmUpAgainWhileTheCompilersAreBusyAndTimeRemains() {
        assertThat(rule.after(0.6, 30)).isEqualTo(Next.ANOTHER_ROUND);
        assertThat(rule.after(0.16, 270)).isEqualTo(Next.ANOTHER_ROUND);
    }

    @Test
    void shouldGiveUpWhenAnotherRoundWouldPassTheLimit() {
        assertThat(rule.after(0.6, 271)).isEqualTo(Next.UNSETTLED);
    }

    @Test
    void shouldRunOneRoundOnlyWithANegativeLimit() {
        assertThat(new WarmupRule(-1, 30, 300).after(1.9, 30)).isEqualTo(Next.SETTLED);
    }
}
