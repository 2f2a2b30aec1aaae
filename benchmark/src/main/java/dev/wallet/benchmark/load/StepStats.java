package dev.wallet.benchmark.load;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * What one step measured: sends, outcomes and their latencies. The in-flight bound is a
 * semaphore: a send takes a permit, an outcome (or a failed send) gives it back.
 */
public final class StepStats {

    /** Latencies are recorded in microseconds, up to an hour, 3 significant digits. */
    private static final long HIGHEST_TRACKABLE_MICROS = 3_600_000_000L;

    private final String name;
    private final Semaphore inFlightPermits;
    private final int inFlightMax;
    private final ConcurrentHistogram latencyMicros = new ConcurrentHistogram(HIGHEST_TRACKABLE_MICROS, 3);
    private final Map<Stage, ConcurrentHistogram> stageMicros = new java.util.EnumMap<>(Stage.class);
    private final LongAdder sent = new LongAdder();
    private final LongAdder completed = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final LongAdder sendErrors = new LongAdder();
    private final Map<String, LongAdder> failureReasons = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> answers = new ConcurrentHashMap<>();
    private final AtomicLong lastOutcomeNanos = new AtomicLong();
    private volatile long firstSendNanos;
    private volatile long sendsEndedNanos;

    public StepStats(final String name, final int inFlightMax) {
        this.name = name;
        this.inFlightMax = inFlightMax;
        this.inFlightPermits = new Semaphore(inFlightMax);
        for (final Stage stage : Stage.values()) {
            stageMicros.put(stage, new ConcurrentHistogram(HIGHEST_TRACKABLE_MICROS, 3));
        }
    }

    public String name() {
        return name;
    }

    Semaphore inFlightPermits() {
        return inFlightPermits;
    }

    public int inFlightMax() {
        return inFlightMax;
    }

    /** Takes one in-flight permit, waiting as long as it takes; for setup work without a step end. */
    public void inFlightPermitsAcquire() throws InterruptedException {
        inFlightPermits.acquire();
    }

    /** Requests sent and not yet answered by an outcome or a send failure. */
    public int inFlight() {
        return inFlightMax - inFlightPermits.availablePermits();
    }

    void onSent(final long dueNanos) {
        if (sent.sum() == 0) {
            firstSendNanos = dueNanos;
        }
        sent.increment();
    }

    /** An outcome arrived for one of this step's transfers. */
    void onOutcome(final boolean success, final String failureReason, final long latencyNanos, final long nowNanos) {
        latencyMicros.recordValue(micros(latencyNanos));
        if (success) {
            completed.increment();
        } else {
            failed.increment();
            failureReasons.computeIfAbsent(failureReason, r -> new LongAdder()).increment();
        }
        lastOutcomeNanos.accumulateAndGet(nowNanos, Math::max);
        inFlightPermits.release();
    }

    /** One of this step's transfers passed {@code stage}, which took {@code latencyNanos}. */
    void onStage(final Stage stage, final long latencyNanos) {
        stageMicros.get(stage).recordValue(micros(latencyNanos));
    }

    /** A latency as the histograms record it: whole microseconds, within what they can track. */
    static long micros(final long latencyNanos) {
        return Math.min(HIGHEST_TRACKABLE_MICROS, Math.max(0, latencyNanos / 1_000));
    }

    /** A histogram of latencies in microseconds, as every step's. */
    static Recorder latencyRecorder() {
        return new Recorder(HIGHEST_TRACKABLE_MICROS, 3);
    }

    /** A send failed: no outcome will come for it. */
    void onSendFailed(final String kind) {
        sendErrors.increment();
        answers.computeIfAbsent(kind, k -> new LongAdder()).increment();
        inFlightPermits.release();
    }

    /** Counts an HTTP answer by kind (e.g. {@code 200}, {@code 202}). */
    void onAnswer(final String kind) {
        answers.computeIfAbsent(kind, k -> new LongAdder()).increment();
    }

    void onSendsEnded(final long nowNanos) {
        sendsEndedNanos = nowNanos;
    }

    public long sent() {
        return sent.sum();
    }

    public long completed() {
        return completed.sum();
    }

    public long failed() {
        return failed.sum();
    }

    public long sendErrors() {
        return sendErrors.sum();
    }

    public Map<String, Long> failureReasons() {
        return snapshot(failureReasons);
    }

    public Map<String, Long> answers() {
        return snapshot(answers);
    }

    public Histogram latencyMicros() {
        return latencyMicros.copy();
    }

    /** How long each stage took, over the transfers that passed it; a copy. */
    public Map<Stage, Histogram> stageMicros() {
        final Map<Stage, Histogram> copy = new java.util.EnumMap<>(Stage.class);
        stageMicros.forEach((stage, histogram) -> copy.put(stage, histogram.copy()));
        return copy;
    }

    public long firstSendNanos() {
        return firstSendNanos;
    }

    public long sendsEndedNanos() {
        return sendsEndedNanos;
    }

    public long lastOutcomeNanos() {
        return lastOutcomeNanos.get();
    }

    /**
     * Outcomes (completed or failed) per second: the step's outcomes divided by the time from its
     * first due send to its last outcome. When the system keeps up this is the offered rate; when
     * it does not, it is what the system sustained.
     */
    public double outcomesPerSecond() {
        final long span = lastOutcomeNanos() - firstSendNanos;
        return span <= 0 ? 0 : (completed() + failed()) * 1e9 / span;
    }

    /** Completed (successful) transfers per second over the same span as {@link #outcomesPerSecond()}. */
    public double completedPerSecond() {
        final long span = lastOutcomeNanos() - firstSendNanos;
        return span <= 0 ? 0 : completed() * 1e9 / span;
    }

    private static Map<String, Long> snapshot(final Map<String, LongAdder> counters) {
        final Map<String, Long> copy = new java.util.TreeMap<>();
        counters.forEach((k, v) -> copy.put(k, v.sum()));
        return copy;
    }
}
