package dev.wallet.benchmark;

import dev.wallet.benchmark.report.Results;
import dev.wallet.benchmark.report.StepResult;
import java.io.PrintStream;
import java.util.Locale;

/** The few lines a person reads at the end of a run. */
final class Summary {

    private Summary() {
    }

    static void print(final Results results, final PrintStream out) {
        out.printf(Locale.ROOT, "%-18s %9s %9s %9s %9s %11s %9s %9s %9s %9s%n", "step", "offered/s", "sent",
                "completed", "failed", "completed/s", "p50 ms", "p99 ms", "max ms", "lag max");
        for (final StepResult s : results.steps()) {
            out.printf(Locale.ROOT, "%-18s %9s %9d %9d %9d %11.1f %9.1f %9.1f %9.1f %9d%n", s.name(),
                    s.offeredPerSecond() == null ? "max" : Long.toString(Math.round(s.offeredPerSecond())), s.sent(),
                    s.completed(), s.failed(), s.completedPerSecond(), s.latency().p50Ms(), s.latency().p99Ms(),
                    s.latency().maxMs(), s.readSideLag().maxRecords());
        }
        if (results.baseline() != null) {
            out.printf(Locale.ROOT, "baseline (PostgreSQL %s, %d clients): %.1f transfers/s, p50 %.2f ms, p99 %.2f ms%n",
                    results.baseline().postgresVersion(), results.baseline().clients(),
                    results.baseline().transfersPerSecond(), results.baseline().latency().p50Ms(),
                    results.baseline().latency().p99Ms());
        }
        results.comparison().forEach((k, v) -> out.printf(Locale.ROOT, "%s: %s%n", k, v));
    }
}
