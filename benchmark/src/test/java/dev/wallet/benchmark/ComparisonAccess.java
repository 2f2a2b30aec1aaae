package dev.wallet.benchmark;

import dev.wallet.benchmark.report.BaselineResult;
import dev.wallet.benchmark.report.StepResult;
import java.util.List;
import java.util.Map;

/** Lets tests in other packages build a comparison as the run does. */
public final class ComparisonAccess {

    private ComparisonAccess() {
    }

    public static Map<String, Object> of(final List<StepResult> steps, final BaselineResult baseline) {
        return Comparison.of(steps, baseline);
    }
}
