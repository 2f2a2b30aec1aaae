package dev.wallet.query.projection;

import dev.wallet.schemas.avro.AccountEvent;
import dev.wallet.schemas.avro.TransferEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows of one poll of both topics, already reduced so that each table gets one multi-row
 * statement in which no key appears twice (PostgreSQL refuses {@code ON CONFLICT DO UPDATE} that
 * touches a row twice): one account row per account (its highest sequence), one transfer row per
 * transaction (its highest phase), one progress row per partition.
 */
public final class ProjectionBatch {

    private final List<LedgerRow> ledgerRows = new ArrayList<>();
    private final List<UnknownAccountRow> unknownAccountRows = new ArrayList<>();
    private final Map<String, AccountRow> accounts = new LinkedHashMap<>();
    private final Map<String, TransferRow> transfers = new LinkedHashMap<>();
    private final Map<String, TransferRow> transfersSeenOnlyAsDuplicates = new LinkedHashMap<>();
    private final List<DuplicateRow> duplicateRows = new ArrayList<>();
    private final Map<String, ProgressRow> progress = new LinkedHashMap<>();
    private int events;
    private int repeatedEvents;

    /** Adds one ledger event; a repeat of an earlier outcome is counted and otherwise ignored. */
    public void addAccountEvent(final AccountEvent event) {
        events++;
        if (event.getRepeated()) {
            // Same sequence and balance as the original, which is (or will be) projected itself.
            repeatedEvents++;
            return;
        }
        if (event.getSequence() == 0) {
            unknownAccountRows.add(AccountEventRows.unknownAccountRow(event));
            return;
        }
        final LedgerRow row = AccountEventRows.ledgerRow(event);
        ledgerRows.add(row);
        accounts.merge(row.accountId(), accountRowOf(row), ProjectionBatch::newerAccount);
    }

    /** Adds one saga event read from {@code partition} at {@code offset}. */
    public void addTransferEvent(final TransferEvent event, final int partition, final long offset) {
        events++;
        final TransferRow row = TransferEventRows.transferRow(event);
        if (TransferEventRows.isDuplicate(event)) {
            duplicateRows.add(TransferEventRows.duplicateRow(event, partition, offset));
            transfersSeenOnlyAsDuplicates.merge(row.transactionId(), row, ProjectionBatch::furtherTransfer);
            return;
        }
        transfers.merge(row.transactionId(), row, ProjectionBatch::furtherTransfer);
    }

    /** Records that {@code topic}/{@code partition} is projected up to {@code nextOffset}. */
    public void addProgress(final String topic, final int partition, final long nextOffset, final long eventAtMs) {
        progress.merge(topic + "/" + partition, new ProgressRow(topic, partition, nextOffset, eventAtMs),
                (a, b) -> new ProgressRow(topic, partition, Math.max(a.nextOffset(), b.nextOffset()),
                        Math.max(a.lastEventAtMs(), b.lastEventAtMs())));
    }

    public List<LedgerRow> ledgerRows() {
        return ledgerRows;
    }

    public List<UnknownAccountRow> unknownAccountRows() {
        return unknownAccountRows;
    }

    public List<AccountRow> accountRows() {
        return List.copyOf(accounts.values());
    }

    public List<TransferRow> transferRows() {
        return List.copyOf(transfers.values());
    }

    /** Transfers the batch knows only from duplicate events: inserted if absent, never updated. */
    public List<TransferRow> duplicateOnlyTransferRows() {
        return transfersSeenOnlyAsDuplicates.values().stream()
                .filter(row -> !transfers.containsKey(row.transactionId()))
                .toList();
    }

    public List<DuplicateRow> duplicateRows() {
        return duplicateRows;
    }

    public List<ProgressRow> progressRows() {
        return List.copyOf(progress.values());
    }

    /** Events in the batch (both topics, repeats included, undeserializable records excluded). */
    public int events() {
        return events;
    }

    public int repeatedEvents() {
        return repeatedEvents;
    }

    public boolean isEmpty() {
        return events == 0 && progress.isEmpty();
    }

    private static AccountRow accountRowOf(final LedgerRow row) {
        final boolean opened = row.kind() == EntryKind.OPENED;
        return new AccountRow(row.accountId(), row.currency(), row.accountType(), row.balanceAfterMinor(),
                row.sequence(), opened ? row.occurredAtMs() : null, row.occurredAtMs());
    }

    private static AccountRow newerAccount(final AccountRow a, final AccountRow b) {
        final AccountRow newer = b.sequence() > a.sequence() ? b : a;
        final AccountRow opened = a.accountType() != null ? a : b;
        return new AccountRow(newer.accountId(), newer.currency(), opened.accountType(), newer.balanceMinor(),
                newer.sequence(), opened.openedAtMs(), newer.updatedAtMs());
    }

    /** Merges two views of one transfer: the further phase wins; facts only one of them carries are kept. */
    static TransferRow furtherTransfer(final TransferRow a, final TransferRow b) {
        final TransferRow further = b.phaseRank() > a.phaseRank() ? b : a;
        return new TransferRow(a.transactionId(), a.fromAccount(), a.toAccount(), a.amountMinor(), a.currency(),
                further.phase(), further.phaseRank(), further.reason(), further.refunded(),
                first(a.sourceSequence(), b.sourceSequence()), first(a.destinationSequence(), b.destinationSequence()),
                first(a.requestedAtMs(), b.requestedAtMs()), first(a.deadlineAtMs(), b.deadlineAtMs()),
                first(a.acceptedAtMs(), b.acceptedAtMs()), further.finishedAtMs(), further.updatedAtMs());
    }

    private static Long first(final Long a, final Long b) {
        return a != null ? a : b;
    }
}
