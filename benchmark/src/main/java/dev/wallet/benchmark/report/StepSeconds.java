package dev.wallet.benchmark.report;

import dev.wallet.benchmark.sample.Sample;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A step's seconds side by side, from {@code series[]}: whether the step's p99 is a property of every
 * second or of a few disturbed ones. The first second of a step is left out (it is partial).
 *
 * @param step         the step's name
 * @param seconds      the seconds counted: those with outcomes, the first left out
 * @param p50MsMedian  the median second's p50
 * @param p99MsMedian  the median second's p99
 * @param p99MsBest    the best second's p99
 * @param p99MsWorst   the worst second's p99
 * @param secondsOver  the seconds whose p99 was over {@code overMs}
 * @param overMs       the bound of {@code secondsOver}
 * @param disturbed    the seconds whose p99 was at least {@link #DISTURBED} times the median second's
 * @param busiestAboveMedian for the disturbed seconds: the process that used the most cores above its
 *                     own median over the step, in that second or the one before, and how often
 * @param coresDisturbed the cores the watched processes used together in a disturbed second, on
 *                     average (0 when none was disturbed)
 * @param coresOthers  the same over the other seconds (0 when every second was disturbed)
 */
public record StepSeconds(String step, int seconds, double p50MsMedian, double p99MsMedian, double p99MsBest,
                          double p99MsWorst, int secondsOver, double overMs, int disturbed,
                          Map<String, Integer> busiestAboveMedian, double coresDisturbed, double coresOthers) {

    /** A second is disturbed when its p99 is at least this many times the median second's. */
    public static final double DISTURBED = 1.2;

    /** One summary per step that has at least two seconds with outcomes, in the order the steps ran. */
    public static List<StepSeconds> of(final List<Sample> series, final double overMs) {
        final Map<String, List<Sample>> byStep = new LinkedHashMap<>();
        for (final Sample sample : series) {
            if (sample.latency() != null && !"idle".equals(sample.step())) {
                byStep.computeIfAbsent(sample.step(), s -> new ArrayList<>()).add(sample);
            }
        }
        final List<StepSeconds> steps = new ArrayList<>();
        byStep.forEach((step, samples) -> {
            if (samples.size() > 1) {
                steps.add(of(step, samples.subList(1, samples.size()), overMs));
            }
        });
        return steps;
    }

    private static StepSeconds of(final String step, final List<Sample> seconds, final double overMs) {
        final List<Double> p99 = seconds.stream().map(s -> s.latency().p99Ms()).toList();
        final double p99Median = median(p99);
        final Map<String, Double> coresMedian = new TreeMap<>();
        seconds.get(0).coresByProcess().keySet().forEach(process -> coresMedian.put(process,
                median(seconds.stream().map(s -> s.coresByProcess().getOrDefault(process, 0.0)).toList())));
        final Map<String, Integer> busiest = new TreeMap<>();
        int disturbed = 0;
        double coresDisturbed = 0;
        double coresOthers = 0;
        for (int i = 0; i < seconds.size(); i++) {
            final Sample second = seconds.get(i);
            final double stackCores = second.coresByProcess().values().stream().mapToDouble(Double::doubleValue).sum();
            if (p99.get(i) < DISTURBED * p99Median) {
                coresOthers += stackCores;
                continue;
            }
            disturbed++;
            coresDisturbed += stackCores;
            final Sample before = i > 0 ? seconds.get(i - 1) : second;
            coresMedian.keySet().stream().max(Comparator.comparingDouble(process -> Math.max(
                            second.coresByProcess().getOrDefault(process, 0.0),
                            before.coresByProcess().getOrDefault(process, 0.0)) - coresMedian.get(process)))
                    .ifPresent(process -> busiest.merge(process, 1, Integer::sum));
        }
        return new StepSeconds(step, seconds.size(),
                median(seconds.stream().map(s -> s.latency().p50Ms()).toList()), p99Median,
                Collections.min(p99), Collections.max(p99),
                (int) p99.stream().filter(v -> v > overMs).count(), overMs, disturbed, busiest,
                disturbed == 0 ? 0 : coresDisturbed / disturbed,
                disturbed == seconds.size() ? 0 : coresOthers / (seconds.size() - disturbed));
    }

    /** The middle value; for an even count, the mean of the two middle values. */
    static double median(final List<Double> values) {
        final List<Double> sorted = values.stream().sorted().toList();
        final int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    /** For people: one line. */
    public String describe() {
        return String.format(Locale.ROOT,
                "%s: %d s; median second p50 %.1f ms; p99 median %.1f, best %.1f, worst %.1f ms; %d s over %.0f ms;"
                        + " %d disturbed (p99 >= %.1fx median), busiest above its median then: %s;"
                        + " the stack's cores %.2f in them, %.2f in the others",
                step, seconds, p50MsMedian, p99MsMedian, p99MsBest, p99MsWorst, secondsOver, overMs, disturbed,
                DISTURBED, busiestAboveMedian, coresDisturbed, coresOthers);
    }
}
