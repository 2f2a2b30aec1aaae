package dev.wallet.ops.processor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wallet.account.store.avro.StoredAccount;
import dev.wallet.account.store.avro.StoredAccountType;
import dev.wallet.ops.audit.Findings;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StateComparisonTest {

    private static final StoredAccount AT_5 = new StoredAccount(StoredAccountType.USER, "USD", 100L, 5L, 0L);
    private static final StoredAccount AT_6 = new StoredAccount(StoredAccountType.USER, "USD", 90L, 6L, 0L);

    @Test
    void shouldCountAnAccountARunningProcessorMovedOnWithoutJudgingIt() {
        final StateComparison comparison = new StateComparison(new Findings());

        comparison.compare(Map.of("alice", AT_5), Map.of("alice", AT_6), "changelog", false);

        assertThat(comparison.ahead()).isOne();
        assertThat(comparison.differing()).isEmpty();
        assertThat(comparison.aheadOfLedger()).isEmpty();
    }

    @Test
    void shouldNameAnAccountAheadOfTheLedgerWhileTheProcessorWasStopped() {
        final Findings findings = new Findings();
        final StateComparison comparison = new StateComparison(findings);

        comparison.compare(Map.of("alice", AT_5, "bob", AT_6), Map.of("alice", AT_6, "bob", AT_5), "changelog", true);

        assertThat(comparison.differing()).containsExactlyInAnyOrder("alice", "bob");
        assertThat(comparison.aheadOfLedger()).containsExactly("alice");
        assertThat(findings.isEmpty()).isFalse();
    }
}
