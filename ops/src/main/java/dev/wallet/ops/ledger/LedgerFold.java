package dev.wallet.ops.ledger;

import dev.wallet.ops.audit.Findings;
import dev.wallet.ops.audit.Violation.Rule;
import dev.wallet.query.projection.AccountEventRows;
import dev.wallet.query.projection.LedgerRow;
import dev.wallet.schemas.avro.AccountCredited;
import dev.wallet.schemas.avro.AccountDebited;
import dev.wallet.schemas.avro.AccountEvent;
import dev.wallet.schemas.avro.AccountOpened;
import dev.wallet.schemas.avro.AccountRefunded;
import dev.wallet.schemas.topics.Topics;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Folds {@code wallet.account-events} (the ledger) into every account's history and checks each
 * event on the way: sequences 1, 2, 3... per account with no gap or repeat (events marked
 * {@code repeated} repeat an earlier entry and are checked against it, not counted), balance_after
 * equal to the previous balance plus the amount moved, the account's currency, and no USER balance
 * below zero at any sequence. Events with sequence 0 answer commands for accounts that do not exist
 * and belong to no account. Debits, credits and refunds are also indexed by transaction, for the
 * transfer checks.
 *
 * <p>After a broken event the fold keeps the balance the amounts add up to and takes the event's
 * sequence, so one corrupted event is reported once, not again at every later event.
 */
public final class LedgerFold {

    private static final Logger LOG = LoggerFactory.getLogger(LedgerFold.class);

    private final Deserializer<AccountEvent> deserializer = Topics.ACCOUNT_EVENTS.valueSerde().deserializer();
    private final Map<String, AccountHistory> accounts = new HashMap<>();
    private final Map<String, TransactionMovements> movements = new HashMap<>();
    private final Findings findings;
    private long events;
    private long repeatedEvents;
    private long unknownAccountEvents;
    private long undecodable;

    public LedgerFold(final Findings findings) {
        this.findings = findings;
    }

    /** Folds one poll of ledger records. */
    public void accept(final ConsumerRecords<byte[], byte[]> records) {
        for (final ConsumerRecord<byte[], byte[]> record : records) {
            accept(record);
        }
    }

    /** Folds one ledger record; an undecodable one is skipped, logged with its coordinates and counted. */
    public void accept(final ConsumerRecord<byte[], byte[]> record) {
        final String where = record.topic() + "-" + record.partition() + "@" + record.offset();
        final AccountEvent event;
        try {
            event = record.value() == null ? null : deserializer.deserialize(record.topic(), record.value());
        } catch (SerializationException e) {
            skipUndecodable(where, e.getMessage());
            return;
        }
        if (event == null) {
            skipUndecodable(where, "no value (tombstone)");
            return;
        }
        accept(event, where);
    }

    private void skipUndecodable(final String where, final String why) {
        undecodable++;
        LOG.warn("Skipped an undecodable ledger record at {}: {}", where, why);
        findings.add(Rule.UNDECODABLE_RECORD, "record", where, why);
    }

    /** Folds one decoded ledger event found at {@code where}. */
    public void accept(final AccountEvent event, final String where) {
        events++;
        if (event.getRepeated()) {
            repeatedEvents++;
            checkRepeat(event, where);
            return;
        }
        if (event.getSequence() == 0) {
            unknownAccountEvents++;
            return;
        }
        final LedgerRow row = AccountEventRows.ledgerRow(event);
        final AccountHistory account = accounts.get(event.getAccountId());
        if (account == null) {
            open(event, row, where);
        } else {
            applyNext(account, event, row, where);
        }
    }

    private void open(final AccountEvent event, final LedgerRow row, final String where) {
        final String subject = "account " + event.getAccountId();
        final boolean opening = event.getBody() instanceof AccountOpened && event.getSequence() == 1;
        if (!opening) {
            findings.add(Rule.NOT_OPENED_FIRST, subject, where, "first event is " + row.kind() + " at sequence "
                    + event.getSequence() + ", expected OPENED at sequence 1");
        }
        final String type = event.getBody() instanceof AccountOpened opened ? opened.getAccountType().name() : null;
        final AccountHistory account = new AccountHistory(event.getAccountId(), event.getCurrency(), type,
                event.getOccurredAt().toEpochMilli());
        accounts.put(event.getAccountId(), account);
        account.append(row, event.getBalanceAfterMinor(), where);
        checkNotNegative(account, event, where);
        index(event, row, where);
    }

    private void applyNext(final AccountHistory account, final AccountEvent event, final LedgerRow row,
                           final String where) {
        final String subject = "account " + event.getAccountId();
        final long expected = account.sequence() + 1;
        if (event.getSequence() < expected) {
            findings.add(Rule.SEQUENCE_REPEAT, subject, where, "sequence " + event.getSequence()
                    + " again (not marked repeated) after " + account.sequence() + " (" + account.lastWhere() + ")");
            return;
        }
        if (event.getSequence() > expected) {
            findings.add(Rule.SEQUENCE_GAP, subject, where, "sequence " + event.getSequence() + " follows "
                    + account.sequence() + " (" + account.lastWhere() + "); missing " + expected
                    + (event.getSequence() - 1 > expected ? ".." + (event.getSequence() - 1) : ""));
        }
        if (!account.currency().equals(event.getCurrency())) {
            findings.add(Rule.CURRENCY, subject, where, "event in " + event.getCurrency() + ", account in "
                    + account.currency());
        }
        final long folded = Math.addExact(account.balanceMinor(), row.amountMinor());
        if (folded != event.getBalanceAfterMinor()) {
            findings.add(Rule.BALANCE_FOLD, subject, where, "balance_after " + event.getBalanceAfterMinor()
                    + " at sequence " + event.getSequence() + ", expected " + account.balanceMinor() + " "
                    + signed(row.amountMinor()) + " = " + folded + " (" + row.kind() + ")");
        }
        account.append(row, folded, where);
        checkNotNegative(account, event, where);
        index(event, row, where);
    }

    private void checkNotNegative(final AccountHistory account, final AccountEvent event, final String where) {
        if (account.isUser() && (event.getBalanceAfterMinor() < 0 || account.balanceMinor() < 0)) {
            findings.add(Rule.NEGATIVE_USER_BALANCE, "account " + account.accountId(), where, "balance "
                    + Math.min(event.getBalanceAfterMinor(), account.balanceMinor()) + " " + account.currency()
                    + " at sequence " + event.getSequence());
        }
    }

    private void checkRepeat(final AccountEvent event, final String where) {
        final AccountHistory account = accounts.get(event.getAccountId());
        if (event.getSequence() == 0) {
            return;
        }
        final LedgerRow original = account == null ? null : account.at(event.getSequence());
        if (original == null) {
            findings.add(Rule.REPEAT_MISMATCH, "account " + event.getAccountId(), where, "repeats sequence "
                    + event.getSequence() + ", which the ledger does not hold before it");
        } else if (original.balanceAfterMinor() != event.getBalanceAfterMinor()) {
            findings.add(Rule.REPEAT_MISMATCH, "account " + event.getAccountId(), where, "repeats sequence "
                    + event.getSequence() + " with balance_after " + event.getBalanceAfterMinor() + ", the entry says "
                    + original.balanceAfterMinor());
        }
    }

    private void index(final AccountEvent event, final LedgerRow row, final String where) {
        final Object body = event.getBody();
        final long atMs = event.getOccurredAt().toEpochMilli();
        if (body instanceof AccountDebited debited) {
            movementsOf(event).debit(new Movement(event.getAccountId(), debited.getAmountMinor(),
                    event.getCurrency(), row.sequence(), where, atMs));
        } else if (body instanceof AccountCredited credited) {
            movementsOf(event).credit(new Movement(event.getAccountId(), credited.getAmountMinor(),
                    event.getCurrency(), row.sequence(), where, atMs));
        } else if (body instanceof AccountRefunded refunded) {
            movementsOf(event).refund(new Movement(event.getAccountId(), refunded.getAmountMinor(),
                    event.getCurrency(), row.sequence(), where, atMs));
        }
    }

    private TransactionMovements movementsOf(final AccountEvent event) {
        return movements.computeIfAbsent(event.getTransactionId(), id -> new TransactionMovements());
    }

    private static String signed(final long amountMinor) {
        return amountMinor < 0 ? "- " + Math.negateExact(amountMinor) : "+ " + amountMinor;
    }

    /** Every account the ledger holds, by account_id. */
    public Map<String, AccountHistory> accounts() {
        return accounts;
    }

    /** Debits, credits and refunds by transaction_id. */
    public Map<String, TransactionMovements> movements() {
        return movements;
    }

    /** Events folded (repeats included, undecodable records not). */
    public long events() {
        return events;
    }

    public long repeatedEvents() {
        return repeatedEvents;
    }

    public long unknownAccountEvents() {
        return unknownAccountEvents;
    }

    public long undecodable() {
        return undecodable;
    }
}
