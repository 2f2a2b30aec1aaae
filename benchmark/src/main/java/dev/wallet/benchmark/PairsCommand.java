package dev.wallet.benchmark;

import dev.wallet.benchmark.report.ArmPairs;
import dev.wallet.benchmark.report.Results;
import dev.wallet.benchmark.report.ResultsJson;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Compares an experiment's arms pair by pair ({@link ArmPairs}): the figures docs/benchmarks.md's
 * experiments quote, each before → after with its ratio, the median ratio and how often after was lower.
 */
@Command(name = "pairs", description = "Compare an experiment's arms pair by pair: before → after, ratios, medians.")
final class PairsCommand implements Callable<Integer> {

    @Parameters(arity = "2..*", paramLabel = "BEFORE AFTER",
            description = "results folders or results.json files, two per pair: the run before the change, then "
                    + "the run after it, e.g. the two arms measured back to back")
    private List<Path> runs;

    @Option(names = "--quiet-steps", split = ",", defaultValue = ArmPairs.QUIET_STEPS_DEFAULT,
            description = "the steps the CPU, kernel and WAL figures are medians of, leaving out any with a checkpoint "
                    + "(default ${DEFAULT-VALUE})")
    private List<String> quietSteps;

    @Option(names = "--rates", split = ",", defaultValue = "1000,2500,5000",
            description = "the pipeline steps' offered rates to compare p50 and p99 of (default ${DEFAULT-VALUE})")
    private List<Integer> rates;

    @Override
    public Integer call() throws Exception {
        if (runs.size() % 2 != 0) {
            System.err.println("pairs: " + runs.size() + " runs given; give two per pair, before then after");
            return 2;
        }
        final List<ArmPairs.Arm> arms = new ArrayList<>();
        for (final Path run : runs) {
            final Optional<Path> file = ResultsJson.runFile(run);
            if (file.isEmpty()) {
                System.err.println("pairs: no results.json at " + run);
                return 2;
            }
            arms.add(new ArmPairs.Arm(file.get().toAbsolutePath().getParent().getFileName().toString(),
                    ResultsJson.read(file.get(), Results.class)));
        }
        final List<ArmPairs.Pair> pairs = new ArrayList<>();
        for (int i = 0; i < arms.size(); i += 2) {
            pairs.add(new ArmPairs.Pair(arms.get(i), arms.get(i + 1)));
        }
        // UTF-8 whatever the locale, as the Markdown it goes into (the table has → and –).
        new PrintStream(System.out, true, StandardCharsets.UTF_8).print(ArmPairs.of(pairs, quietSteps, rates).markdown());
        return 0;
    }
}
