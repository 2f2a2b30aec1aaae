package dev.wallet.benchmark;

import dev.wallet.benchmark.report.Results;
import dev.wallet.benchmark.report.ResultsJson;
import dev.wallet.benchmark.report.RunRow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
        System.out.println(RunRow.header(rates));
        for (final String run : runs) {
            final int named = run.indexOf('=');
            final Path given = Path.of(run.substring(named + 1));
            final Path file = Files.isDirectory(given) ? given.resolve("results.json") : given;
            final String folder = file.toAbsolutePath().getParent().getFileName().toString();
            final String name = named < 0 ? folder : run.substring(0, named) + " (" + folder + ")";
            System.out.println(RunRow.of(name, ResultsJson.read(file, Results.class), rates).markdown());
        }
        return 0;
    }
}
