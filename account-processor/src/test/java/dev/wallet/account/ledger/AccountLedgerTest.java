package dev.wallet.account.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wallet.schemas.avro.AccountType;
import org.junit.jupiter.api.Test;

class AccountLedgerTest {

    @Test
    void shouldAnswerAppliedStepWithItsOriginalOutcome() {
        final AppliedSteps steps = Fixtures.debited(300, 5, 700);
        final Account account = Fixtures.user(50, 9);

        final Decision decision = AccountLedger.decide(new DebitCommand("tx-1", 300, "USD"), account, steps,
                Fixtures.NOW_MS);

        assertThat(decision.repeated()).isTrue();
        assertThat(decision.outcome()).isSameAs(steps.debit());
        assertThat(decision.accountAfter()).isSameAs(account);
        assertThat(decision.stepsAfter()).isSameAs(steps);
    }

    @Test
    void shouldDecideAnotherStepOfTheSameTransaction() {
        final Decision decision = AccountLedger.decide(new RefundCommand("tx-1", 300, "USD"), Fixtures.user(700, 5),
                Fixtures.debited(300, 5, 700), Fixtures.NOW_MS);

        assertThat(decision.repeated()).isFalse();
        assertThat(decision.outcome()).isInstanceOf(Refunded.class);
        assertThat(decision.stepsAfter().debit()).isNotNull();
        assertThat(decision.stepsAfter().refund()).isSameAs(decision.outcome());
    }

    @Test
    void shouldSendEachStepToItsRule() {
        final Account account = Fixtures.user(100, 2);

        assertThat(AccountLedger.decide(new OpenCommand("o", AccountType.USER, "EUR"), null, AppliedSteps.NONE, 1)
                .outcome()).isInstanceOf(Opened.class);
        assertThat(AccountLedger.decide(new DebitCommand("d", 1, "USD"), account, AppliedSteps.NONE, 1)
                .outcome()).isInstanceOf(Debited.class);
        assertThat(AccountLedger.decide(new CreditCommand("c", 1, "USD"), account, AppliedSteps.NONE, 1)
                .outcome()).isInstanceOf(Credited.class);
        assertThat(AccountLedger.decide(new RefundCommand("r", 1, "USD"), account, AppliedSteps.NONE, 1)
                .outcome()).isInstanceOf(NoDebitToRefund.class);
    }
}
