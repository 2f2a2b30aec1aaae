package dev.wallet.account.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wallet.schemas.avro.CommandStep;
import org.junit.jupiter.api.Test;

class AppliedStepsTest {

    private static final Position POSITION = new Position(3, 10, "USD", 1);

    @Test
    void shouldRefuseASecondOutcomeForOneStep() {
        final AppliedSteps steps = AppliedSteps.NONE.with(new Credited(10, POSITION));

        assertThatThrownBy(() -> steps.with(new Credited(10, POSITION))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void shouldRefuseAnOutcomeInAnotherStepsSlot() {
        assertThatThrownBy(() -> new AppliedSteps(null, new Credited(10, POSITION), null, null))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void shouldBeCancelledOnceARefundIsRecorded() {
        assertThat(AppliedSteps.NONE.isCancelled()).isFalse();
        assertThat(AppliedSteps.NONE.with(new NoDebitToRefund(10, POSITION)).isCancelled()).isTrue();
    }

    @Test
    void shouldFindOnlyADebitThatMovedMoney() {
        final AppliedSteps debited = AppliedSteps.NONE.with(new Debited(10, POSITION));

        assertThat(debited.appliedDebit()).isEqualTo(new Debited(10, POSITION));
        assertThat(debited.outcomeOf(CommandStep.DEBIT)).isEqualTo(new Debited(10, POSITION));
        assertThat(AppliedSteps.NONE.appliedDebit()).isNull();
    }
}
