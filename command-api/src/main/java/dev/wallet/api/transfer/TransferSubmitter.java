package dev.wallet.api.transfer;

import dev.wallet.api.config.CommandApiProperties;
import dev.wallet.api.kafka.CommandPublisher;
import dev.wallet.api.kafka.PublishResult;
import dev.wallet.api.metrics.ApiMetrics;
import dev.wallet.api.waiting.WaitingLimit;
import dev.wallet.schemas.avro.TransferRequest;
import dev.wallet.schemas.topics.Topics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Hands a valid transfer to the write path: takes a waiting place, registers the waiter, writes
 * the {@link TransferRequest} (key transaction_id) and waits up to {@code wallet.api.outcome-wait}
 * for its outcome after Kafka acknowledged it.
 */
public final class TransferSubmitter {

    private static final Logger log = LoggerFactory.getLogger(TransferSubmitter.class);
    private static final String ENDPOINT = "balance_transfer";

    private final CommandPublisher publisher;
    private final TransferWaiters waiters;
    private final WaitingLimit limit;
    private final CommandApiProperties properties;
    private final ApiMetrics metrics;
    private final Clock clock;

    /** A submitter writing with {@code publisher} and waiting through {@code waiters}. */
    public TransferSubmitter(final CommandPublisher publisher, final TransferWaiters waiters, final WaitingLimit limit,
                             final CommandApiProperties properties, final ApiMetrics metrics, final Clock clock) {
        this.publisher = publisher;
        this.waiters = waiters;
        this.limit = limit;
        this.properties = properties;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** Writes {@code transfer} and waits for its outcome; never errors. */
    public Mono<Submission> submit(final ValidTransfer transfer) {
        if (!limit.tryAcquire()) {
            log.warn("Refused transfer {}: {} requests wait already.", transfer.transactionId(), limit.max());
            return Mono.just(new Submission.Overloaded(limit.max()));
        }
        final TransferWaiters.Waiter waiter = waiters.register(transfer);
        return publisher.publish(Topics.TRANSFER_REQUESTS, transfer.transactionId(), request(transfer))
                .flatMap(result -> afterPublish(transfer, waiter, result))
                .doFinally(signal -> {
                    waiters.remove(waiter);
                    limit.release();
                });
    }

    private Mono<Submission> afterPublish(final ValidTransfer transfer, final TransferWaiters.Waiter waiter,
                                          final PublishResult result) {
        if (result instanceof PublishResult.Unavailable unavailable) {
            log.warn("Transfer {} was not written: {}", transfer.transactionId(), unavailable.reason());
            return Mono.just(new Submission.NotWritten(unavailable.reason()));
        }
        final long acknowledgedNanos = System.nanoTime();
        return waiter.outcome()
                .timeout(properties.outcomeWait(), Mono.just(new TransferOutcome.Pending()))
                // The tail thread completes waiters; answer on a worker so it goes back to reading.
                .publishOn(Schedulers.parallel())
                .map(outcome -> {
                    metrics.answeredAfterWait(ENDPOINT, outcomeName(outcome),
                            Duration.ofNanos(System.nanoTime() - acknowledgedNanos));
                    return new Submission.Written(outcome);
                });
    }

    private TransferRequest request(final ValidTransfer transfer) {
        final Instant now = clock.instant();
        return TransferRequest.newBuilder()
                .setTransactionId(transfer.transactionId())
                .setFromAccount(transfer.fromAccount())
                .setToAccount(transfer.toAccount())
                .setAmountMinor(transfer.amountMinor())
                .setCurrency(transfer.currency())
                .setRequestedAt(now)
                .setDeadline(now.plus(properties.requestExpiry()))
                .build();
    }

    /** The metric name of an outcome. */
    static String outcomeName(final TransferOutcome outcome) {
        if (outcome instanceof TransferOutcome.Succeeded) {
            return "success";
        }
        if (outcome instanceof TransferOutcome.Failed) {
            return "failed";
        }
        return outcome instanceof TransferOutcome.Conflict ? "conflict" : "pending";
    }
}
