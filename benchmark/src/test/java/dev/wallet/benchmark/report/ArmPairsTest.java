package dev.wallet.benchmark.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArmPairsTest {

    @TempDir
    Path dir;

    @Test
    void shouldCompareEachPairWithinItselfAndSummarizeTheRatios() throws IOException {
        final ArmPairs pairs = ArmPairs.of(List.of(
                pair(arm("before-1", 100, 2000, 0, 5000), arm("after-1", 80, 1800, 0, 5500)),
                pair(arm("before-2", 100, 2000, 0, 4000), arm("after-2", 120, 1900, 0, 3600))),
                List.of("pipeline-warmup-3", "pipeline-2500"), List.of(2500));

        assertThat(pairs.ratios("CPU µs per transfer, postgres (quiet steps)"))
                .satisfiesExactly(ratio -> assertThat(ratio).isCloseTo(0.8, within(1e-9)),
                        ratio -> assertThat(ratio).isCloseTo(1.2, within(1e-9)));
        assertThat(pairs.markdown()).contains(
                "pair 1: before-1 (abc1234) → after-1 (abc1234)",
                "| figure | pair 1: before → after (ratio) | pair 2: before → after (ratio) | median ratio | after lower |",
                "| CPU µs per transfer, postgres (quiet steps) | 100 → 80 (0.80) | 100 → 120 (1.20) | 1.00 | 1 of 2 |",
                "| read side's WAL bytes per transfer (quiet steps) | 2,000 → 1,800 (0.90) | 2,000 → 1,900 (0.95) "
                        + "| 0.93 | 2 of 2 |",
                "| pipeline max, completed/s | 5,000 → 5,500 (1.10) | 4,000 → 3,600 (0.90) | 1.00 | 1 of 2 |");
        // No arm ran a 1,000/s step or measured the HTTP mode: no row for them.
        assertThat(pairs.markdown()).doesNotContain("1,000/s").contains("| p99 ms at 2,500/s |");
    }

    @Test
    void shouldTakeTheMedianOfTheQuietStepsLeavingOutOnesWithACheckpoint() throws IOException {
        final Results results = read("run", """
                {"steps": [
                  %s, %s, %s,
                  {"name": "pipeline-5000", "processes": {"postgres": {"cpu_seconds_per_1000_transfers": 0.9}}}
                ]}
                """.formatted(quiet("pipeline-warmup-3", 0.10, 0), quiet("pipeline-warmup-4", 0.30, 0),
                quiet("pipeline-2500", 0.50, 2)));

        // The 2,500/s step had a checkpoint and 5,000/s is not quiet: the median of 100 and 300 µs.
        assertThat(ArmPairs.quietMedian(results, ArmPairs.QUIET_STEPS,
                step -> step.processes().get("postgres").cpuSecondsPer1000Transfers() * 1000))
                .isCloseTo(200, within(1e-9));
    }

    @Test
    void shouldShowTheMachinesWorkAndTheKernelSharesOnlyWhereARunMeasuredThem() throws IOException {
        // Runs before 28 Nov 2026 have no machine_cpu and a system_share of 0: nothing measured, not 0.
        final ArmPairs.Arm older = new ArmPairs.Arm("older", read("older", """
                {"steps": [{"name": "pipeline-2500",
                  "processes": {"kafka-node-1": {"cpu_seconds_per_1000_transfers": 0.2, "system_share": 0}}}]}
                """));
        final ArmPairs pairs = ArmPairs.of(List.of(pair(older, measured("newer", 1.2, 0.25)),
                pair(measured("before", 1.2, 0.25), measured("after", 1.5, 0.20))), ArmPairs.QUIET_STEPS, List.of());

        assertThat(pairs.markdown()).contains(
                "| machine's busy cores: user + system + interrupts (quiet steps) | – → 1.50 | 1.50 → 1.80 (1.20) "
                        + "| 1.20 | 0 of 1 |",
                "| machine's kernel share: (system + interrupts) ÷ busy (quiet steps) | – → 0.20 | 0.20 → 0.17 (0.83) "
                        + "| 0.83 | 1 of 1 |",
                "| machine's steal, cores (quiet steps) | – → 0.004 | 0.004 → 0.004 (1.00) | 1.00 | 0 of 1 |",
                "| kernel share, kafka-node-1 (quiet steps) | – → 0.25 | 0.25 → 0.20 (0.80) | 0.80 | 1 of 1 |");
    }

    @Test
    void shouldGiveTheCollectorArmsTheBrokersKernelShareTheDocsQuote() throws IOException {
        final Path results = Path.of("results");
        final ArmPairs collector = ArmPairs.of(List.of(
                committed(results, "20261128T064204Z", "20261128T065025Z"),
                committed(results, "20261128T065733Z", "20261128T070431Z")), ArmPairs.QUIET_STEPS, List.of());

        // docs/benchmarks.md, "The broker's garbage collector": its kernel share 0.22-0.23 in the 1,000 and
        // 2,500/s steps of every arm; over the quiet steps (warm-ups 3-5 too) the medians are 0.21-0.22.
        assertThat(collector.markdown()).containsPattern(
                "\\| kernel share, kafka-node-1 \\(quiet steps\\) \\| 0\\.2[12] → 0\\.2[12] \\(\\d\\.\\d\\d\\) "
                        + "\\| 0\\.2[12] → 0\\.2[12] \\(\\d\\.\\d\\d\\) \\|");
    }

    @Test
    void shouldGiveTheMergeArmsTheRatiosTheDocsQuote() throws IOException {
        final Path results = Path.of("results");
        final ArmPairs merge = ArmPairs.of(List.of(
                committed(results, "20261128T025557Z", "20261128T030314Z"),
                committed(results, "20261128T031014Z", "20261128T031734Z"),
                committed(results, "20261128T033444Z", "20261128T032530Z"),
                committed(results, "20261128T034954Z", "20261128T034242Z")), ArmPairs.QUIET_STEPS, List.of(2500));

        // docs/benchmarks.md, "Account and transfer rows by MERGE in the running stack".
        assertThat(merge.ratios("read side's WAL bytes per transfer (quiet steps)"))
                .allSatisfy(ratio -> assertThat(ratio).isBetween(0.875, 0.945));
        assertThat(merge.ratios("CPU µs per transfer, postgres (quiet steps)").stream()
                .map(ratio -> Math.round(ratio * 100) / 100.0)).containsExactly(0.88, 1.14, 1.12, 0.98);
    }

    private ArmPairs.Pair committed(final Path results, final String before, final String after) throws IOException {
        return pair(new ArmPairs.Arm(before, ResultsJson.read(results.resolve(before).resolve("results.json"),
                        Results.class)),
                new ArmPairs.Arm(after, ResultsJson.read(results.resolve(after).resolve("results.json"), Results.class)));
    }

    private static ArmPairs.Pair pair(final ArmPairs.Arm before, final ArmPairs.Arm after) {
        return new ArmPairs.Pair(before, after);
    }

    private ArmPairs.Arm arm(final String name, final double postgresMicros, final double walBytes,
                             final int checkpoints, final double peak) throws IOException {
        final String quiet = """
                {"name": "pipeline-2500", "latency": {"p50_ms": 50, "p99_ms": 90},
                 "processes": {"postgres": {"cpu_seconds_per_1000_transfers": %s}},
                 "read_side_wal": {"bytes_per_transfer": %s, "records_per_transfer": 14, "checkpoints": %d}}
                """.formatted(postgresMicros / 1000, walBytes, checkpoints);
        return new ArmPairs.Arm(name, read(name, """
                {"git_commit": "abc1234def", "baseline": {"transfers_per_second": 6000},
                 "steps": [%s, {"name": "pipeline-max", "completed_per_second": %s}]}
                """.formatted(quiet, peak)));
    }

    /** A run whose 2,500/s step measured the machine's CPU and the broker's kernel share. */
    private ArmPairs.Arm measured(final String name, final double user, final double brokerKernelShare)
            throws IOException {
        return new ArmPairs.Arm(name, read(name, """
                {"steps": [{"name": "pipeline-2500",
                  "processes": {"kafka-node-1": {"cpu_seconds_per_1000_transfers": 0.2, "system_share": %s}},
                  "machine_cpu": {"user": %s, "system": 0.2, "interrupts": 0.1, "steal": 0.004, "iowait": 0,
                                  "idle": 0.5}}]}
                """.formatted(brokerKernelShare, user)));
    }

    private static String quiet(final String name, final double postgresCpuPer1000, final int checkpoints) {
        return """
                {"name": "%s", "processes": {"postgres": {"cpu_seconds_per_1000_transfers": %s}},
                 "read_side_wal": {"bytes_per_transfer": 1700, "records_per_transfer": 14, "checkpoints": %d}}
                """.formatted(name, postgresCpuPer1000, checkpoints);
    }

    private Results read(final String name, final String json) throws IOException {
        final Path file = Files.createDirectories(dir.resolve(name)).resolve("results.json");
        Files.writeString(file, json);
        return ResultsJson.read(file, Results.class);
    }
}
