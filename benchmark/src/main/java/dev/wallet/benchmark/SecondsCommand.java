package dev.wallet.benchmark;

import dev.wallet.benchmark.report.Results;
import dev.wallet.benchmark.report.ResultsJson;
import dev.wallet.benchmark.report.StepSeconds;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Prints each step's seconds side by side from a {@code results.json} ({@link StepSeconds}): the
 * figures of docs/benchmarks.md, "Latency second by second".
 */
@Command(name = "seconds", description = "Summarize each step's per-second latency from a results.json.")
final class SecondsCommand implements Callable<Integer> {

    @Parameters(index = "0", description = "a results.json written since the per-second latency (7c4c8cb)")
    private Path results;

    @Option(names = "--over-ms", defaultValue = "100", description = "count the seconds whose p99 is over this")
    private double overMs;

    @Override
    public Integer call() throws Exception {
        final Results read = ResultsJson.read(results, Results.class);
        for (final StepSeconds step : StepSeconds.of(read.series(), overMs)) {
            System.out.println(step.describe());
        }
        return 0;
    }
}
