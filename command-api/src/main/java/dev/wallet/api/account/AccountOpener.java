package dev.wallet.api.account;

import dev.wallet.api.config.CommandApiProperties;
import dev.wallet.api.kafka.CommandPublisher;
import dev.wallet.api.kafka.PublishResult;
import dev.wallet.api.metrics.ApiMetrics;
import dev.wallet.api.waiting.WaitingLimit;
import dev.wallet.schemas.avro.AccountCommand;
import dev.wallet.schemas.avro.CommandStep;
import dev.wallet.schemas.avro.OpenAccount;
import dev.wallet.schemas.topics.Topics;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Writes an {@code OpenAccount} command (key account_id, a fresh transaction_id, step OPEN) and
 * waits up to {@code wallet.api.account-open-wait} for the ledger event that answers it.
 */
public final class AccountOpener {

    private static final Logger log = LoggerFactory.getLogger(AccountOpener.class);
    private static final String ENDPOINT = "accounts";

    private final CommandPublisher publisher;
    private final AccountOpenWaiters waiters;
    private final WaitingLimit limit;
    private final CommandApiProperties properties;
    private final ApiMetrics metrics;
    private final Clock clock;

    /** An opener writing with {@code publisher} and waiting through {@code waiters}. */
    public AccountOpener(final CommandPublisher publisher, final AccountOpenWaiters waiters, final WaitingLimit limit,
                         final CommandApiProperties properties, final ApiMetrics metrics, final Clock clock) {
        this.publisher = publisher;
        this.waiters = waiters;
        this.limit = limit;
        this.properties = properties;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** Opens {@code account}; never errors. */
    public Mono<AccountOpenOutcome> open(final ValidOpenAccount account) {
        if (!limit.tryAcquire()) {
            return Mono.just(new AccountOpenOutcome.Overloaded(limit.max()));
        }
        final String transactionId = UUID.randomUUID().toString();
        final Mono<AccountOpenOutcome> outcome = waiters.register(transactionId);
        return publisher.publish(Topics.ACCOUNT_COMMANDS, account.accountId(), command(account, transactionId))
                .flatMap(result -> afterPublish(account, transactionId, outcome, result))
                .doFinally(signal -> {
                    waiters.remove(transactionId);
                    limit.release();
                });
    }

    private Mono<AccountOpenOutcome> afterPublish(final ValidOpenAccount account, final String transactionId,
                                                  final Mono<AccountOpenOutcome> outcome, final PublishResult result) {
        if (result instanceof PublishResult.Unavailable unavailable) {
            log.warn("Open command {} for account {} was not written: {}", transactionId, account.accountId(),
                    unavailable.reason());
            return Mono.just(new AccountOpenOutcome.NotWritten(unavailable.reason()));
        }
        final long acknowledgedNanos = System.nanoTime();
        return outcome
                .timeout(properties.accountOpenWait(), Mono.just(new AccountOpenOutcome.Pending()))
                .publishOn(Schedulers.parallel())
                .doOnNext(answer -> metrics.answeredAfterWait(ENDPOINT, outcomeName(answer),
                        Duration.ofNanos(System.nanoTime() - acknowledgedNanos)));
    }

    private AccountCommand command(final ValidOpenAccount account, final String transactionId) {
        return AccountCommand.newBuilder()
                .setAccountId(account.accountId())
                .setTransactionId(transactionId)
                .setStep(CommandStep.OPEN)
                .setIssuedAt(clock.instant())
                .setBody(OpenAccount.newBuilder()
                        .setAccountType(account.type())
                        .setCurrency(account.currency())
                        .build())
                .build();
    }

    private static String outcomeName(final AccountOpenOutcome outcome) {
        if (outcome instanceof AccountOpenOutcome.Opened opened) {
            return opened.repeated() ? "exists" : "created";
        }
        return outcome instanceof AccountOpenOutcome.Rejected ? "conflict" : "pending";
    }
}
