package dev.wallet.benchmark.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AccountPickerTest {

    private static final int DRAWS = 200_000;

    @Test
    void shouldGiveTheHotFractionItsShareOfPicks() {
        final AccountPicker picker = AccountPicker.parse("hot:0.01:0.2", 10_000);
        final SplittableRandom random = new SplittableRandom(42);
        int hot = 0;
        for (int i = 0; i < DRAWS; i++) {
            if (picker.pick(random) < 100) {
                hot++;
            }
        }
        // 20% to the hot 100 accounts; the cold ones never land there.
        assertThat(hot / (double) DRAWS).isCloseTo(0.2, within(0.01));
    }

    @Test
    void shouldPickZipfRanksInProportionToTheirWeight() {
        final int accounts = 1_000;
        final AccountPicker picker = AccountPicker.parse("zipf:1.0", accounts);
        double harmonic = 0;
        for (int k = 1; k <= accounts; k++) {
            harmonic += 1.0 / k;
        }
        final SplittableRandom random = new SplittableRandom(7);
        final int[] counts = new int[accounts];
        for (int i = 0; i < DRAWS; i++) {
            counts[picker.pick(random)]++;
        }
        assertThat(counts[0] / (double) DRAWS).isCloseTo(1 / harmonic, within(0.005));
        assertThat(counts[1] / (double) DRAWS).isCloseTo(0.5 / harmonic, within(0.005));
        assertThat(counts[0]).isGreaterThan(counts[9] * 5);
    }

    @Test
    void shouldPickUniformlyWithZipfExponentZero() {
        final AccountPicker picker = AccountPicker.parse("zipf:0", 4);
        final SplittableRandom random = new SplittableRandom(1);
        final int[] counts = new int[4];
        for (int i = 0; i < DRAWS; i++) {
            counts[picker.pick(random)]++;
        }
        for (final int count : counts) {
            assertThat(count / (double) DRAWS).isCloseTo(0.25, within(0.01));
        }
    }

    @Test
    void shouldNeverPairAnAccountWithItself() {
        final AccountPicker picker = AccountPicker.parse("zipf:3", 2);
        final SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < 10_000; i++) {
            final int[] pair = picker.pickPair(random);
            assertThat(pair[0]).isNotEqualTo(pair[1]);
            assertThat(pair).containsExactlyInAnyOrder(0, 1);
        }
    }

    @Test
    void shouldRejectAnUnknownSkew() {
        assertThatThrownBy(() -> AccountPicker.parse("pareto:1", 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AccountPicker.parse("hot:1.5:0.1", 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AccountPicker.parse("uniform", 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
