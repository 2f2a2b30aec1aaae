package dev.wallet.query.api;

import java.time.Instant;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Account queries: current balance, balance at an instant, ledger entries. Each takes an optional
 * {@code min_sequence} (with {@code wait_ms}) to wait, bounded, for the account to reach a sequence
 * the caller saw on the write side. An answer not ready within that wait plus
 * {@code wallet.query.timeout-ms} is a 503.
 */
@RestController
@RequestMapping("/v1/wallet/accounts/{accountId}")
public class AccountController {

    private final ReadModel readModel;
    private final ReadSideReporter readSide;
    private final SequenceWait sequenceWait;
    private final QueryProperties properties;

    public AccountController(final ReadModel readModel, final ReadSideReporter readSide,
                             final SequenceWait sequenceWait, final QueryProperties properties) {
        this.readModel = readModel;
        this.readSide = readSide;
        this.sequenceWait = sequenceWait;
        this.properties = properties;
    }

    @GetMapping
    public Mono<AccountAnswers.AccountAnswer> account(
            @PathVariable final String accountId,
            @RequestParam(name = "min_sequence", required = false) final String minSequence,
            @RequestParam(name = "wait_ms", required = false) final String waitMs) {
        final SequenceWait.Request wait = sequenceWait.request(minSequence, waitMs);
        return sequenceWait.await(accountId, wait).flatMap(reached -> knownAccount(accountId)
                .flatMap(account -> readSide.forAccount(account.sequence(), reached.orElse(null))
                        .map(side -> AccountAnswers.AccountAnswer.of(account, side))))
                .timeout(properties.deadline(wait));
    }

    @GetMapping("/balance")
    public Mono<AccountAnswers.BalanceAnswer> balanceAt(
            @PathVariable final String accountId,
            @RequestParam(name = "at", required = false) final String at,
            @RequestParam(name = "min_sequence", required = false) final String minSequence,
            @RequestParam(name = "wait_ms", required = false) final String waitMs) {
        final Instant instant = QueryParameters.instant("at", at);
        final SequenceWait.Request wait = sequenceWait.request(minSequence, waitMs);
        return sequenceWait.await(accountId, wait).flatMap(reached -> knownAccount(accountId)
                .flatMap(account -> readModel.balanceAt(accountId, instant)
                        // Before its first entry the account did not exist yet: nothing in it.
                        .defaultIfEmpty(new ReadModel.BalancePoint(0, 0, null))
                        .flatMap(point -> readSide.forAccount(account.sequence(), reached.orElse(null))
                                .map(side -> AccountAnswers.BalanceAnswer.of(account, instant, point, side)))))
                .timeout(properties.deadline(wait));
    }

    @GetMapping("/entries")
    public Mono<AccountAnswers.EntriesAnswer> entries(
            @PathVariable final String accountId,
            @RequestParam(name = "after_sequence", required = false) final String afterSequence,
            @RequestParam(name = "limit", required = false) final String limit,
            @RequestParam(name = "min_sequence", required = false) final String minSequence,
            @RequestParam(name = "wait_ms", required = false) final String waitMs) {
        final long after = QueryParameters.longInRange("after_sequence", afterSequence, 0, Long.MAX_VALUE, 0L);
        final int pageSize = QueryParameters.longInRange("limit", limit, 1, properties.entriesLimitMax(),
                (long) properties.entriesLimitDefault()).intValue();
        final SequenceWait.Request wait = sequenceWait.request(minSequence, waitMs);
        return sequenceWait.await(accountId, wait).flatMap(reached -> knownAccount(accountId)
                .flatMap(account -> readModel.entries(accountId, after, pageSize)
                        .map(AccountAnswers.EntryAnswer::of).collectList()
                        .flatMap(entries -> readSide.forAccount(account.sequence(), reached.orElse(null))
                                .map(side -> new AccountAnswers.EntriesAnswer(accountId, entries,
                                        nextAfter(entries, pageSize), side)))))
                .timeout(properties.deadline(wait));
    }

    private Mono<ReadModel.Account> knownAccount(final String accountId) {
        return readModel.account(accountId).switchIfEmpty(Mono.error(() -> new NotFoundException("account", accountId)));
    }

    private static Long nextAfter(final List<AccountAnswers.EntryAnswer> entries, final int pageSize) {
        return entries.size() < pageSize ? null : entries.get(entries.size() - 1).sequence();
    }
}
