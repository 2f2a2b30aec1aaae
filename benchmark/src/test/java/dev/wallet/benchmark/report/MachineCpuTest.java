package dev.wallet.benchmark.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.wallet.benchmark.sample.ProcFs.CpuTicks;
import org.junit.jupiter.api.Test;

class MachineCpuTest {

    @Test
    void shouldGiveEachKindInCoresOverTheStep() {
        final CpuTicks before = new CpuTicks(1_000, 200, 50, 10, 5, 3_000);
        // 20 s at 100 ticks a second on 2 CPUs: 4,000 ticks in all.
        final CpuTicks after = new CpuTicks(3_400, 600, 130, 410, 25, 3_490);

        assertThat(MachineCpu.between(before, after, 100, 20))
                .isEqualTo(new MachineCpu(1.2, 0.2, 0.04, 0.2, 0.01, 0.245));
    }

    @Test
    void shouldCountUserSystemAndInterruptsAsWorkAndTheLastTwoAsTheKernels() {
        final MachineCpu machine = new MachineCpu(1.2, 0.2, 0.1, 0.05, 0.01, 0.44);

        assertThat(machine.busy()).isCloseTo(1.5, within(1e-9));
        assertThat(machine.kernelShare()).isCloseTo(0.2, within(1e-9));
        assertThat(new MachineCpu(0, 0, 0, 0, 0, 2).kernelShare()).isNaN();
    }

    @Test
    void shouldBeMissingWithoutBothReadings() {
        final CpuTicks reading = new CpuTicks(1, 1, 1, 1, 1, 1);

        assertThat(MachineCpu.between(null, reading, 100, 20)).isNull();
        assertThat(MachineCpu.between(reading, null, 100, 20)).isNull();
        assertThat(MachineCpu.between(reading, reading, 100, 0)).isNull();
    }
}
