package dev.wallet.benchmark.load;

/**
 * When each request of an open-loop step is due: request {@code i} at
 * {@code start + i * 1e9 / rate} nanoseconds, for {@code i} while that instant is before the end
 * of the step. Sends never wait for earlier answers, so a slow system shows as latency, not as a
 * lower offered rate (no coordinated omission); latency is measured from the due instant.
 */
public final class OpenLoopSchedule {

    private final long startNanos;
    private final double ratePerSecond;
    private final long durationNanos;

    public OpenLoopSchedule(final long startNanos, final double ratePerSecond, final long durationNanos) {
        if (ratePerSecond <= 0 || durationNanos <= 0) {
            throw new IllegalArgumentException("rate and duration must be positive");
        }
        this.startNanos = startNanos;
        this.ratePerSecond = ratePerSecond;
        this.durationNanos = durationNanos;
    }

    /** The instant request {@code index} (0-based) is due. */
    public long dueNanos(final long index) {
        return startNanos + (long) Math.floor(index * 1e9 / ratePerSecond);
    }

    /** Whether request {@code index} falls inside the step. */
    public boolean includes(final long index) {
        return dueNanos(index) - startNanos < durationNanos;
    }

    /** How many requests the step offers: rate × duration, rounded up. */
    public long requestCount() {
        return (long) Math.ceil(durationNanos * ratePerSecond / 1e9);
    }

    /** The instant the step ends. */
    public long endNanos() {
        return startNanos + durationNanos;
    }

    public long startNanos() {
        return startNanos;
    }
}
