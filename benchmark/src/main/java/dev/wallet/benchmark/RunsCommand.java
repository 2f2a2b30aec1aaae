package dev.wallet.benchmark;

import dev.wallet.benchmark.report.Results;
import dev.wallet.benchmark.report.ResultsJson;
import dev.wallet.benchmark.report.RunRow;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Prints runs side by side as a Markdown table ({@link RunRow}): the runs table of docs/benchmarks.md,
 * "Where things stand".
 */
@Command(name = "runs", description = "Print runs' headline figures side by side as a Markdown table.")
final class RunsCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "[NAME=]RESULTS",
            description = "results folders or results.json files, one row each, in the order given; "
                    + "a NAME= in front names the row, e.g. U=benchmark/results/20261127T153933Z")
    private List<String> runs;

    @Option(names = "--rates", split = ",", defaultValue = "1000,2500,5000",
            description = "the pipeline steps' offered rates to show p50 / p99 of (default ${DEFAULT-VALUE})")
    private List<Integer> rates;

    @Override
    public Integer call() throws Exception {
        final List<Map.Entry<String, Path>> files = new ArrayList<>();
        for (final String run : runs) {
            final int named = run.indexOf('=');
            final Path given = Path.of(run.substring(named + 1));
            final Optional<Path> file = ResultsJson.runFile(given);
            if (file.isEmpty()) {
                System.err.println("runs: no results.json at " + given);
                return 2;
            }
            final String folder = file.get().toAbsolutePath().getParent().getFileName().toString();
            files.add(Map.entry(named < 0 ? folder : run.substring(0, named) + " (" + folder + ")", file.get()));
        }
        // UTF-8 whatever the locale, as the Markdown it goes into (the table has × and –).
        final PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        out.println(RunRow.header(rates));
        for (final Map.Entry<String, Path> run : files) {
            out.println(RunRow.of(run.getKey(), ResultsJson.read(run.getValue(), Results.class), rates).markdown());
        }
        return 0;
    }
}
