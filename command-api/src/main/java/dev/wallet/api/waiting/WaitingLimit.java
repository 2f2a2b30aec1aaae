package dev.wallet.api.waiting;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A bound on how many requests wait for an outcome at once. Each waiting request holds memory and
 * a timer; past the bound the API answers 503 instead of queueing without limit.
 */
public final class WaitingLimit {

    private final String name;
    private final int max;
    private final AtomicInteger waiting = new AtomicInteger();

    /**
     * @param name     what waits, for the gauge {@code wallet.api.waiting{kind=name}}
     * @param max      the bound
     * @param registry where the gauge is registered
     */
    public WaitingLimit(final String name, final int max, final MeterRegistry registry) {
        if (max < 1) {
            throw new IllegalArgumentException("max must be positive: " + max);
        }
        this.name = name;
        this.max = max;
        Gauge.builder("wallet.api.waiting", waiting, AtomicInteger::get)
                .description("Requests or streams waiting for an outcome now")
                .tag("kind", name)
                .register(registry);
    }

    /** Takes one place; false when all {@code max} are taken. Every true needs one {@link #release()}. */
    public boolean tryAcquire() {
        while (true) {
            final int now = waiting.get();
            if (now >= max) {
                return false;
            }
            if (waiting.compareAndSet(now, now + 1)) {
                return true;
            }
        }
    }

    /** Gives one place back. */
    public void release() {
        final int after = waiting.decrementAndGet();
        if (after < 0) {
            throw new IllegalStateException("released more " + name + " places than were taken");
        }
    }

    /** Places taken now. */
    public int inUse() {
        return waiting.get();
    }

    /** The bound. */
    public int max() {
        return max;
    }
}
