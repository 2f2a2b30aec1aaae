package dev.wallet.api.transfer;

import dev.wallet.schemas.avro.TransferDuplicate;
import dev.wallet.schemas.avro.TransferDuplicateConflict;
import dev.wallet.schemas.avro.TransferEvent;
import dev.wallet.schemas.avro.TransferFailed;
import java.util.function.Consumer;

/**
 * What this instance does with each transfer event: remember the transfer's state, push it to
 * SSE subscribers, and complete the requests waiting for it.
 *
 * <p>A conflict event describes a refused request, not a change of the original transfer, so it
 * only answers the conflicting waiter and changes no state.
 */
public final class TransferEventHandler implements Consumer<TransferEvent> {

    private final RecentTransfers recent;
    private final TransferStreams streams;
    private final TransferWaiters waiters;

    /** A handler feeding the given cache, streams and waiters. */
    public TransferEventHandler(final RecentTransfers recent, final TransferStreams streams,
                                final TransferWaiters waiters) {
        this.recent = recent;
        this.streams = streams;
        this.waiters = waiters;
    }

    @Override
    public void accept(final TransferEvent event) {
        if (!(event.getBody() instanceof TransferDuplicateConflict)) {
            final TransferState state = recent.update(TransferState.of(event, failureReason(event)));
            streams.publish(state);
        }
        waiters.onEvent(event);
    }

    private static String failureReason(final TransferEvent event) {
        if (event.getBody() instanceof TransferFailed failed) {
            return failed.getReason().name();
        }
        if (event.getBody() instanceof TransferDuplicate duplicate && duplicate.getFailureReason() != null) {
            return duplicate.getFailureReason().name();
        }
        return null;
    }
}
