package dev.wallet.ops.audit;

import dev.wallet.ops.audit.Violation.Rule;
import dev.wallet.ops.ledger.AccountHistory;
import dev.wallet.ops.ledger.LedgerFold;
import dev.wallet.ops.ledger.Movement;
import dev.wallet.ops.ledger.TransactionMovements;
import dev.wallet.ops.ledger.TransferOutcomes;
import dev.wallet.ops.ledger.TransferState;
import dev.wallet.schemas.avro.TransferPhase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The checks across the whole ledger and the saga's outcomes, run after both are folded:
 * double entry per currency, every transfer's ledger entries, and transfers stuck or missing.
 */
public final class LedgerChecks {

    private final Findings findings;
    private final Instant now;
    private final Duration pendingOlderThan;
    private final Map<String, Long> sums = new TreeMap<>();
    private final Map<String, Long> inFlight = new TreeMap<>();
    private final Map<TransferPhase, Long> phases = new TreeMap<>();

    /**
     * @param now              the audit's clock, against which pending transfers age
     * @param pendingOlderThan a non-terminal transfer whose last event is older than this is stuck
     */
    public LedgerChecks(final Findings findings, final Instant now, final Duration pendingOlderThan) {
        this.findings = findings;
        this.now = now;
        this.pendingOlderThan = pendingOlderThan;
    }

    /** Runs every check over the folded ledger and transfers. */
    public void check(final LedgerFold ledger, final TransferOutcomes transfers) {
        for (final TransferState transfer : transfers.transfers().values()) {
            phases.merge(transfer.phase(), 1L, Long::sum);
            final TransactionMovements moved = ledger.movements().getOrDefault(transfer.transactionId(),
                    new TransactionMovements());
            switch (transfer.phase()) {
                case COMPLETED -> checkCompleted(transfer, moved);
                case FAILED -> checkFailed(transfer, moved);
                default -> checkPending(transfer, moved);
            }
        }
        checkMovementsWithoutTransfer(ledger, transfers);
        checkCurrencySums(ledger);
    }

    private void checkCompleted(final TransferState transfer, final TransactionMovements moved) {
        final List<Movement> debits = on(moved.debits(), transfer.fromAccount());
        final List<Movement> credits = on(moved.credits(), transfer.toAccount());
        final StringBuilder wrong = new StringBuilder();
        expectOne("debit", debits, transfer, wrong);
        expectOne("credit", credits, transfer, wrong);
        if (debits.size() != moved.debits().size() || credits.size() != moved.credits().size()) {
            wrong.append("; money moved on other accounts than ").append(transfer.fromAccount()).append(" -> ")
                    .append(transfer.toAccount());
        }
        if (!moved.refunds().isEmpty()) {
            wrong.append("; ").append(moved.refunds().size()).append(" refund(s) of a completed transfer");
        }
        if (!wrong.isEmpty()) {
            findings.add(Rule.COMPLETED_TRANSFER_ENTRIES, "transaction " + transfer.transactionId(),
                    transfer.where(), "COMPLETED " + transfer.amountMinor() + " " + transfer.currency() + " "
                            + transfer.fromAccount() + " -> " + transfer.toAccount() + wrong);
        }
    }

    private static void expectOne(final String kind, final List<Movement> found, final TransferState transfer,
                                  final StringBuilder wrong) {
        if (found.size() != 1) {
            wrong.append("; ").append(found.size()).append(" ").append(kind).append("(s), expected 1")
                    .append(found.isEmpty() ? "" : " " + wheres(found));
            return;
        }
        final Movement movement = found.get(0);
        if (movement.amountMinor() != transfer.amountMinor() || !movement.currency().equals(transfer.currency())) {
            wrong.append("; ").append(kind).append(" of ").append(movement.amountMinor()).append(" ")
                    .append(movement.currency()).append(" at ").append(movement.where());
        }
    }

    private void checkFailed(final TransferState transfer, final TransactionMovements moved) {
        final StringBuilder wrong = new StringBuilder();
        if (!moved.credits().isEmpty()) {
            wrong.append("; credited ").append(wheres(moved.credits()));
        }
        final List<Movement> debits = moved.debits();
        final List<Movement> refunds = moved.refunds();
        if (debits.size() > 1) {
            wrong.append("; ").append(debits.size()).append(" debits ").append(wheres(debits));
        } else if (debits.size() == 1) {
            final Movement debit = debits.get(0);
            final boolean refundedBack = refunds.size() == 1 && refunds.get(0).amountMinor() == debit.amountMinor()
                    && refunds.get(0).accountId().equals(debit.accountId());
            if (!refundedBack) {
                wrong.append("; debit of ").append(debit.amountMinor()).append(" at ").append(debit.where())
                        .append(" with ").append(refunds.size()).append(" refund(s) ").append(wheres(refunds));
            }
        } else if (!refunds.isEmpty()) {
            wrong.append("; refund(s) without a debit ").append(wheres(refunds));
        }
        if (!wrong.isEmpty()) {
            findings.add(Rule.FAILED_TRANSFER_ENTRIES, "transaction " + transfer.transactionId(), transfer.where(),
                    "FAILED " + transfer.amountMinor() + " " + transfer.currency() + " " + transfer.fromAccount()
                            + " -> " + transfer.toAccount() + wrong);
        }
    }

    private void checkPending(final TransferState transfer, final TransactionMovements moved) {
        final Instant last = Instant.ofEpochMilli(transfer.lastAtMs());
        if (last.isBefore(now.minus(pendingOlderThan))) {
            findings.add(Rule.PENDING_TRANSFER, "transaction " + transfer.transactionId(), transfer.where(),
                    transfer.phase() + " since " + last + " (older than " + pendingOlderThan + "); ledger holds "
                            + moved.debits().size() + " debit(s), " + moved.credits().size() + " credit(s), "
                            + moved.refunds().size() + " refund(s)");
        }
        addInFlight(moved);
    }

    private void checkMovementsWithoutTransfer(final LedgerFold ledger, final TransferOutcomes transfers) {
        for (final Map.Entry<String, TransactionMovements> entry : ledger.movements().entrySet()) {
            if (transfers.transfers().containsKey(entry.getKey())) {
                continue;
            }
            final TransactionMovements moved = entry.getValue();
            // Its transfer events may just not be written yet; only an old one is a finding.
            addInFlight(moved);
            if (Instant.ofEpochMilli(moved.newestAtMs()).isBefore(now.minus(pendingOlderThan))) {
                final Movement first = firstOf(moved);
                findings.add(Rule.MOVEMENT_WITHOUT_TRANSFER, "transaction " + entry.getKey(), first.where(),
                        moved.debits().size() + " debit(s), " + moved.credits().size() + " credit(s), "
                                + moved.refunds().size() + " refund(s) and no transfer event");
            }
        }
    }

    /** Money a transaction took from a source and has not yet given to a destination or back. */
    private void addInFlight(final TransactionMovements moved) {
        for (final Movement debit : moved.debits()) {
            inFlight.merge(debit.currency(), debit.amountMinor(), Math::addExact);
        }
        for (final Movement credit : moved.credits()) {
            inFlight.merge(credit.currency(), Math.negateExact(credit.amountMinor()), Math::addExact);
        }
        for (final Movement refund : moved.refunds()) {
            inFlight.merge(refund.currency(), Math.negateExact(refund.amountMinor()), Math::addExact);
        }
    }

    /**
     * Double entry: the balances of one currency sum to zero, once the money of transfers still
     * under way (debited, not yet credited or refunded) is counted back in.
     */
    private void checkCurrencySums(final LedgerFold ledger) {
        for (final AccountHistory account : ledger.accounts().values()) {
            sums.merge(account.currency(), account.balanceMinor(), Math::addExact);
        }
        for (final Map.Entry<String, Long> sum : sums.entrySet()) {
            final long flying = inFlight.getOrDefault(sum.getKey(), 0L);
            if (Math.addExact(sum.getValue(), flying) != 0) {
                findings.add(Rule.CURRENCY_SUM, "currency " + sum.getKey(), "", "balances sum to " + sum.getValue()
                        + " with " + flying + " in flight; expected 0 (money created or lost)");
            }
        }
    }

    private static List<Movement> on(final List<Movement> movements, final String accountId) {
        return movements.stream().filter(movement -> movement.accountId().equals(accountId)).toList();
    }

    private static Movement firstOf(final TransactionMovements moved) {
        if (!moved.debits().isEmpty()) {
            return moved.debits().get(0);
        }
        return moved.credits().isEmpty() ? moved.refunds().get(0) : moved.credits().get(0);
    }

    private static String wheres(final List<Movement> movements) {
        return movements.stream().map(Movement::where).toList().toString();
    }

    /** Sum of balances per currency. */
    public Map<String, Long> sums() {
        return sums;
    }

    /** Money in flight per currency (debited by transfers not yet finished). */
    public Map<String, Long> inFlight() {
        return inFlight;
    }

    /** Transfers per furthest phase. */
    public Map<TransferPhase, Long> phases() {
        return phases;
    }
}
