package dev.wallet.schemas.kafka;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongSupplier;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.processor.Cancellable;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.ProcessorContext;

/**
 * How often an exactly-once Kafka Streams app commits: every {@code interval} while it keeps up with
 * time to spare, up to every {@code busyInterval} as its stream thread gets busy, and only every
 * {@code backlogInterval} while it works through a backlog.
 *
 * <p><b>Why two intervals.</b> Under exactly-once every commit ends a transaction, and each one costs
 * the broker and the producer about the same whatever it carries: on the benchmark machine about
 * 8 ms of broker CPU per commit ({@code docs/benchmarks.md}). A short interval keeps the wait of
 * each hop short, which is what a payer sees while the pipeline keeps up. A backlog gains nothing
 * from it: its records are late already, and every commit spent on them is CPU the backlog needs.
 * So a backlog commits at the long interval, in fewer and fuller transactions.
 *
 * <p><b>Why a busy interval.</b> A shorter interval shortens every hop's wait but costs CPU on the
 * broker and in the app for every extra commit, and on a machine near its limit that CPU is what the
 * load needs: on the benchmark machine 20 ms instead of 30 ms cut the p50 at 1,000-2,500/s by about
 * a quarter, yet tipped the stack into queuing at 5,000/s in three runs of eight, where 30 ms never
 * did ({@code docs/benchmarks.md}, "Latency second by second"). So a thread that drains its input
 * before each ask commits at {@code interval}, and one that had to ask while records were still
 * coming (it gathered for {@value #GATHER_MS} ms without draining) is busy. Each thread keeps a busy
 * share, the part of its recent asks that were busy (each ask moves it an eighth of the way,
 * {@link #BUSY_WEIGHT}), and waits {@code interval} plus that share of the span to
 * {@code busyInterval}: a thread busy at every ask commits at {@code busyInterval}, one busy at one
 * ask in ten at about a tenth of the span. Equal intervals turn this off.
 *
 * <p><b>Why a share, not the last ask.</b> The first busy pace waited the whole {@code busyInterval}
 * after any busy ask. At 1,000-2,500/s most asks find the thread drained but some do not, and each
 * of those tripled that thread's next wait. With the share, in seven interleaved runs of each, the
 * median second's p99 at 2,500/s was 70-120 ms (median 97) against 86-132 (median 122), and the p50
 * at 5,000/s 103-172 ms against 118-198 ({@code docs/benchmarks.md}, "A busy share").
 *
 * <p><b>How.</b> The app's {@code commit.interval.ms} is the long interval
 * ({@link #streamsCommitIntervalMs()}). A processor hands each record it has processed to its
 * {@link Pacer}. A record younger than {@code backlogAge} leaves a commit owed; a record's age is taken
 * from its timestamp, which Kafka Streams carries from the transfer request to every command and
 * answer derived from it, so the age is how long the transfer has been under way, and a replay of old
 * records commits at the long interval. While a commit is owed, a wall-clock punctuation checks for
 * it, first when the interval since the thread's last ask ends and then every millisecond, and calls
 * {@code ProcessorContext.commit()} once all of these hold:
 * <ul>
 *   <li>the thread has not asked within its pace: {@code interval} plus its busy share of the span
 *       to {@code busyInterval} (or its clock went back since it asked);</li>
 *   <li>it has drained what it read: no record for {@value #QUIET_MICROS} µs; or it has gathered for
 *       {@value #GATHER_MS} ms without draining (input that does not stop).</li>
 * </ul>
 *
 * <p><b>Why wait for the drain.</b> The inputs of a hop come in bursts, one per commit of the app
 * upstream, and a second partition's share a moment after the first. Kafka Streams commits right
 * after the record that asks, often the first few of a burst, so the rest of that burst waited for
 * the next ask, up to an interval later. Asking once the burst is processed puts the whole burst in
 * one commit: at the default pacing the benchmark's p50 at 1,000/s fell from 117-122 to 83-86 ms
 * ({@code docs/benchmarks.md}, "Commit once the burst is in"). A thread with nothing to read blocks
 * in poll for {@link #streamsPollMs()}, so it notices that it has drained at most that late. The
 * costs measured there: about 0.012 cores more per idle app (the short poll), and a peak throughput
 * 3-5% lower while the check ran every millisecond from the first fresh record. Kafka Streams halves
 * the records a stream thread takes per task per turn of its loop after every punctuation; checking
 * only from the interval's end cut the saga's punctuating turns at 1,000/s from about 430 to 43 a
 * second, and the peak was higher in 4 of 5 pairs (median 8,455 against 7,417/s; "Checks from the
 * interval's end").
 *
 * @param interval        how often to commit while records are fresh and the thread drains its input
 *                        (the hop's wait)
 * @param busyInterval    how often to commit while records are fresh but the thread did not drain
 *                        before any of its recent asks; at least {@code interval} (equal turns it off)
 * @param backlogInterval how often to commit otherwise; Kafka Streams' {@code commit.interval.ms};
 *                        at least {@code busyInterval} (equal turns the pacing off)
 * @param backlogAge      a record older than this is part of a backlog
 */
public record CommitPacing(Duration interval, Duration busyInterval, Duration backlogInterval, Duration backlogAge) {

    /**
     * 10 ms while fresh and the thread drains its input, up to 30 ms while fresh and it does not (by
     * its busy share), 100 ms in a backlog, and a backlog is records older than 1 s. A single fresh
     * pace had to choose: 30 ms never queued at 5,000/s in nine runs but left every second's p99 at
     * 1,000-2,500/s over 100 ms; 20 ms and 15 ms queued there in five of ten ("Latency second by
     * second" in docs/benchmarks.md).
     * With the busy pace, 10 ms gave a p50 of 36-38 ms at 1,000/s against 82-85 and did not queue at
     * 5,000/s in five runs; there it was no faster than 30 ms (p50 106-185 against 97-160 ms), and
     * at 2,500/s its p99 was 89-132 against 112-157 ms (five runs of each: "A busy pace" and "Run T").
     * Those runs paced by the last ask alone; the busy share came after them (see above). Run U, on
     * the day's slowest hour, queued at 5,000/s with the busy share; four arms after it did not.
     */
    public static final CommitPacing DEFAULT = new CommitPacing(Duration.ofMillis(10), Duration.ofMillis(30),
            Duration.ofMillis(100), Duration.ofSeconds(1));

    public CommitPacing {
        requirePositive(interval, "interval");
        requirePositive(busyInterval, "busyInterval");
        requirePositive(backlogInterval, "backlogInterval");
        requirePositive(backlogAge, "backlogAge");
        if (busyInterval.compareTo(interval) < 0) {
            throw new IllegalArgumentException("The busy commit interval (" + busyInterval
                    + ") must be at least the commit interval (" + interval + ").");
        }
        if (backlogInterval.compareTo(interval) < 0) {
            throw new IllegalArgumentException("The backlog commit interval (" + backlogInterval
                    + ") must be at least the commit interval (" + interval + ").");
        }
        if (backlogInterval.compareTo(busyInterval) < 0) {
            throw new IllegalArgumentException("The backlog commit interval (" + backlogInterval
                    + ") must be at least the busy commit interval (" + busyInterval + ").");
        }
    }

    /**
     * A pacing from a service's settings, where the busy interval may be unset ({@code null}): then it
     * is the default's, {@link #DEFAULT}{@code .busyInterval()}, or {@code interval} if that is longer,
     * so a service that sets only a long {@code interval} commits at one pace.
     */
    public static CommitPacing of(final Duration interval, final Duration busyIntervalOrNull,
                                  final Duration backlogInterval, final Duration backlogAge) {
        if (busyIntervalOrNull != null) {
            return new CommitPacing(interval, busyIntervalOrNull, backlogInterval, backlogAge);
        }
        final Duration busy = interval.compareTo(DEFAULT.busyInterval) > 0 ? interval : DEFAULT.busyInterval;
        return new CommitPacing(interval, busy, backlogInterval, backlogAge);
    }

    /** A pacing whose thread commits every {@code interval} while records are fresh, busy or not. */
    public CommitPacing(final Duration interval, final Duration backlogInterval, final Duration backlogAge) {
        this(interval, interval, backlogInterval, backlogAge);
    }

    /**
     * The Kafka Streams settings an app with this pacing needs: {@code commit.interval.ms}
     * ({@link #streamsCommitIntervalMs()}) and {@code poll.ms} ({@link #streamsPollMs()}).
     */
    public Map<String, Object> streamsSettings() {
        return Map.of(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, streamsCommitIntervalMs(),
                StreamsConfig.POLL_MS_CONFIG, streamsPollMs());
    }

    /** The value for Kafka Streams' {@code commit.interval.ms}: the backlog interval. */
    public long streamsCommitIntervalMs() {
        return backlogInterval.toMillis();
    }

    /**
     * The value for Kafka Streams' {@code poll.ms}: a stream thread with nothing to read blocks in poll
     * this long, so a thread that has drained its input notices it, and asks for the commit it owes,
     * at most this late. A thread that has records to read does not block.
     */
    public long streamsPollMs() {
        return POLL_MS;
    }

    /**
     * A new pacer: one per topology, shared by its tasks. It counts its asks in {@code registry}:
     * {@value #ASKS} every ask, {@value #BUSY_ASKS} those of a busy thread (it gathered for
     * {@value #GATHER_MS} ms without draining), so an operator sees the share of asks at the busy
     * pace.
     */
    public Pacer pacer(final MeterRegistry registry) {
        return pacer(registry, System::nanoTime);
    }

    Pacer pacer(final MeterRegistry registry, final LongSupplier nanoClock) {
        final Counter asks = Counter.builder(ASKS)
                .description("Commits the commit pacer asked for while records were fresh")
                .register(registry);
        final Counter busyAsks = Counter.builder(BUSY_ASKS)
                .description("Of those, the asks of a stream thread that had not drained its input (busy)")
                .register(registry);
        return new Pacer(interval.toMillis(), busyInterval.toMillis(), backlogAge.toMillis(), QUIET_MICROS * 1_000,
                GATHER_MS, nanoClock, busy -> {
                    asks.increment();
                    if (busy) {
                        busyAsks.increment();
                    }
                });
    }

    /** The counter of every commit a pacer asked for. */
    public static final String ASKS = "wallet.commit.asks";
    /** The counter of the asks a pacer made while its thread was busy. */
    public static final String BUSY_ASKS = "wallet.commit.asks.busy";

    /** How long a thread goes without a record before it counts as drained. */
    static final long QUIET_MICROS = 1_000;
    /** How long an owed commit waits at most for the thread to drain, once the interval allows it. */
    static final long GATHER_MS = 5;
    /** Kafka Streams' {@code poll.ms}: at most this long before a drained thread checks again. */
    static final long POLL_MS = 2;
    /** How often an owed commit is checked once its interval has passed. */
    static final long CHECK_EVERY_MS = 1;
    /**
     * How far one ask moves a thread's busy share toward 1 (busy) or 0 (drained): an eighth, so the
     * share follows the last eight or so asks, about 0.1 s at the short pace.
     */
    static final double BUSY_WEIGHT = 0.125;

    private static void requirePositive(final Duration duration, final String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isZero() || duration.isNegative()) {
            throw new IllegalArgumentException(name + " must be positive, was " + duration + ".");
        }
    }

    /**
     * Asks for commits after fresh records, once the thread has drained what it read. A commit covers
     * every task of the stream thread, so the pace is kept per thread: the tasks of one thread share
     * one pace, threads do not.
     */
    public static final class Pacer {

        private final long intervalMs;
        private final long busyIntervalMs;
        private final long backlogAgeMs;
        private final long quietNanos;
        private final long gatherMs;
        private final LongSupplier nanoClock;
        private final AskListener asked;
        private final ThreadLocal<Pace> paces = ThreadLocal.withInitial(Pace::new);

        Pacer(final long intervalMs, final long busyIntervalMs, final long backlogAgeMs, final long quietNanos,
              final long gatherMs, final LongSupplier nanoClock, final AskListener asked) {
            this.intervalMs = intervalMs;
            this.busyIntervalMs = busyIntervalMs;
            this.backlogAgeMs = backlogAgeMs;
            this.quietNanos = quietNanos;
            this.gatherMs = gatherMs;
            this.nanoClock = nanoClock;
            this.asked = asked;
        }

        /**
         * After a processor has processed a record stamped {@code recordTimestampMs}: a fresh record
         * leaves a commit owed, and makes sure the thread checks for it: first when the interval since
         * its last ask ends, then every millisecond until it asks.
         */
        public void afterRecord(final ProcessorContext<?, ?> context, final long recordTimestampMs) {
            final long nowMs = context.currentSystemTimeMs();
            final Pace pace = paces.get();
            if (recordProcessed(pace, recordTimestampMs, nowMs) && pace.checkLost(nowMs)) {
                scheduleCheck(context, pace, nowMs);
            }
        }

        /**
         * Schedules the next check, cancelling the one before: at the end of the interval if that is
         * later than a millisecond from now, else every millisecond. Kafka Streams halves the records
         * a stream thread takes per task per turn of its loop after every punctuation, so a check
         * every millisecond through the whole interval cost throughput at the peak for nothing.
         */
        private void scheduleCheck(final ProcessorContext<?, ?> context, final Pace pace, final long nowMs) {
            pace.cancelCheck();
            final long delayMs = Math.max(CHECK_EVERY_MS, nowMs < pace.askedAtMs ? 0 : dueSinceMs(pace) - nowMs);
            pace.check(context.schedule(Duration.ofMillis(delayMs), PunctuationType.WALL_CLOCK_TIME,
                    timestampMs -> check(context, pace, timestampMs)), nowMs, delayMs);
        }

        private void check(final ProcessorContext<?, ?> context, final Pace pace, final long nowMs) {
            pace.checkRan(nowMs);
            if (commitDue(pace, nowMs)) {
                pace.cancelCheck();
                context.commit();
            } else if (pace.checkEveryMs != CHECK_EVERY_MS) {
                // The check at the interval's end found the thread still reading: every millisecond now.
                scheduleCheck(context, pace, nowMs);
            }
        }

        /** Notes a processed record on this thread; whether it left a commit owed (a fresh record). */
        boolean recordProcessed(final long recordTimestampMs, final long nowMs) {
            return recordProcessed(paces.get(), recordTimestampMs, nowMs);
        }

        /**
         * Whether this thread should ask for a commit at {@code nowMs}; if so, it counts as asked. Yes
         * when a commit is owed, the interval since the last ask has passed (or the clock went back),
         * and either no record has been processed for the quiet time (the thread drained its input)
         * or the commit has been due for the gathering time (input that does not stop: the thread is
         * busy at this ask, and its busy share, so the wait before its next ask, grows).
         */
        boolean commitDue(final long nowMs) {
            return commitDue(paces.get(), nowMs);
        }

        private boolean recordProcessed(final Pace pace, final long recordTimestampMs, final long nowMs) {
            pace.lastRecordNanos = nanoClock.getAsLong();
            if (nowMs - recordTimestampMs > backlogAgeMs) {
                return false;
            }
            if (!pace.owed) {
                pace.owed = true;
                pace.owedSinceMs = nowMs;
            }
            return true;
        }

        private boolean commitDue(final Pace pace, final long nowMs) {
            if (!pace.owed) {
                return false;
            }
            if (nowMs < pace.askedAtMs) {
                // The clock went back: the interval cannot be told, so ask at once.
                return ask(pace, nowMs, false);
            }
            final long dueSinceMs = dueSinceMs(pace);
            if (nowMs < dueSinceMs) {
                return false;
            }
            final boolean drained = nanoClock.getAsLong() - pace.lastRecordNanos >= quietNanos;
            if (!drained && nowMs - dueSinceMs < gatherMs) {
                return false;
            }
            return ask(pace, nowMs, !drained);
        }

        private boolean ask(final Pace pace, final long nowMs, final boolean busy) {
            asked.asked(busy);
            return pace.ask(nowMs, busy);
        }

        /**
         * From when the owed commit may be asked for: the thread's pace since its last ask has passed,
         * {@code interval} plus the busy share of the span up to {@code busyInterval}.
         */
        private long dueSinceMs(final Pace pace) {
            final long paceMs = intervalMs + Math.round((busyIntervalMs - intervalMs) * pace.busyShare);
            return Math.max(pace.owedSinceMs, pace.askedAtMs + paceMs);
        }
    }

    /** Told of every commit a pacer asks for, and whether the thread was busy then. */
    @FunctionalInterface
    interface AskListener {
        void asked(boolean busy);
    }

    /**
     * When one thread last asked and how busy it was at its recent asks, whether and since when it
     * owes a commit, and its check.
     */
    private static final class Pace {
        private static final long CHECK_LOST_AFTER_MS = 100;
        /** {@link Long#MIN_VALUE} until the thread first asks: no interval holds back its first ask. */
        private long askedAtMs = Long.MIN_VALUE;
        /**
         * The share of its recent asks at which the thread had not drained its input: each ask moves
         * it {@link CommitPacing#BUSY_WEIGHT} of the way to 1 (busy) or 0 (drained).
         */
        private double busyShare;
        private boolean owed;
        private long owedSinceMs;
        private long lastRecordNanos;
        private Cancellable check;
        /** How often the check runs, and when it was scheduled or last ran. */
        private long checkEveryMs;
        private long checkScheduledMs;

        /**
         * Counts as asked at {@code nowMs}, busy or not: nothing is owed until the next fresh record,
         * and the busy share moves toward this ask.
         */
        boolean ask(final long nowMs, final boolean busy) {
            askedAtMs = nowMs;
            owed = false;
            busyShare += BUSY_WEIGHT * ((busy ? 1 : 0) - busyShare);
            return true;
        }

        /**
         * Whether a check must be scheduled: none is, or the one scheduled is over
         * {@value #CHECK_LOST_AFTER_MS} ms late (its task was closed or moved to another thread), or
         * the clock went back since it was scheduled.
         */
        boolean checkLost(final long nowMs) {
            return check == null || nowMs - (checkScheduledMs + checkEveryMs) > CHECK_LOST_AFTER_MS
                    || nowMs < checkScheduledMs;
        }

        void check(final Cancellable scheduled, final long nowMs, final long everyMs) {
            check = scheduled;
            checkEveryMs = everyMs;
            checkScheduledMs = nowMs;
        }

        void checkRan(final long nowMs) {
            checkScheduledMs = nowMs;
        }

        void cancelCheck() {
            if (check != null) {
                check.cancel();
                check = null;
            }
        }
    }
}
