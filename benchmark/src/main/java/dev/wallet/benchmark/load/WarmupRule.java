package dev.wallet.benchmark.load;

/**
 * When the warm-up of a mode ends: after a round whose JIT compilers (all watched JVMs together)
 * used at most {@code jitCoresLimit} cores, or when another round of {@code roundSeconds} would
 * take the warm-up past {@code maxSeconds}. A negative limit means one round only.
 */
public record WarmupRule(double jitCoresLimit, int roundSeconds, int maxSeconds) {

    /** What follows a warm-up round. */
    public enum Next {
        /** The compilers have settled: measure. */
        SETTLED,
        /** Another round. */
        ANOTHER_ROUND,
        /** Out of time with the compilers still busy: measure anyway, and say so. */
        UNSETTLED
    }

    /** The decision after a round with {@code jitCores}, {@code spentSeconds} into the warm-up. */
    public Next after(final double jitCores, final long spentSeconds) {
        if (jitCoresLimit < 0 || jitCores <= jitCoresLimit) {
            return Next.SETTLED;
        }
        return spentSeconds + roundSeconds > maxSeconds ? Next.UNSETTLED : Next.ANOTHER_ROUND;
    }
}
