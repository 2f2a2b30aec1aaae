package dev.wallet.schemas.kafka;

import java.time.Duration;
import java.util.Objects;
import org.apache.kafka.streams.processor.Cancellable;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.ProcessorContext;

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
 * ({@link #streamsCommitIntervalMs()}). A processor hands each record it has processed to its
 * {@link Pacer}, which calls {@code ProcessorContext.commit()} after a record younger than
 * {@code backlogAge}, at most once per {@code interval} per stream thread. A record's age is taken
 * from its timestamp, which Kafka Streams carries from the transfer request to every command and
 * answer derived from it; so the age is how long the transfer has been under way. A replay of old
 * records therefore commits at the long interval too.
 *
 * <p><b>A fresh record within the interval is owed a commit.</b> When a fresh record comes less than
 * {@code interval} after the thread last asked, the pacer schedules a one-off wall-clock punctuation
 * for the moment the interval ends, and asks then. Without it, such a record would wait for the next
 * fresh record that comes after the interval, and a hop whose inputs arrive in bursts (the commands
 * of the saga's last commit, a second partition's share of them a moment later) would wait for the
 * upstream app's next commit, a whole interval more, or for the backlog interval when nothing else
 * came. The punctuation fires only when the stream thread runs its loop, so the app's
 * {@code poll.ms} is a fraction of the interval ({@link #streamsPollMs()}).
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

    /**
     * The value for Kafka Streams' {@code poll.ms}: a third of the interval, between 1 and 100 ms. A
     * stream thread with nothing to read blocks in poll that long, so a commit owed at the end of an
     * interval is made at most this late. A thread that has records to read never blocks.
     */
    public long streamsPollMs() {
        return Math.max(1, Math.min(100, interval.toMillis() / 3));
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
     * Asks for commits after fresh records. A commit covers every task of the stream thread, so the
     * pace is kept per thread: the tasks of one thread share one pace, threads do not.
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
         * After a processor has processed a record stamped {@code recordTimestampMs}: asks for a
         * commit now, or schedules the ask for the end of the interval (see {@link CommitPacing}), or
         * does nothing for a backlog record.
         */
        public void afterRecord(final ProcessorContext<?, ?> context, final long recordTimestampMs) {
            final long nowMs = context.currentSystemTimeMs();
            final Pace pace = paces.get();
            switch (pace.afterRecord(recordTimestampMs, nowMs, intervalMs, backlogAgeMs)) {
                case NOW -> {
                    pace.cancelFollowUp();
                    context.commit();
                }
                case LATER -> {
                    if (pace.followUpLost(nowMs, intervalMs)) {
                        scheduleFollowUp(context, pace, nowMs);
                    }
                }
                case NONE -> {
                    // A backlog record: the backlog interval commits it.
                }
            }
        }

        /** A one-off punctuation at the end of the current interval, which asks if a commit is still owed. */
        private void scheduleFollowUp(final ProcessorContext<?, ?> context, final Pace pace, final long nowMs) {
            final long delayMs = Math.max(1, pace.askedAtMs + intervalMs - nowMs);
            pace.followUp(context.schedule(Duration.ofMillis(delayMs), PunctuationType.WALL_CLOCK_TIME,
                    timestampMs -> followUp(context, pace)), nowMs + delayMs);
        }

        private void followUp(final ProcessorContext<?, ?> context, final Pace pace) {
            pace.cancelFollowUp();
            final long nowMs = context.currentSystemTimeMs();
            if (pace.owedAt(nowMs, intervalMs)) {
                context.commit();
            } else if (pace.owed) {
                scheduleFollowUp(context, pace, nowMs);
            }
        }

        /**
         * The decision alone, for {@code nowMs} on this thread: whether to ask for a commit now after a
         * record stamped {@code recordTimestampMs} (a fresh record with no ask within the interval, or
         * a clock that went back since the last one). A fresh record answered no leaves a commit owed.
         */
        public boolean commitAfter(final long recordTimestampMs, final long nowMs) {
            return paces.get().afterRecord(recordTimestampMs, nowMs, intervalMs, backlogAgeMs) == Ask.NOW;
        }

        /**
         * Whether this thread owes a commit that is due at {@code nowMs}; if so, it counts as asked
         * now. This is what the scheduled punctuation checks.
         */
        public boolean owedCommitDue(final long nowMs) {
            return paces.get().owedAt(nowMs, intervalMs);
        }
    }

    private enum Ask { NOW, LATER, NONE }

    /** When one thread last asked, whether it owes a commit, and its scheduled follow-up. */
    private static final class Pace {
        private boolean asked;
        private long askedAtMs;
        private boolean owed;
        private Cancellable followUp;
        private long followUpAtMs;

        Ask afterRecord(final long recordTimestampMs, final long nowMs, final long intervalMs, final long backlogAgeMs) {
            if (nowMs - recordTimestampMs > backlogAgeMs) {
                return Ask.NONE;
            }
            if (asked && nowMs - askedAtMs < intervalMs && nowMs >= askedAtMs) {
                owed = true;
                return Ask.LATER;
            }
            askNow(nowMs);
            return Ask.NOW;
        }

        /** Whether a commit is owed and its interval has passed (or the clock went back); asks if so. */
        boolean owedAt(final long nowMs, final long intervalMs) {
            if (!owed || (nowMs - askedAtMs < intervalMs && nowMs >= askedAtMs)) {
                return false;
            }
            askNow(nowMs);
            return true;
        }

        private void askNow(final long nowMs) {
            asked = true;
            askedAtMs = nowMs;
            owed = false;
        }

        /**
         * Whether a follow-up must be scheduled: none is, or the one scheduled is an interval overdue
         * (its task was closed or moved to another thread before it fired).
         */
        boolean followUpLost(final long nowMs, final long intervalMs) {
            return followUp == null || nowMs - followUpAtMs > intervalMs;
        }

        void followUp(final Cancellable scheduled, final long atMs) {
            cancelFollowUp();
            followUp = scheduled;
            followUpAtMs = atMs;
        }

        void cancelFollowUp() {
            if (followUp != null) {
                followUp.cancel();
                followUp = null;
            }
        }
    }
}
