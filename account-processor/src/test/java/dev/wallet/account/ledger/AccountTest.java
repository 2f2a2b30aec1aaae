package dev.wallet.account.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AccountTest {

    @Test
    void shouldRefuseNegativeUserBalance() {
        assertThatThrownBy(() -> Fixtures.user(-1, 2))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("negative balance");
    }

    @Test
    void shouldAllowNegativeSystemBalance() {
        assertThat(Fixtures.system(-1_000, 2).balanceMinor()).isEqualTo(-1_000);
    }

    @Test
    void shouldRefuseSequenceBelowOne() {
        assertThatThrownBy(() -> Fixtures.user(0, 0)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void shouldTakeTheNextSequenceOnEveryEvent() {
        final Account account = Fixtures.user(100, 7);

        assertThat(account.after(40).sequence()).isEqualTo(8);
        assertThat(account.after(40).balanceMinor()).isEqualTo(40);
        assertThat(account.afterNoMovement().sequence()).isEqualTo(8);
        assertThat(account.afterNoMovement().balanceMinor()).isEqualTo(100);
    }

    @Test
    void shouldRefuseToWrapTheSequence() {
        assertThatThrownBy(() -> Fixtures.user(0, Long.MAX_VALUE).afterNoMovement())
                .isInstanceOf(ArithmeticException.class);
    }
}
