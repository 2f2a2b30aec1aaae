package dev.wallet.benchmark.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunRowTest {

    private static final List<Integer> RATES = List.of(1_000, 2_500, 5_000);

    @TempDir
    Path dir;

    @Test
    void shouldShowTheMeasuredStepsAndLeaveTheSkippedOnesEmpty() throws IOException {
        final Path file = dir.resolve("results.json");
        Files.writeString(file, """
                {"git_commit": "abc1234def+uncommitted-changes",
                 "baseline": {"transfers_per_second": 4800.4},
                 "steps": [
                   {"name": "pipeline-warmup", "latency": {"p50_ms": 900, "p99_ms": 2000}},
                   {"name": "pipeline-1000", "latency": {"p50_ms": 40.4, "p99_ms": 89.6}},
                   {"name": "pipeline-2500", "latency": {"p50_ms": 1045.2, "p99_ms": 2514.9}},
                   {"name": "pipeline-max", "completed_per_second": 9600.8,
                    "read_side_lag": {"growing": true}}
                 ]}
                """);

        final RunRow row = RunRow.of("run-1", ResultsJson.read(file, Results.class), RATES);

        // 5,000/s was skipped at the knee and HTTP not run: empty, not zero.
        assertThat(row.markdown())
                .isEqualTo("| run-1 | abc1234+ | 4,800 | 40 / 90 | 1,045 / 2,515 | – | 9,601 (2.00×; behind) | – |");
    }

    @Test
    void shouldHeadOneColumnPerRate() {
        assertThat(RunRow.header(List.of(1_000, 2_500))).isEqualTo("""
                | run | commit | baseline/s | pipeline 1,000/s: p50 / p99 ms | pipeline 2,500/s: p50 / p99 ms \
                | pipeline max/s (× baseline; read side) | HTTP max/s |
                |---|---|---|---|---|---|---|""");
    }

    @Test
    void shouldReadEveryCommittedRunAndGiveRunUTheFiguresTheDocsQuote() throws IOException {
        final Path results = Path.of("results");
        try (Stream<Path> folders = Files.list(results)) {
            final List<Path> files = folders.map(folder -> folder.resolve("results.json")).filter(Files::exists)
                    .toList();
            assertThat(files).hasSizeGreaterThan(100);
            for (final Path file : files) {
                final RunRow row = RunRow.of(file.getParent().getFileName().toString(),
                        ResultsJson.read(file, Results.class), RATES);
                assertThat(row.commit()).as(file.toString()).hasSizeGreaterThanOrEqualTo(7);
            }
        }

        final RunRow runU = RunRow.of("20261127T153933Z",
                ResultsJson.read(results.resolve("20261127T153933Z/results.json"), Results.class), RATES);
        // docs/benchmarks.md, "Where things stand" and "Run U" (its tree held uncommitted notes: "+").
        assertThat(runU.markdown()).isEqualTo("| 20261127T153933Z | 5dd6a68+ | 5,944 | 38 / 72 | 85 / 301 | 971 / 2,515 "
                + "| 8,290 (1.39×; behind) | 3,046 |");
    }
}
