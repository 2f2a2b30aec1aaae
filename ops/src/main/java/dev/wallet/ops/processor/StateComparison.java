package dev.wallet.ops.processor;

import dev.wallet.account.store.avro.StoredAccount;
import dev.wallet.ops.audit.Findings;
import dev.wallet.ops.audit.Violation.Rule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Compares the processor's state (its changelog) with the state rebuilt from the ledger. The
 * ledger snapshot is taken before the changelog's, and every ledger event is committed in the same
 * transaction as its state change, so the processor is never legitimately behind the ledger
 * snapshot; it may be ahead while it runs, and those accounts are counted, not judged. With the
 * processor stopped nothing can be ahead, so every difference counts.
 */
public final class StateComparison {

    private final Findings findings;
    private final List<String> differing = new ArrayList<>();
    private final List<String> aheadOfLedger = new ArrayList<>();
    private long ahead;

    public StateComparison(final Findings findings) {
        this.findings = findings;
    }

    /**
     * @param processorStopped whether the processor's group had no member, so its state cannot be
     *                         ahead of the ledger snapshot
     */
    public void compare(final Map<String, StoredAccount> rebuilt, final Map<String, StoredAccount> current,
                        final String changelog, final boolean processorStopped) {
        for (final Map.Entry<String, StoredAccount> entry : rebuilt.entrySet()) {
            final StoredAccount found = current.get(entry.getKey());
            final StoredAccount expected = entry.getValue();
            if (found != null && !processorStopped && found.getSequence() > expected.getSequence()) {
                ahead++;
                continue;
            }
            if (!expected.equals(found)) {
                differ(entry.getKey(), changelog, "processor holds " + describe(found) + ", ledger says "
                        + describe(expected));
                if (found != null && found.getSequence() > expected.getSequence()) {
                    aheadOfLedger.add(entry.getKey());
                }
            }
        }
        for (final Map.Entry<String, StoredAccount> entry : current.entrySet()) {
            if (rebuilt.containsKey(entry.getKey())) {
                continue;
            }
            if (processorStopped) {
                differ(entry.getKey(), changelog, "processor holds " + describe(entry.getValue())
                        + ", the ledger has no such account");
            } else {
                ahead++;
            }
        }
    }

    private void differ(final String accountId, final String changelog, final String detail) {
        differing.add(accountId);
        findings.add(Rule.PROCESSOR_STATE_MISMATCH, "account " + accountId, changelog, detail);
    }

    private static String describe(final StoredAccount stored) {
        if (stored == null) {
            return "nothing";
        }
        return "{" + stored.getAccountType() + " " + stored.getCurrency() + ", balance " + stored.getBalanceMinor()
                + ", sequence " + stored.getSequence() + ", opened at " + stored.getOpenedAtMs() + "}";
    }

    /** Accounts whose state differs from the ledger's. */
    public List<String> differing() {
        return differing;
    }

    /**
     * Accounts that differ with a sequence above the ledger's although the processor was stopped:
     * the ledger read is missing events of them, and writing its state would move them back.
     */
    public List<String> aheadOfLedger() {
        return aheadOfLedger;
    }

    /** Accounts the running processor moved on since the ledger snapshot. */
    public long ahead() {
        return ahead;
    }
}
