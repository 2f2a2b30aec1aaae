package dev.wallet.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunsCommandTest {

    @TempDir
    Path dir;

    @Test
    void shouldPrintOneRowPerRunInTheOrderGivenNamedWhereAsked() throws IOException {
        final Path first = run("20261127T100000Z", 4_000);
        final Path second = run("20261127T110000Z", 8_000);

        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final int exit = Cli.execute(out, "runs", "--rates", "1000", "B=" + second, first.resolve("results.json").toString());

        assertThat(exit).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8).lines().toList()).containsExactly(
                "| run | commit | baseline/s | pipeline 1,000/s: p50 / p99 ms "
                        + "| pipeline max/s (× baseline; read side) | HTTP max/s |",
                "|---|---|---|---|---|---|",
                "| B (20261127T110000Z) | abc1234 | 8,000 | 40 / 90 | – | – |",
                "| 20261127T100000Z | abc1234 | 4,000 | 40 / 90 | – | – |");
    }

    @Test
    void shouldRefuseAFolderWithoutResultsBeforePrintingAnything() throws IOException {
        final Path good = run("20261127T100000Z", 4_000);
        final ByteArrayOutputStream out = new ByteArrayOutputStream();

        final int exit = Cli.execute(out, "runs", good.toString(), dir.resolve("missing").toString());

        assertThat(exit).isEqualTo(2);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    private Path run(final String folder, final int baseline) throws IOException {
        final Path run = Files.createDirectories(dir.resolve(folder));
        Files.writeString(run.resolve("results.json"), """
                {"git_commit": "abc1234def", "baseline": {"transfers_per_second": %d},
                 "steps": [{"name": "pipeline-1000", "latency": {"p50_ms": 40, "p99_ms": 90}}]}
                """.formatted(baseline));
        return run;
    }
}
