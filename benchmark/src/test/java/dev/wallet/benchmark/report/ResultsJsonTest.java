package dev.wallet.benchmark.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wallet.benchmark.sample.JvmPerfData.GcTotals;
import dev.wallet.benchmark.sample.ProcFs;
import dev.wallet.benchmark.sample.Sample;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsJsonTest {

    @TempDir
    Path dir;

    @Test
    void shouldWriteTheDocumentedSnakeCaseShape() throws Exception {
        final Path file = dir.resolve("results.json");
        ResultsJson.write(sampleResults(), file);

        final JsonNode json = new ObjectMapper().readTree(file.toFile());

        assertThat(json.get("format").asText()).isEqualTo(Results.FORMAT);
        assertThat(json.get("git_commit").asText()).isEqualTo("abc123");
        assertThat(json.at("/machine/cores").asInt()).isEqualTo(2);
        assertThat(json.at("/machine/memory_mib").asLong()).isEqualTo(24_000);
        assertThat(json.at("/settings/accounts").asInt()).isEqualTo(1_000);
        assertThat(json.at("/settings/jvms/saga-orchestrator/options/1").asText()).isEqualTo("-XX:+UseSerialGC");
        final JsonNode step = json.at("/steps/0");
        assertThat(step.get("name").asText()).isEqualTo("pipeline-2500");
        assertThat(step.get("offered_per_second").asDouble()).isEqualTo(2_500);
        assertThat(step.get("completed_per_second").asDouble()).isEqualTo(2_400);
        assertThat(step.at("/latency/p99_ms").asDouble()).isPositive();
        assertThat(step.at("/latency/p999_ms").isNumber()).isTrue();
        assertThat(step.at("/latency/curve/0/percentile").isNumber()).isTrue();
        assertThat(step.at("/latency_by_stage/request_to_accepted/p50_ms").asDouble()).isPositive();
        assertThat(step.at("/processes/saga-orchestrator/cpu_seconds_per_1000_transfers").asDouble())
                .isEqualTo(10 * 1000.0 / 48_100, org.assertj.core.api.Assertions.within(0.0001));
        assertThat(step.at("/processes/saga-orchestrator/average_cores").asDouble()).isEqualTo(0.5);
        assertThat(step.at("/processes/saga-orchestrator/jit_average_cores").asDouble()).isEqualTo(0.1);
        assertThat(step.at("/processes/saga-orchestrator/busiest_threads/wallet-saga-orchestrator-<id>-StreamThread-#")
                .asDouble()).isEqualTo(0.4);
        assertThat(step.at("/processes/saga-orchestrator/context_switches_per_second").asDouble()).isEqualTo(14_430);
        assertThat(step.at("/processes/saga-orchestrator/context_switches_per_transfer").asDouble()).isEqualTo(6.0);
        assertThat(step.at("/processes/saga-orchestrator/system_share").asDouble()).isEqualTo(0.4);
        assertThat(step.at("/processes/saga-orchestrator/gc_pauses/pauses").asLong()).isEqualTo(20);
        assertThat(step.at("/processes/saga-orchestrator/gc_pauses/pause_seconds").asDouble()).isEqualTo(0.3);
        assertThat(step.at("/processes/saga-orchestrator/gc_pauses/paused_share").asDouble()).isEqualTo(0.015);
        assertThat(step.at("/processes/saga-orchestrator/gc_pauses/mean_pause_ms").asDouble()).isEqualTo(15.0);
        assertThat(step.at("/read_side_lag/growing").asBoolean()).isFalse();
        assertThat(step.at("/commits/saga-orchestrator/commits_per_second").asDouble()).isEqualTo(45.5);
        assertThat(step.at("/commits/saga-orchestrator/flush_ms_per_commit").asDouble()).isEqualTo(7.2);
        assertThat(step.at("/commits/saga-orchestrator/punctuations_per_second").asDouble()).isEqualTo(130.0);
        assertThat(step.at("/commits/saga-orchestrator/busy_ask_share").asDouble()).isEqualTo(0.25);
        assertThat(step.at("/records_written/wallet.transfer-events").asLong()).isEqualTo(150_000);
        assertThat(step.get("records_per_transfer").asDouble()).isEqualTo(3.1);
        assertThat(step.at("/read_side_wal/bytes_per_transfer").asDouble()).isEqualTo(2_010.5);
        assertThat(step.at("/read_side_wal/checkpoints").asLong()).isEqualTo(1);
        assertThat(json.at("/steps/1/read_side_wal").isNull()).isTrue();
        assertThat(step.at("/machine_cpu/steal").asDouble()).isEqualTo(0.1);
        assertThat(step.at("/machine_cpu/interrupts").asDouble()).isEqualTo(0.05);
        // What MachineCpu derives (busy, kernel share) is not written: the six kinds only.
        assertThat(step.get("machine_cpu").fieldNames()).toIterable()
                .containsExactly("user", "system", "interrupts", "steal", "iowait", "idle");
        assertThat(json.at("/baseline/transfers_per_second").asDouble()).isEqualTo(4_800);
        assertThat(json.at("/baseline/money_conserved").asBoolean()).isTrue();
        assertThat(json.at("/baseline/processes/postgres/gc_pauses").isNull()).isTrue();
        assertThat(json.at("/comparison/pipeline_max_ratio_to_baseline").asDouble()).isEqualTo(0.5);
        assertThat(json.at("/series/0/outcomes_per_second").asLong()).isEqualTo(2_400);
        assertThat(json.at("/series/0/read_side_lag_records").asLong()).isEqualTo(120);
        assertThat(json.at("/series/0/latency/p99_ms").asDouble()).isEqualTo(150.5);
        assertThat(json.at("/series/0/latency/max_ms").asDouble()).isEqualTo(210.0);
        assertThat(json.at("/series/0/cores_by_process/kafka-node-1").asDouble()).isEqualTo(0.4);
    }

    @Test
    void shouldReadBackTheBaselineItWrote() throws Exception {
        final Path file = dir.resolve("baseline.json");
        final BaselineResult written = sampleResults().baseline();
        ResultsJson.write(written, file);

        assertThat(ResultsJson.read(file, BaselineResult.class)).isEqualTo(written);
    }

    @Test
    void shouldRenderAViewableReportWithEveryChart() throws Exception {
        final Path file = dir.resolve("report.html");
        HtmlReport.write(sampleResults(), file);

        final String html = Files.readString(file);
        assertThat(html).startsWith("<!DOCTYPE html>").endsWith("</html>\n");
        assertThat(html.split("<svg ", -1)).hasSize(6);
        assertThat(html).contains("Latency over time");
        assertThat(html).contains("pipeline-2500", "postgres-baseline", "abc123");
        assertThat(html).contains("Busiest threads", "wallet-saga-orchestrator-&lt;id&gt;-StreamThread-# 0.40");
        assertThat(html).contains("Context switches per process", "6.0 / 14,430");
        assertThat(html).contains("Garbage collection pauses of each JVM", "20 / 300 (1.5%) / 15.0");
        assertThat(html).contains("PostgreSQL WAL", "<td>2,010.5</td><td>19.2</td><td>1041</td>");
        assertThat(html).contains("JVMs as started: saga-orchestrator: JDK 25.0.1 -Xmx512m -XX:+UseSerialGC.");
    }

    private static Results sampleResults() {
        final Histogram micros = new Histogram(3_600_000_000L, 3);
        micros.recordValue(40_000);
        micros.recordValue(90_000);
        final LatencySummary latency = LatencySummary.of(micros);
        final StepResult step = new StepResult("pipeline-2500", "pipeline", "paced", 2_500.0, 20_000, 20.0, 50_000,
                48_000, 100, Map.of("INSUFFICIENT_FUNDS", 100L), 0, Map.of(), 0, 2_405.0, 2_400.0, latency,
                Map.of("request_to_accepted", latency), Map.of("saga-orchestrator", ProcessCost.of(10, 4, 2,
                        Map.of("wallet-saga-orchestrator-<id>-StreamThread-#", 8.0), 288_600,
                        GcPauses.between(new GcTotals(10, 1_000_000_000L), new GcTotals(30, 1_300_000_000L), 20),
                        20, 48_100)),
                Map.of("saga-orchestrator", new CommitTiming(45.5, 7.2, 4.6, 2.1, 130.0, 0.25)),
                LagSummary.of(List.of(new double[] {0, 100}, new double[] {1, 120}, new double[] {2, 90}), 2_405),
                Map.of("wallet.transfer-events", 150_000L), 3.1, new ReadSideWal(4.8, 2_010.5, 19.2, 1_041, 3, 1L),
                new MachineCpu(1.2, 0.3, 0.05, 0.1, 0.01, 0.34));
        final StepResult max = new StepResult("pipeline-max", "pipeline", "max", null, 20_000, 60.0, 150_000, 144_000,
                0, Map.of(), 0, Map.of(), 0, 2_400.0, 2_400.0, latency, Map.of(), Map.of(), Map.of(), LagSummary.of(List.of(), 0), Map.of(), 0, null, null);
        final BaselineResult baseline = new BaselineResult("17.11", 8, 1_000, 10.0, 48_000, 0, 0, 4_800.0, latency,
                true, Map.of("fsync", "on"), Map.of("postgres", ProcessCost.of(12, 10, 48_000)));
        final List<StepResult> steps = List.of(step, max);
        final ProcFs.JvmLaunch saga = new ProcFs.JvmLaunch("/jdk/bin/java", "25.0.1",
                List.of("-Xmx512m", "-XX:+UseSerialGC"));
        return new Results(Results.FORMAT, "2026-11-25T13:00:00Z", "2026-11-25T13:05:00Z", "abc123",
                new Machine(2, 24_000, "6.1", "Linux amd64", "17", "OpenJDK", "1.0 1.0 1.0"),
                Map.of("accounts", 1_000, "jvms", Map.of("saga-orchestrator", saga)), steps, baseline,
                dev.wallet.benchmark.ComparisonAccess.of(steps, baseline),
                List.of(new Sample(1.0, "pipeline-2500", 2_400, new Sample.Latency(80.0, 150.5, 210.0), 120, Map.of("kafka-node-1", 0.4),
                        Map.of("kafka-node-1", 400L))), List.of("a note"));
    }
}
