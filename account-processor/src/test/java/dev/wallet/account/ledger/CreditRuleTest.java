package dev.wallet.account.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wallet.schemas.avro.CreditRejectionReason;
import org.junit.jupiter.api.Test;

class CreditRuleTest {

    @Test
    void shouldPutTheAmountIn() {
        final Decision decision = CreditRule.decide(credit(300, "USD"), Fixtures.user(1_000, 4), AppliedSteps.NONE,
                Fixtures.NOW_MS);

        assertThat(decision.outcome()).isEqualTo(new Credited(300, new Position(5, 1_300, "USD", Fixtures.NOW_MS)));
        assertThat(decision.accountAfter()).isEqualTo(Fixtures.user(1_300, 5));
    }

    @Test
    void shouldDeclineUnknownAccountAtSequenceZero() {
        final Decision decision = CreditRule.decide(credit(300, "USD"), null, AppliedSteps.NONE, Fixtures.NOW_MS);

        assertThat(decision.outcome()).isEqualTo(new CreditDeclined(CreditRejectionReason.ACCOUNT_NOT_FOUND, 300,
                new Position(0, 0, "USD", Fixtures.NOW_MS)));
    }

    @Test
    void shouldDeclineOtherCurrency() {
        assertThat(reasonFor(credit(1, "GBP"), Fixtures.user(0, 1))).isEqualTo(CreditRejectionReason.CURRENCY_MISMATCH);
    }

    @Test
    void shouldDeclineBalanceAboveTheLargestLong() {
        assertThat(reasonFor(credit(2, "USD"), Fixtures.user(Long.MAX_VALUE - 1, 3)))
                .isEqualTo(CreditRejectionReason.BALANCE_OVERFLOW);
    }

    @Test
    void shouldCreditUpToTheLargestLong() {
        final Decision decision = CreditRule.decide(credit(1, "USD"), Fixtures.user(Long.MAX_VALUE - 1, 3),
                AppliedSteps.NONE, Fixtures.NOW_MS);

        assertThat(decision.accountAfter().balanceMinor()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void shouldCreditSystemAccountFromNegative() {
        final Decision decision = CreditRule.decide(credit(500, "USD"), Fixtures.system(-200, 3), AppliedSteps.NONE,
                Fixtures.NOW_MS);

        assertThat(decision.accountAfter().balanceMinor()).isEqualTo(300);
    }

    private static CreditRejectionReason reasonFor(final CreditCommand credit, final Account account) {
        return ((CreditDeclined) CreditRule.decide(credit, account, AppliedSteps.NONE, Fixtures.NOW_MS).outcome())
                .reason();
    }

    private static CreditCommand credit(final long amountMinor, final String currency) {
        return new CreditCommand("tx-1", amountMinor, currency);
    }
}
