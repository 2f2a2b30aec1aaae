package dev.wallet.ops.audit;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The violations an audit found, bounded in what it keeps in memory: every violation is counted,
 * the first {@link #KEPT_MAX} per rule are kept for the report.
 */
public final class Findings {

    /** Violations kept per rule for the report; a broken ledger can have millions, the count says how many. */
    public static final int KEPT_MAX = 200;

    private final Map<Violation.Rule, Long> counts = new EnumMap<>(Violation.Rule.class);
    private final List<Violation> kept = new ArrayList<>();

    /** Records one violation. */
    public void add(final Violation.Rule rule, final String subject, final String where, final String detail) {
        final long count = counts.merge(rule, 1L, Long::sum);
        if (count <= KEPT_MAX) {
            kept.add(new Violation(rule, subject, where, detail));
        }
    }

    /** Whether nothing was found. */
    public boolean isEmpty() {
        return counts.isEmpty();
    }

    /** Violations per rule, all of them counted. */
    public Map<Violation.Rule, Long> counts() {
        return Map.copyOf(counts);
    }

    /** Total violations. */
    public long total() {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    /** The violations kept for the report, in the order found. */
    public List<Violation> kept() {
        return List.copyOf(kept);
    }

    /** Whether a violation of {@code rule} was found. */
    public boolean has(final Violation.Rule rule) {
        return counts.containsKey(rule);
    }
}
