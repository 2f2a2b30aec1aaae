package dev.wallet.ops.progress;

import java.io.PrintStream;
import java.time.Duration;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress of one replay (events done / total, rate, time left). On a terminal it is a progress
 * bar; without one (a pipe, a log file, a test) it is a plain line every {@link #PLAIN_EVERY_MS}.
 * {@link #close()} prints the replay speed in events/s, which operators quote.
 */
public final class ReplayProgress implements AutoCloseable {

    /** Interval of the plain progress lines when no terminal is attached. */
    static final long PLAIN_EVERY_MS = 2_000;

    private final String task;
    private final long total;
    private final PrintStream out;
    private final ProgressBar bar;
    private final long startNs = System.nanoTime();
    private long done;
    private long lastLineNs = startNs;
    private boolean closed;

    private ReplayProgress(final String task, final long total, final PrintStream out, final boolean terminal) {
        this.task = task;
        this.total = total;
        this.out = out;
        this.bar = terminal ? new ProgressBarBuilder().setTaskName(task).setInitialMax(total)
                .setStyle(ProgressBarStyle.ASCII).setUnit(" ev", 1).showSpeed().build() : null;
    }

    /** A progress of {@code total} events on {@code out}: a bar on a terminal, plain lines otherwise. */
    public static ReplayProgress start(final String task, final long total, final PrintStream out) {
        return new ReplayProgress(task, total, out, System.console() != null);
    }

    /** A progress that writes plain lines only (tests, logs). */
    public static ReplayProgress plain(final String task, final long total, final PrintStream out) {
        return new ReplayProgress(task, total, out, false);
    }

    /** {@code events} more are done. */
    public void advance(final long events) {
        done += events;
        if (bar != null) {
            bar.stepBy(events);
            return;
        }
        final long nowNs = System.nanoTime();
        if (nowNs - lastLineNs >= Duration.ofMillis(PLAIN_EVERY_MS).toNanos()) {
            lastLineNs = nowNs;
            out.println(line(nowNs));
        }
    }

    /** Events done so far. */
    public long done() {
        return done;
    }

    /** Events per second since the start. */
    public double eventsPerSecond() {
        final double seconds = Math.max(1e-9, (System.nanoTime() - startNs) / 1e9);
        return done / seconds;
    }

    private String line(final long nowNs) {
        final double seconds = Math.max(1e-9, (nowNs - startNs) / 1e9);
        final double rate = done / seconds;
        final long left = Math.max(0, total - done);
        final String eta = rate > 0 ? Duration.ofSeconds((long) Math.ceil(left / rate)).toString() : "unknown";
        final double percent = total == 0 ? 100 : 100.0 * done / total;
        return String.format("%s: %,d / %,d events (%.1f%%), %,.0f events/s, time left %s",
                task, done, total, percent, rate, eta);
    }

    /** Ends the progress and prints the replay speed. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (bar != null) {
            bar.close();
        }
        final double seconds = (System.nanoTime() - startNs) / 1e9;
        out.printf("%s: replayed %,d events in %.1f s, %,.0f events/s%n", task, done, seconds, eventsPerSecond());
    }
}
