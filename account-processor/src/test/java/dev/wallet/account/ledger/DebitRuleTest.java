package dev.wallet.account.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wallet.schemas.avro.DebitRejectionReason;
import org.junit.jupiter.api.Test;

class DebitRuleTest {

    @Test
    void shouldTakeTheAmountOut() {
        final Decision decision = DebitRule.decide(debit(300, "USD"), Fixtures.user(1_000, 4), AppliedSteps.NONE,
                Fixtures.NOW_MS);

        assertThat(decision.outcome()).isEqualTo(new Debited(300, new Position(5, 700, "USD", Fixtures.NOW_MS)));
        assertThat(decision.accountAfter()).isEqualTo(Fixtures.user(700, 5));
        assertThat(decision.stepsAfter().debit()).isEqualTo(decision.outcome());
    }

    @Test
    void shouldDeclineUnknownAccountAtSequenceZero() {
        final Decision decision = DebitRule.decide(debit(300, "EUR"), null, AppliedSteps.NONE, Fixtures.NOW_MS);

        assertThat(decision.outcome()).isEqualTo(new DebitDeclined(DebitRejectionReason.ACCOUNT_NOT_FOUND, 300,
                new Position(0, 0, "EUR", Fixtures.NOW_MS)));
        assertThat(decision.accountAfter()).isNull();
    }

    @Test
    void shouldDeclineAmountAboveUserBalance() {
        assertThat(reasonFor(debit(1_001, "USD"), Fixtures.user(1_000, 4), AppliedSteps.NONE))
                .isEqualTo(DebitRejectionReason.INSUFFICIENT_FUNDS);
    }

    @Test
    void shouldTakeTheWholeUserBalance() {
        final Decision decision = DebitRule.decide(debit(1_000, "USD"), Fixtures.user(1_000, 4), AppliedSteps.NONE,
                Fixtures.NOW_MS);

        assertThat(decision.accountAfter().balanceMinor()).isZero();
    }

    @Test
    void shouldDeclineOtherCurrency() {
        assertThat(reasonFor(debit(1, "EUR"), Fixtures.user(1_000, 4), AppliedSteps.NONE))
                .isEqualTo(DebitRejectionReason.CURRENCY_MISMATCH);
    }

    @Test
    void shouldDeclineCancelledTransactionBeforeLookingAtMoney() {
        final AppliedSteps cancelled = AppliedSteps.NONE.with(new NoDebitToRefund(300,
                new Position(5, 0, "USD", Fixtures.OPENED_AT_MS)));

        assertThat(reasonFor(debit(300, "EUR"), Fixtures.user(0, 5), cancelled))
                .isEqualTo(DebitRejectionReason.TRANSFER_CANCELLED);
    }

    @Test
    void shouldLetSystemAccountGoNegative() {
        final Decision decision = DebitRule.decide(debit(300, "USD"), Fixtures.system(100, 4), AppliedSteps.NONE,
                Fixtures.NOW_MS);

        assertThat(decision.accountAfter().balanceMinor()).isEqualTo(-200);
    }

    @Test
    void shouldDeclineSystemDebitBelowTheSmallestLong() {
        assertThat(reasonFor(debit(2, "USD"), Fixtures.system(Long.MIN_VALUE + 1, 4), AppliedSteps.NONE))
                .isEqualTo(DebitRejectionReason.INSUFFICIENT_FUNDS);
    }

    @Test
    void shouldKeepBalanceAndTakeNextSequenceOnDecline() {
        final Decision decision = DebitRule.decide(debit(5_000, "USD"), Fixtures.user(1_000, 4), AppliedSteps.NONE,
                Fixtures.NOW_MS);

        assertThat(decision.outcome().position()).isEqualTo(new Position(5, 1_000, "USD", Fixtures.NOW_MS));
        assertThat(decision.accountAfter()).isEqualTo(Fixtures.user(1_000, 5));
    }

    private static DebitRejectionReason reasonFor(final DebitCommand debit, final Account account,
                                                  final AppliedSteps steps) {
        return ((DebitDeclined) DebitRule.decide(debit, account, steps, Fixtures.NOW_MS).outcome()).reason();
    }

    private static DebitCommand debit(final long amountMinor, final String currency) {
        return new DebitCommand("tx-1", amountMinor, currency);
    }
}
