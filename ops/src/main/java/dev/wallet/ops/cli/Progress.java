package dev.wallet.ops.cli;

import dev.wallet.ops.progress.ReplayProgress;
import java.io.PrintStream;
import java.util.function.BiFunction;

/** Makes the progress of each replay: a bar on a terminal, plain lines otherwise or when asked. */
final class Progress {

    private Progress() {
    }

    static BiFunction<String, Long, ReplayProgress> on(final PrintStream out, final boolean plain) {
        return (task, total) -> plain ? ReplayProgress.plain(task, total, out) : ReplayProgress.start(task, total, out);
    }
}
