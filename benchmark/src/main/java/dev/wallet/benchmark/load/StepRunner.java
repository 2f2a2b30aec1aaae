package dev.wallet.benchmark.load;

import dev.wallet.benchmark.workload.TransferGenerator;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Runs one step of load from the calling thread: either open-loop at an offered rate, or as fast
 * as the system takes it with a bound on transfers in flight. Both stop sending at the end of the
 * step and then wait (bounded) for the outcomes of what they sent.
 */
public final class StepRunner {

    private final TransferSender sender;
    private final TransferGenerator generator;
    private final OutcomeTracker tracker;
    private final Duration drainTimeout;

    public StepRunner(final TransferSender sender, final TransferGenerator generator, final OutcomeTracker tracker,
                      final Duration drainTimeout) {
        this.sender = sender;
        this.generator = generator;
        this.tracker = tracker;
        this.drainTimeout = drainTimeout;
    }

    /**
     * Offers {@code ratePerSecond} for {@code duration}. A request that finds {@code inFlightMax}
     * transfers in flight waits for a permit (its latency still counts from when it was due); one
     * that cannot get a permit before the step ends is not sent.
     */
    public StepStats runPaced(final String name, final double ratePerSecond, final Duration duration,
                              final int inFlightMax) throws InterruptedException {
        final StepStats step = new StepStats(name, inFlightMax);
        final OpenLoopSchedule schedule = new OpenLoopSchedule(System.nanoTime(), ratePerSecond, duration.toNanos());
        for (long i = 0; schedule.includes(i); i++) {
            final long due = schedule.dueNanos(i);
            sleepUntil(due);
            if (!acquire(step, schedule.endNanos())) {
                break;
            }
            sender.send(generator.next(), due, step);
        }
        return finish(step);
    }

    /** Sends as fast as permits allow, {@code inFlightMax} in flight, for {@code duration}. */
    public StepStats runMaxThroughput(final String name, final Duration duration, final int inFlightMax)
            throws InterruptedException {
        final StepStats step = new StepStats(name, inFlightMax);
        final long end = System.nanoTime() + duration.toNanos();
        while (System.nanoTime() < end && acquire(step, end)) {
            sender.send(generator.next(), System.nanoTime(), step);
        }
        return finish(step);
    }

    private StepStats finish(final StepStats step) throws InterruptedException {
        sender.flush();
        step.onSendsEnded(System.nanoTime());
        tracker.awaitDrained(step, drainTimeout);
        return step;
    }

    /** A free permit now, or one freed before the step ends. */
    private static boolean acquire(final StepStats step, final long endNanos) throws InterruptedException {
        if (step.inFlightPermits().tryAcquire()) {
            return true;
        }
        final long left = endNanos - System.nanoTime();
        return left > 0 && step.inFlightPermits().tryAcquire(left, TimeUnit.NANOSECONDS);
    }

    private static void sleepUntil(final long dueNanos) {
        long left;
        while ((left = dueNanos - System.nanoTime()) > 0) {
            LockSupport.parkNanos(left);
        }
    }
}
