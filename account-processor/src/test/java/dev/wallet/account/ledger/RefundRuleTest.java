package dev.wallet.account.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wallet.schemas.avro.DebitRejectionReason;
import org.junit.jupiter.api.Test;

class RefundRuleTest {

    @Test
    void shouldGiveBackWhatTheDebitTook() {
        final Decision decision = RefundRule.decide(refund(999), Fixtures.user(700, 6), Fixtures.debited(300, 5, 700),
                Fixtures.NOW_MS);

        assertThat(decision.outcome()).isEqualTo(new Refunded(300, new Position(7, 1_000, "USD", Fixtures.NOW_MS)));
        assertThat(decision.accountAfter()).isEqualTo(Fixtures.user(1_000, 7));
    }

    @Test
    void shouldRecordNothingToRefundWithoutADebit() {
        final Decision decision = RefundRule.decide(refund(300), Fixtures.user(700, 6), AppliedSteps.NONE,
                Fixtures.NOW_MS);

        assertThat(decision.outcome()).isEqualTo(new NoDebitToRefund(300, new Position(7, 700, "USD", Fixtures.NOW_MS)));
        assertThat(decision.stepsAfter().isCancelled()).isTrue();
    }

    @Test
    void shouldRecordNothingToRefundAfterADeclinedDebit() {
        final AppliedSteps declined = AppliedSteps.NONE.with(new DebitDeclined(DebitRejectionReason.INSUFFICIENT_FUNDS,
                300, new Position(6, 0, "USD", Fixtures.OPENED_AT_MS)));

        final Decision decision = RefundRule.decide(refund(300), Fixtures.user(0, 6), declined, Fixtures.NOW_MS);

        assertThat(decision.outcome()).isInstanceOf(NoDebitToRefund.class);
        assertThat(decision.accountAfter().balanceMinor()).isZero();
    }

    @Test
    void shouldRecordNothingToRefundForUnknownAccountAtSequenceZero() {
        final Decision decision = RefundRule.decide(refund(300), null, AppliedSteps.NONE, Fixtures.NOW_MS);

        assertThat(decision.outcome().position()).isEqualTo(new Position(0, 0, "USD", Fixtures.NOW_MS));
        assertThat(decision.stepsAfter().isCancelled()).isTrue();
    }

    @Test
    void shouldFailFastWhenARefundCannotBeHeld() {
        final Account full = Fixtures.system(Long.MAX_VALUE, 9);

        assertThatThrownBy(() -> RefundRule.decide(refund(1), full, Fixtures.debited(1, 5, 0), Fixtures.NOW_MS))
                .isInstanceOf(ArithmeticException.class);
    }

    private static RefundCommand refund(final long amountMinor) {
        return new RefundCommand("tx-1", amountMinor, "USD");
    }
}
