package dev.wallet.account.topology;

import dev.wallet.account.ledger.Account;
import dev.wallet.account.ledger.AccountLedger;
import dev.wallet.account.ledger.Decision;
import dev.wallet.account.ledger.Refunded;
import dev.wallet.account.store.AccountStores;
import dev.wallet.account.store.AccountsStore;
import dev.wallet.account.store.AppliedStepsStore;
import dev.wallet.schemas.avro.AccountCommand;
import dev.wallet.schemas.avro.AccountEvent;
import dev.wallet.schemas.avro.RefundAccount;
import dev.wallet.schemas.kafka.CommitPacing;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers each account command with exactly one ledger event: reads the account and what the
 * command's transaction already did on it, lets {@link AccountLedger} decide, keeps the result
 * (unless it answers a repeat) and forwards the event. Kafka Streams' exactly-once commits the
 * store writes and the event together; after a fresh command the processor asks for that commit
 * early, as its {@link CommitPacing} says.
 *
 * <p>A broken invariant (a negative USER balance about to be kept, an overflowing refund, a
 * corrupted stored account) is logged with the ids and rethrown: the stream thread stops rather
 * than write a wrong ledger.
 */
final class AccountCommandProcessor implements Processor<String, AccountCommand, String, AccountEvent> {

    private static final Logger log = LoggerFactory.getLogger(AccountCommandProcessor.class);

    private final AccountProcessorSettings settings;
    private final LedgerMetrics metrics;
    private final CommitPacing.Pacer pacer;
    private ProcessorContext<String, AccountEvent> context;
    private AccountsStore accounts;
    private AppliedStepsStore appliedSteps;

    AccountCommandProcessor(final AccountProcessorSettings settings, final LedgerMetrics metrics,
                            final CommitPacing.Pacer pacer) {
        this.settings = settings;
        this.metrics = metrics;
        this.pacer = pacer;
    }

    @Override
    public void init(final ProcessorContext<String, AccountEvent> context) {
        this.context = context;
        this.accounts = new AccountsStore(context.getStateStore(AccountStores.ACCOUNTS));
        this.appliedSteps = new AppliedStepsStore(context.getStateStore(AccountStores.APPLIED_STEPS),
                context.getStateStore(AccountStores.APPLIED_STEPS_V1), settings.appliedStepsRetention(),
                settings.appliedStepsBucket());
    }

    @Override
    public void process(final Record<String, AccountCommand> record) {
        final AccountCommand command = record.value();
        final String problem = CommandReader.problemWith(record.key(), command);
        if (problem != null) {
            skip(record, problem);
            return;
        }
        final long nowMs = context.currentSystemTimeMs();
        final Decision decision = decide(command, nowMs);
        context.forward(record.withValue(EventWriter.toEvent(command, decision)));
        metrics.count(decision);
        report(command, decision);
        pacer.afterRecord(context, record.timestamp());
    }

    private Decision decide(final AccountCommand command, final long nowMs) {
        final String accountId = command.getAccountId();
        final String stepsKey = AppliedStepsStore.key(accountId, command.getTransactionId());
        try {
            final Account account = accounts.find(accountId);
            final AppliedStepsStore.Found found = appliedSteps.find(stepsKey, nowMs);
            final Decision decision = AccountLedger.decide(CommandReader.toLedger(command), account, found.steps(), nowMs);
            if (!decision.repeated()) {
                keep(accountId, stepsKey, found, decision, nowMs);
            }
            return decision;
        } catch (IllegalStateException | ArithmeticException e) {
            log.error("Account {} cannot answer {} of transaction {}: an invariant would break ({}); stopping.",
                    accountId, command.getStep(), command.getTransactionId(), e.getMessage());
            throw new IllegalStateException("Account " + accountId + ", " + command.getStep() + " of transaction "
                    + command.getTransactionId() + ": " + e.getMessage(), e);
        }
    }

    private void keep(final String accountId, final String stepsKey, final AppliedStepsStore.Found found,
                      final Decision decision, final long nowMs) {
        if (decision.accountAfter() != null) {
            accounts.save(accountId, decision.accountAfter());
        }
        appliedSteps.save(stepsKey, found, decision.stepsAfter(), nowMs);
    }

    private void skip(final Record<String, AccountCommand> record, final String problem) {
        final String where = context.recordMetadata()
                .map(AccountCommandProcessor::describe)
                .orElse("an unknown offset");
        final AccountCommand command = record.value();
        log.warn("Skipped the account command at {} (account {}, transaction {}) because {}.", where,
                command == null ? record.key() : command.getAccountId(),
                command == null ? null : command.getTransactionId(), problem);
        metrics.countInvalid();
    }

    private static String describe(final RecordMetadata metadata) {
        return metadata.topic() + "-" + metadata.partition() + "@" + metadata.offset();
    }

    private static void report(final AccountCommand command, final Decision decision) {
        if (decision.repeated()) {
            log.info("Account {} answered a repeated {} of transaction {} with its original outcome at sequence {}.",
                    command.getAccountId(), command.getStep(), command.getTransactionId(),
                    decision.outcome().position().sequence());
        } else if (decision.outcome() instanceof Refunded refunded
                && refunded.amountMinor() != ((RefundAccount) command.getBody()).getAmountMinor()) {
            log.warn("Account {} gave back {} for transaction {}, the amount its debit took, not the {} the refund"
                    + " asked for.", command.getAccountId(), refunded.amountMinor(), command.getTransactionId(),
                    ((RefundAccount) command.getBody()).getAmountMinor());
        } else if (log.isDebugEnabled()) {
            log.debug("Account {} answered {} of transaction {} with {}.", command.getAccountId(), command.getStep(),
                    command.getTransactionId(), decision.outcome());
        }
    }
}
