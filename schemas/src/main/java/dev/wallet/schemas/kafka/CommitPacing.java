package dev.wallet.schemas.kafka;

import java.time.Duration;
import java.util.Objects;

/**
 * How often an exactly-once Kafka Streams app commits: every {@code interval} while it keeps up, and
 * only every {@code backlogInterval} while it works through a backlog.
 *
 * <p><b>Why two intervals.</b> Under exactly-once every commit ends a transaction, and each one costs
 * the broker and the producer about the same whatever it carries: on the benchmark machine about
 * 8 ms of broker CPU per commit ({@code docs/benchmarks.md}). A short interval keeps the wait of
 * each hop short, which is what a payer sees while the pipeline keeps up. A backlog gains nothing
 * from it: its records are late already, and every commit spent on them is CPU the backlog needs.
 * So a backlog commits at the long interval, in fewer and fuller transactions.
 *
 * <p><b>How.</b> The app's {@code commit.interval.ms} is the long interval
 * ({@link #streamsCommitIntervalMs()}). A processor asks its {@link Pacer} after each record, and
 * calls {@code ProcessorContext.commit()} when it says so: after a record younger than
 * {@code backlogAge}, at most once per {@code interval} per stream thread. A record's age is taken
 * from its timestamp, which Kafka Streams carries from the transfer request to every command and
 * answer derived from it; so the age is how long the transfer has been under way. A replay of old
 * records therefore commits at the long interval too.
 *
 * @param interval        how often to commit while records are fresh (the hop's wait)
 * @param backlogInterval how often to commit otherwise; Kafka Streams' {@code commit.interval.ms};
 *                        at least {@code interval} (equal turns the pacing off)
 * @param backlogAge      a record older than this is part of a backlog
 */
public record CommitPacing(Duration interval, Duration backlogInterval, Duration backlogAge) {

    /**
     * 30 ms while fresh, 100 ms in a backlog, and a backlog is records older than 1 s. An asked-for
     * commit follows at once, so 30 ms here commits about as often as the 20 ms
     * {@code commit.interval.ms} did before pacing (32-38 against 27-34 commits a second per app
     * at 500-1,000 transfers/s, docs/benchmarks.md "Commit pacing"); 20 ms made 41-52.
     */
    public static final CommitPacing DEFAULT =
            new CommitPacing(Duration.ofMillis(30), Duration.ofMillis(100), Duration.ofSeconds(1));

    public CommitPacing {
        requirePositive(interval, "interval");
        requirePositive(backlogInterval, "backlogInterval");
        requirePositive(backlogAge, "backlogAge");
        if (backlogInterval.compareTo(interval) < 0) {
            throw new IllegalArgumentException("The backlog commit interval (" + backlogInterval
                    + ") must be at least the commit interval (" + interval + ").");
        }
    }

    /** The value for Kafka Streams' {@code commit.interval.ms}: the backlog interval. */
    public long streamsCommitIntervalMs() {
        return backlogInterval.toMillis();
    }

    /** A new pacer: one per topology, shared by its tasks. */
    public Pacer pacer() {
        return new Pacer(interval.toMillis(), backlogAge.toMillis());
    }

    private static void requirePositive(final Duration duration, final String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isZero() || duration.isNegative()) {
            throw new IllegalArgumentException(name + " must be positive, was " + duration + ".");
        }
    }

    /**
     * Says after which records to ask for a commit. A commit covers every task of the stream thread,
     * so the pace is kept per thread: the tasks of one thread share one pace, threads do not.
     */
    public static final class Pacer {

        private final long intervalMs;
        private final long backlogAgeMs;
        private final ThreadLocal<Pace> paces = ThreadLocal.withInitial(Pace::new);

        private Pacer(final long intervalMs, final long backlogAgeMs) {
            this.intervalMs = intervalMs;
            this.backlogAgeMs = backlogAgeMs;
        }

        /**
         * Whether to ask for a commit now, at {@code nowMs}, after a record stamped
         * {@code recordTimestampMs}: yes when the record is fresh and this thread has not asked within
         * the interval (or its clock went back since it did).
         */
        public boolean commitAfter(final long recordTimestampMs, final long nowMs) {
            if (nowMs - recordTimestampMs > backlogAgeMs) {
                return false;
            }
            final Pace pace = paces.get();
            if (pace.asked && nowMs - pace.askedAtMs < intervalMs && nowMs >= pace.askedAtMs) {
                return false;
            }
            pace.asked = true;
            pace.askedAtMs = nowMs;
            return true;
        }
    }

    /** When one thread last asked. */
    private static final class Pace {
        private boolean asked;
        private long askedAtMs;
    }
}
