package dev.wallet.benchmark.report;

import dev.wallet.benchmark.sample.ProcFs.JvmLaunch;
import dev.wallet.benchmark.sample.Sample;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/**
 * {@code report.html}: one self-contained page (inline SVG, no scripts) with throughput over time,
 * read-side lag over time, the latency percentile curve of every step, p50/p99 against offered
 * rate, and the tables of steps, baseline and per-process CPU.
 */
public final class HtmlReport {

    /** The percentile axis stops at 99.999 (5 nines); the max is in the tables. */
    private static final double NINES_MAX = 5;

    private HtmlReport() {
    }

    public static void write(final Results results, final Path file) throws IOException {
        Files.writeString(file, render(results));
    }

    static String render(final Results results) {
        final StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html><html><head><meta charset='utf-8'><title>Wallet benchmark ")
                .append(SvgChart.escape(results.startedAt())).append("</title><style>")
                .append("body{font-family:sans-serif;margin:20px;max-width:1100px}table{border-collapse:collapse;"
                        + "font-size:12px}td,th{border:1px solid #ccc;padding:3px 6px;text-align:right}"
                        + "th{background:#f4f4f4}td:first-child{text-align:left}</style></head><body>\n");
        html.append("<h1>Wallet benchmark</h1><p>Started ").append(SvgChart.escape(results.startedAt()))
                .append(", commit <code>").append(SvgChart.escape(String.valueOf(results.gitCommit())))
                .append("</code>. Machine: ").append(results.machine().cores()).append(" cores, ")
                .append(results.machine().memoryMib()).append(" MiB, kernel ")
                .append(SvgChart.escape(results.machine().kernel())).append(", load generator's JDK ")
                .append(SvgChart.escape(results.machine().jdk())).append(", load average at start ")
                .append(SvgChart.escape(results.machine().loadAverageAtStart())).append(".</p>\n");
        html.append(jvmLine(results.settings().get("jvms")));
        for (final String note : results.notes()) {
            html.append("<p><em>").append(SvgChart.escape(note)).append("</em></p>\n");
        }
        html.append("<h2>Throughput over time</h2>").append(throughputChart(results.series()));
        html.append("<h2>Latency over time (p50, p99 and max of the outcomes seen in each second)</h2>")
                .append(latencyChart(results.series()));
        html.append("<h2>Read-side lag over time</h2>").append(lagChart(results.series()));
        html.append("<h2>Latency percentiles per step</h2>").append(percentileChart(results));
        html.append("<h2>Latency against offered rate</h2>").append(knee(results.steps()));
        html.append("<h2>Steps</h2>").append(stepTable(results.steps()));
        html.append("<h2>Latency by stage (p50 / p99 / max ms; the stage ends at the transfer's first event in"
                + " that phase)</h2>").append(stageTable(results.steps()));
        html.append("<h2>Exactly-once commits (commits/s; ms each commit waited: flush + send offsets + end"
                + " transaction = total; loop turns that ran a punctuator)</h2>").append(commitTable(results.steps()));
        html.append("<h2>The read side's PostgreSQL WAL (per transfer: over the step's outcomes)</h2>")
                .append(walTable(results.steps()));
        html.append("<h2>Baseline: PostgreSQL alone</h2>").append(baselineTable(results.baseline()));
        html.append("<h2>Comparison</h2>").append(mapTable(results.comparison()));
        html.append("<h2>CPU per process (CPU-seconds per 1000 transfers / average cores, of which JIT)</h2>")
                .append(processTable(results.steps()));
        html.append("<h2>Busiest threads of each JVM (average cores; ids as &lt;id&gt;, numbers as #)</h2>")
                .append(threadTable(results.steps()));
        html.append("<h2>Context switches per process (per transfer / per second)</h2>")
                .append(switchTable(results.steps()));
        html.append("<h2>Garbage collection pauses of each JVM (pauses / ms in all (share of the step) / mean ms)</h2>")
                .append(gcTable(results.steps()));
        return html.append("</body></html>\n").toString();
    }

    private static String throughputChart(final List<Sample> series) {
        final List<double[]> points = series.stream().map(s -> new double[] {s.atSeconds(), s.outcomesPerSecond()})
                .toList();
        return withStepMarkers(new SvgChart("seconds since start", "transfer outcomes / s", false, SvgChart::number)
                .series("outcomes/s", points), series).render();
    }

    private static String latencyChart(final List<Sample> series) {
        final List<Sample> withOutcomes = series.stream().filter(s -> s.latency() != null).toList();
        return withStepMarkers(new SvgChart("seconds since start", "latency ms (log)", true, SvgChart::number)
                .series("p50", line(withOutcomes, Sample.Latency::p50Ms))
                .series("p99", line(withOutcomes, Sample.Latency::p99Ms))
                .series("max", line(withOutcomes, Sample.Latency::maxMs)), series).render();
    }

    private static List<double[]> line(final List<Sample> samples, final ToDoubleFunction<Sample.Latency> value) {
        return samples.stream().map(s -> new double[] {s.atSeconds(), value.applyAsDouble(s.latency())}).toList();
    }

    private static String lagChart(final List<Sample> series) {
        final List<double[]> points = series.stream().filter(s -> s.readSideLagRecords() >= 0)
                .map(s -> new double[] {s.atSeconds(), s.readSideLagRecords()}).toList();
        return withStepMarkers(new SvgChart("seconds since start", "records not yet projected", false,
                SvgChart::number).series("balance-query lag", points), series).render();
    }

    private static SvgChart withStepMarkers(final SvgChart chart, final List<Sample> series) {
        String previous = "";
        for (final Sample sample : series) {
            if (!sample.step().equals(previous) && !"idle".equals(sample.step())) {
                chart.marker(sample.atSeconds(), sample.step());
            }
            previous = sample.step();
        }
        return chart;
    }

    private static String percentileChart(final Results results) {
        final SvgChart chart = new SvgChart("percentile", "latency ms (log)", true, HtmlReport::percentileLabel);
        for (final StepResult step : results.steps()) {
            chart.series(step.name(), curve(step.latency()));
        }
        if (results.baseline() != null) {
            chart.series("postgres-baseline", curve(results.baseline().latency()));
        }
        return chart.render();
    }

    private static List<double[]> curve(final LatencySummary latency) {
        final List<double[]> points = new ArrayList<>();
        for (final LatencySummary.PercentilePoint point : latency.curve()) {
            final double nines = point.percentile() >= 100 ? NINES_MAX : -Math.log10(1 - point.percentile() / 100);
            points.add(new double[] {Math.min(NINES_MAX, nines), point.latencyMs()});
        }
        return points;
    }

    private static String percentileLabel(final double nines) {
        final double percentile = 100 * (1 - Math.pow(10, -nines));
        return String.format(Locale.ROOT, "%s", percentile >= 99 ? String.format(Locale.ROOT, "%.3f", percentile)
                : String.format(Locale.ROOT, "%.0f", percentile));
    }

    private static String knee(final List<StepResult> steps) {
        final SvgChart chart = new SvgChart("offered transfers / s", "latency ms (log)", true, SvgChart::number);
        final TreeSet<String> modes = new TreeSet<>();
        steps.stream().filter(s -> "paced".equals(s.kind())).forEach(s -> modes.add(s.mode()));
        for (final String mode : modes) {
            final List<StepResult> paced = steps.stream()
                    .filter(s -> "paced".equals(s.kind()) && mode.equals(s.mode()) && s.offeredPerSecond() != null)
                    .toList();
            chart.series(mode + " p50", paced.stream().map(s -> new double[] {s.offeredPerSecond(), s.latency().p50Ms()})
                    .toList());
            chart.series(mode + " p99", paced.stream().map(s -> new double[] {s.offeredPerSecond(), s.latency().p99Ms()})
                    .toList());
        }
        return chart.render();
    }

    private static String stepTable(final List<StepResult> steps) {
        final StringBuilder table = new StringBuilder("<table><tr><th>step</th><th>mode</th><th>offered/s</th>"
                + "<th>sent</th><th>completed</th><th>failed</th><th>send errors</th><th>incomplete</th>"
                + "<th>outcomes/s</th><th>completed/s</th><th>p50 ms</th><th>p90 ms</th><th>p99 ms</th>"
                + "<th>p99.9 ms</th><th>max ms</th><th>lag max</th><th>records/transfer</th><th>lag growing</th></tr>\n");
        for (final StepResult s : steps) {
            table.append("<tr><td>").append(SvgChart.escape(s.name())).append("</td><td>").append(s.mode())
                    .append("</td><td>").append(s.offeredPerSecond() == null ? "max" : SvgChart.number(s.offeredPerSecond()))
                    .append(cells(s.sent(), s.completed(), s.failed(), s.sendErrors(), s.incomplete(),
                            s.outcomesPerSecond(), s.completedPerSecond(), s.latency().p50Ms(), s.latency().p90Ms(),
                            s.latency().p99Ms(), s.latency().p999Ms(), s.latency().maxMs(), s.readSideLag().maxRecords(),
                            s.recordsPerTransfer()))
                    .append("<td>").append(s.readSideLag().growing()).append("</td></tr>\n");
        }
        return table.append("</table>\n").toString();
    }

    /** Per-step WAL of the read side's PostgreSQL; steps without the figures are left out. */
    private static String walTable(final List<StepResult> steps) {
        final StringBuilder table = new StringBuilder("<table><tr><th>step</th><th>MB/s</th><th>bytes/transfer</th>"
                + "<th>records/transfer</th><th>full page images</th><th>WAL buffers full</th><th>checkpoints</th>"
                + "</tr>\n");
        for (final StepResult s : steps) {
            final ReadSideWal wal = s.readSideWal();
            if (wal != null) {
                table.append("<tr><td>").append(SvgChart.escape(s.name())).append("</td>")
                        .append(cells(wal.megabytesPerSecond(), wal.bytesPerTransfer(), wal.recordsPerTransfer(),
                                wal.fullPageImages(), wal.buffersFull()))
                        .append("<td>").append(wal.checkpoints() == null ? "?" : wal.checkpoints())
                        .append("</td></tr>\n");
            }
        }
        return table.append("</table>\n").toString();
    }

    /** Per-step CPU of each process: CPU-seconds per 1000 transfers / average cores (JIT share). */
    private static String processTable(final List<StepResult> steps) {
        return columnTable(steps, new TreeSet<>(keysInOrder(steps, StepResult::processes)), StepResult::processes,
                cost -> String.format(Locale.ROOT, "%.3f / %.2f (%.2f)", cost.cpuSecondsPer1000Transfers(),
                        cost.averageCores(), cost.jitAverageCores()), "", null);
    }

    /** Per-step context switches of each process: per transfer / per second. */
    private static String switchTable(final List<StepResult> steps) {
        return columnTable(steps, new TreeSet<>(keysInOrder(steps, StepResult::processes)), StepResult::processes,
                cost -> String.format(Locale.ROOT, "%.1f / %,.0f", cost.contextSwitchesPerTransfer(),
                        cost.contextSwitchesPerSecond()), "", null);
    }

    /** Per-step garbage collection pauses of each JVM that has them; steps and JVMs without them are blank. */
    private static String gcTable(final List<StepResult> steps) {
        final Set<String> jvms = new TreeSet<>();
        steps.forEach(s -> s.processes().forEach((name, cost) -> {
            if (cost.gcPauses() != null) {
                jvms.add(name);
            }
        }));
        return columnTable(steps, jvms, StepResult::processes, cost -> cost.gcPauses() == null ? ""
                : String.format(Locale.ROOT, "%d / %,.0f (%.1f%%) / %.1f", cost.gcPauses().pauses(),
                        cost.gcPauses().pauseSeconds() * 1000, cost.gcPauses().pausedShare() * 100,
                        cost.gcPauses().meanPauseMs()), "", null);
    }

    /** Per-step busiest thread groups of each JVM that has them, busiest first, one per line. */
    private static String threadTable(final List<StepResult> steps) {
        final Set<String> jvms = new TreeSet<>();
        steps.forEach(s -> s.processes().forEach((name, cost) -> {
            if (!cost.busiestThreads().isEmpty()) {
                jvms.add(name);
            }
        }));
        return columnTable(steps, jvms, StepResult::processes, cost -> threadLines(cost.busiestThreads()), "", null);
    }

    private static String threadLines(final Map<String, Double> threads) {
        return threads.entrySet().stream()
                .map(t -> SvgChart.escape(t.getKey()) + String.format(Locale.ROOT, " %.2f", t.getValue()))
                .collect(Collectors.joining("<br>"));
    }

    /** Per-step latency by stage, in the order the steps list the stages: the order a transfer passes them. */
    private static String stageTable(final List<StepResult> steps) {
        return columnTable(steps, keysInOrder(steps, StepResult::latencyByStage), StepResult::latencyByStage,
                HtmlReport::stageCell, "<th>whole (outcome)</th>", s -> stageCell(s.latency()));
    }

    /** Per-step exactly-once commits of each Streams service. */
    private static String commitTable(final List<StepResult> steps) {
        return columnTable(steps, keysInOrder(steps, StepResult::commits), StepResult::commits,
                c -> String.format(Locale.ROOT, "%.1f/s; %.1f + %.1f + %.1f = %.1f ms", c.commitsPerSecond(),
                        c.flushMsPerCommit(), c.sendOffsetsMsPerCommit(), c.endTxnMsPerCommit(),
                        c.totalMsPerCommit())
                        + (c.punctuationsPerSecond() == null ? ""
                                : String.format(Locale.ROOT, "; %.0f punctuating turns/s", c.punctuationsPerSecond()))
                        + (c.busyAskShare() == null ? ""
                                : String.format(Locale.ROOT, "; %.0f%% of asks busy", c.busyAskShare() * 100)),
                "", null);
    }

    private static <V> Set<String> keysInOrder(final List<StepResult> steps,
                                               final Function<StepResult, Map<String, V>> values) {
        final Set<String> keys = new LinkedHashSet<>();
        steps.forEach(s -> keys.addAll(values.apply(s).keySet()));
        return keys;
    }

    /**
     * A row per step and a column per key; each cell renders the step's value under that key (empty
     * when the step has none). {@code lastCell}, when not null, adds a column headed {@code lastHeader}.
     */
    private static <V> String columnTable(final List<StepResult> steps, final Set<String> keys,
                                          final Function<StepResult, Map<String, V>> values,
                                          final Function<V, String> cell, final String lastHeader,
                                          final Function<StepResult, String> lastCell) {
        final StringBuilder table = new StringBuilder("<table><tr><th>step</th>");
        keys.forEach(k -> table.append("<th>").append(SvgChart.escape(k)).append("</th>"));
        table.append(lastHeader).append("</tr>\n");
        for (final StepResult s : steps) {
            table.append("<tr><td>").append(SvgChart.escape(s.name())).append("</td>");
            for (final String key : keys) {
                final V value = values.apply(s).get(key);
                table.append("<td>").append(value == null ? "" : cell.apply(value)).append("</td>");
            }
            if (lastCell != null) {
                table.append("<td>").append(lastCell.apply(s)).append("</td>");
            }
            table.append("</tr>\n");
        }
        return table.append("</table>\n").toString();
    }

    private static String stageCell(final LatencySummary latency) {
        return String.format(Locale.ROOT, "%,.0f / %,.0f / %,.0f", latency.p50Ms(), latency.p99Ms(), latency.maxMs());
    }

    private static String baselineTable(final BaselineResult b) {
        if (b == null) {
            return "<p>No baseline in this run.</p>\n";
        }
        return "<table><tr><th>PostgreSQL</th><th>clients</th><th>accounts</th><th>seconds</th><th>committed</th>"
                + "<th>declined</th><th>retries</th><th>transfers/s</th><th>p50 ms</th><th>p99 ms</th>"
                + "<th>max ms</th><th>money conserved</th></tr><tr><td>" + SvgChart.escape(b.postgresVersion())
                + "</td>" + cells(b.clients(), b.accounts(), b.seconds(), b.committed(), b.declined(), b.retries(),
                b.transfersPerSecond(), b.latency().p50Ms(), b.latency().p99Ms(), b.latency().maxMs())
                + "<td>" + b.moneyConserved() + "</td></tr></table><p>Server settings: "
                + SvgChart.escape(b.serverSettings().toString()) + "</p>\n";
    }

    private static String mapTable(final Map<String, Object> values) {
        final StringBuilder table = new StringBuilder("<table>");
        values.forEach((k, v) -> table.append("<tr><td>").append(SvgChart.escape(k)).append("</td><td>")
                .append(SvgChart.escape(String.valueOf(v))).append("</td></tr>"));
        return table.append("</table>\n").toString();
    }

    private static String cells(final Object... values) {
        final StringBuilder cells = new StringBuilder();
        for (final Object value : values) {
            cells.append("<td>").append(value instanceof Double d ? String.format(Locale.ROOT, "%,.1f", d)
                    : String.valueOf(value)).append("</td>");
        }
        return cells.toString();
    }

    /** The stack's JVMs as started (settings.jvms): each one's JDK and options; nothing when not recorded. */
    static String jvmLine(final Object jvms) {
        if (!(jvms instanceof Map<?, ?> byProcess) || byProcess.isEmpty()) {
            return "";
        }
        final String each = byProcess.entrySet().stream()
                .filter(e -> e.getValue() instanceof JvmLaunch)
                .map(e -> e.getKey() + ": " + ((JvmLaunch) e.getValue()).describe())
                .collect(Collectors.joining("; "));
        return "<p>JVMs as started: " + SvgChart.escape(each) + ".</p>\n";
    }
}
