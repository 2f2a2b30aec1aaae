package dev.wallet.benchmark.report;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * An experiment's arms compared pair by pair: each pair is a run of the code before a change and
 * a run of the code after it, measured back to back, so that the machine's drift within a session
 * (up to 1.7 times here) falls mostly between pairs, not within one. Each figure is shown as before
 * → after with their ratio, then the median ratio over the pairs and in how many pairs the after arm
 * was lower: the comparison docs/benchmarks.md's experiments make.
 *
 * <p>The rows: the PostgreSQL baseline; the CPU per transfer of all processes and of each; the
 * machine's busy cores, the kernel's share of them and the hypervisor's steal ({@link MachineCpu}); each
 * process's kernel share ({@link ProcessCost#systemShare()}, left out where a run did not measure it);
 * the read side's WAL per transfer; the peak; the p50 and p99 at the rates asked for.
 *
 * <p>The CPU, kernel and WAL figures are medians over the run's quiet steps: steps named in
 * {@link #QUIET_STEPS} by default (warm-up rounds 3 to 5 and the 2,500/s step: paced, at rates every
 * run so far kept up with) in which the read side's PostgreSQL started no checkpoint, as a
 * checkpoint's full-page images can double the WAL of the step it falls in (docs/benchmarks.md, run
 * W). A run whose server does not count checkpoints keeps all its quiet steps.
 */
public final class ArmPairs {

    /** The steps a figure over quiet steps is the median of, unless others are named, comma-separated. */
    public static final String QUIET_STEPS_DEFAULT = "pipeline-warmup-3,pipeline-warmup-4,pipeline-warmup-5,pipeline-2500";

    /** The same as a list. */
    public static final List<String> QUIET_STEPS = List.of(QUIET_STEPS_DEFAULT.split(","));

    private static final String NONE = "–";

    /** One arm: a run's name (its folder) and what it measured. */
    public record Arm(String name, Results results) {
    }

    /** The code before and after the change, measured back to back. */
    public record Pair(Arm before, Arm after) {
    }

    /** A figure of a run and how to print it; lower is not always better (baseline, peak). */
    private record Figure(String name, Function<Results, Double> value, String format) {
    }

    private final List<Pair> pairs;
    private final List<Figure> figures;

    private ArmPairs(final List<Pair> pairs, final List<Figure> figures) {
        this.pairs = pairs;
        this.figures = figures;
    }

    /** The pairs' figures: the quiet steps' CPU and WAL, the peak, and the p50 / p99 at {@code rates}. */
    public static ArmPairs of(final List<Pair> pairs, final List<String> quietSteps, final List<Integer> rates) {
        final List<Figure> figures = new ArrayList<>();
        figures.add(new Figure("PostgreSQL alone, transfers/s",
                results -> results.baseline() == null ? null : results.baseline().transfersPerSecond(), "%,.0f"));
        figures.add(new Figure("CPU µs per transfer, all processes (quiet steps)",
                results -> quietMedian(results, quietSteps, step -> processes(step).isEmpty() ? null
                        : processes(step).values().stream()
                                .mapToDouble(cost -> cost.cpuSecondsPer1000Transfers() * 1000).sum()), "%,.0f"));
        final Set<String> processNames = processNames(pairs);
        perProcess(figures, processNames, "CPU µs per transfer, ", quietSteps,
                cost -> cost.cpuSecondsPer1000Transfers() * 1000, "%,.0f");
        figures.add(new Figure("machine's busy cores: user + system + interrupts (quiet steps)",
                results -> quietMedian(results, quietSteps, step -> machine(step).map(MachineCpu::busy).orElse(null)),
                "%.2f"));
        figures.add(new Figure("machine's kernel share: (system + interrupts) ÷ busy (quiet steps)",
                results -> quietMedian(results, quietSteps, step -> machine(step).filter(machine -> machine.busy() > 0)
                        .map(MachineCpu::kernelShare).orElse(null)), "%.2f"));
        figures.add(new Figure("machine's steal, cores (quiet steps)",
                results -> quietMedian(results, quietSteps, step -> machine(step).map(MachineCpu::steal).orElse(null)),
                "%.3f"));
        // A share of 0 is a run from before it was measured, not a process the kernel never served.
        perProcess(figures, processNames, "kernel share, ", quietSteps,
                cost -> cost.systemShare() > 0 ? cost.systemShare() : null, "%.2f");
        figures.add(new Figure("read side's WAL bytes per transfer (quiet steps)",
                results -> quietMedian(results, quietSteps,
                        step -> step.readSideWal() == null ? null : step.readSideWal().bytesPerTransfer()), "%,.0f"));
        figures.add(new Figure("read side's WAL records per transfer (quiet steps)",
                results -> quietMedian(results, quietSteps,
                        step -> step.readSideWal() == null ? null : step.readSideWal().recordsPerTransfer()), "%.1f"));
        figures.add(new Figure("pipeline max, completed/s",
                results -> step(results, "pipeline-max").map(StepResult::completedPerSecond).orElse(null), "%,.0f"));
        for (final int rate : rates) {
            final String name = "pipeline-" + rate;
            figures.add(new Figure(String.format(Locale.ROOT, "p50 ms at %,d/s", rate), results -> step(results, name)
                    .map(StepResult::latency).map(LatencySummary::p50Ms).orElse(null), "%,.0f"));
            figures.add(new Figure(String.format(Locale.ROOT, "p99 ms at %,d/s", rate), results -> step(results, name)
                    .map(StepResult::latency).map(LatencySummary::p99Ms).orElse(null), "%,.0f"));
        }
        return new ArmPairs(List.copyOf(pairs), List.copyOf(figures));
    }

    /**
     * The pairs named, then a Markdown table: a row per figure that any arm measured, a column per
     * pair, the median ratio and the count lower.
     */
    public String markdown() {
        final StringBuilder out = new StringBuilder();
        for (int i = 0; i < pairs.size(); i++) {
            out.append("pair ").append(i + 1).append(": ").append(describe(pairs.get(i).before())).append(" → ")
                    .append(describe(pairs.get(i).after())).append('\n');
        }
        out.append('\n').append("| figure | ");
        for (int i = 0; i < pairs.size(); i++) {
            out.append("pair ").append(i + 1).append(": before → after (ratio) | ");
        }
        out.append("median ratio | after lower |\n").append("|---".repeat(pairs.size() + 3)).append("|\n");
        for (final Figure figure : figures) {
            final List<Values> values = values(figure);
            if (values.stream().anyMatch(pair -> pair.before() != null || pair.after() != null)) {
                out.append(row(figure, values)).append('\n');
            }
        }
        return out.toString();
    }

    /** A figure's value in a pair's before and after arm; null where the arm did not measure it. */
    private record Values(Double before, Double after) {

        /** after ÷ before; null where either is missing or before is 0. */
        Double ratio() {
            return before == null || after == null || before == 0 ? null : after / before;
        }
    }

    /** The figure's before and after value in each pair, each read once (a median over steps). */
    private List<Values> values(final Figure figure) {
        return pairs.stream().map(pair -> new Values(figure.value().apply(pair.before().results()),
                figure.value().apply(pair.after().results()))).toList();
    }

    /** The ratio after ÷ before of {@code figure} in each pair (null where either arm lacks it). */
    List<Double> ratios(final String figure) {
        final Figure found = figures.stream().filter(candidate -> candidate.name().equals(figure)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no figure " + figure));
        return values(found).stream().map(Values::ratio).toList();
    }

    private static String row(final Figure figure, final List<Values> values) {
        final StringBuilder row = new StringBuilder("| ").append(figure.name()).append(" | ");
        final List<Double> ratios = new ArrayList<>();
        for (final Values pair : values) {
            final Double ratio = pair.ratio();
            if (ratio != null) {
                ratios.add(ratio);
            }
            row.append(format(figure, pair.before())).append(" → ").append(format(figure, pair.after()))
                    .append(ratio == null ? "" : String.format(Locale.ROOT, " (%.2f)", ratio)).append(" | ");
        }
        final long lower = ratios.stream().filter(ratio -> ratio < 1).count();
        return row.append(ratios.isEmpty() ? NONE : String.format(Locale.ROOT, "%.2f", median(ratios))).append(" | ")
                .append(ratios.isEmpty() ? NONE : lower + " of " + ratios.size()).append(" |").toString();
    }

    private static String describe(final Arm arm) {
        final String commit = RunRow.shortCommit(arm.results().gitCommit());
        return arm.name() + " (" + (commit == null ? "commit unknown" : commit) + ")";
    }

    private static String format(final Figure figure, final Double value) {
        return value == null ? NONE : String.format(Locale.ROOT, figure.format(), value);
    }

    /** Every process any arm measured in any step, in the order the first arms list them. */
    private static Set<String> processNames(final List<Pair> pairs) {
        final Set<String> names = new LinkedHashSet<>();
        for (final Pair pair : pairs) {
            for (final Arm arm : List.of(pair.before(), pair.after())) {
                arm.results().steps().forEach(step -> names.addAll(processes(step).keySet()));
            }
        }
        return names;
    }

    /** A step's processes; none in a run written before they were measured. */
    private static Map<String, ProcessCost> processes(final StepResult step) {
        return step.processes() == null ? Map.of() : step.processes();
    }

    /**
     * A figure per process, {@code label} and its name: the median over the quiet steps of
     * {@code value} of its cost (null where that step did not measure it).
     */
    private static void perProcess(final List<Figure> figures, final Set<String> names, final String label,
                                   final List<String> quietSteps, final Function<ProcessCost, Double> value,
                                   final String format) {
        for (final String name : names) {
            figures.add(new Figure(label + name + " (quiet steps)", results -> quietMedian(results, quietSteps,
                    step -> Optional.ofNullable(processes(step).get(name)).map(value).orElse(null)), format));
        }
    }

    /** A step's machine CPU; none in a run written before it was measured. */
    private static Optional<MachineCpu> machine(final StepResult step) {
        return Optional.ofNullable(step.machineCpu());
    }

    private static Optional<StepResult> step(final Results results, final String name) {
        return results.steps().stream().filter(step -> step.name().equals(name)).reduce((first, again) -> again);
    }

    /** The median of {@code value} over the run's quiet steps without a checkpoint; null when none has it. */
    static Double quietMedian(final Results results, final List<String> quietSteps,
                              final Function<StepResult, Double> value) {
        final List<Double> values = results.steps().stream()
                .filter(step -> quietSteps.contains(step.name()))
                .filter(step -> step.readSideWal() == null || step.readSideWal().checkpoints() == null
                        || step.readSideWal().checkpoints() == 0)
                .map(value).filter(Objects::nonNull).collect(Collectors.toList());
        return values.isEmpty() ? null : median(values);
    }

    private static double median(final List<Double> values) {
        final List<Double> sorted = values.stream().sorted().toList();
        final int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }
}
