package dev.wallet.account.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wallet.schemas.avro.AccountType;
import dev.wallet.schemas.avro.OpenRejectionReason;
import org.junit.jupiter.api.Test;

class OpenRuleTest {

    @Test
    void shouldOpenNewAccountAtSequenceOne() {
        final Decision decision = OpenRule.decide(open(AccountType.USER, "USD"), null, AppliedSteps.NONE,
                Fixtures.NOW_MS);

        assertThat(decision.outcome()).isEqualTo(new Opened(AccountType.USER,
                new Position(1, 0, "USD", Fixtures.NOW_MS)));
        assertThat(decision.accountAfter()).isEqualTo(Account.opened(AccountType.USER, "USD", Fixtures.NOW_MS));
        assertThat(decision.repeated()).isFalse();
    }

    @Test
    void shouldAnswerSameAttributesWithTheOriginalOpening() {
        final Account account = Fixtures.user(700, 9);

        final Decision decision = OpenRule.decide(open(AccountType.USER, "USD"), account, AppliedSteps.NONE,
                Fixtures.NOW_MS);

        assertThat(decision.repeated()).isTrue();
        assertThat(decision.outcome()).isEqualTo(new Opened(AccountType.USER,
                new Position(1, 0, "USD", Fixtures.OPENED_AT_MS)));
        assertThat(decision.accountAfter()).isSameAs(account);
    }

    @Test
    void shouldDeclineOtherTypeAsExistingWithOtherAttributes() {
        final Decision decision = OpenRule.decide(open(AccountType.SYSTEM, "USD"), Fixtures.user(700, 9),
                AppliedSteps.NONE, Fixtures.NOW_MS);

        assertThat(decision.outcome()).isEqualTo(new OpenDeclined(
                OpenRejectionReason.ACCOUNT_EXISTS_WITH_OTHER_ATTRIBUTES, AccountType.SYSTEM, "USD",
                new Position(10, 700, "USD", Fixtures.NOW_MS)));
        assertThat(decision.accountAfter().sequence()).isEqualTo(10);
    }

    @Test
    void shouldDeclineUnsupportedCurrencyOfUnknownAccountAtSequenceZero() {
        final Decision decision = OpenRule.decide(open(AccountType.USER, "XXX"), null, AppliedSteps.NONE,
                Fixtures.NOW_MS);

        assertThat(decision.outcome()).isEqualTo(new OpenDeclined(OpenRejectionReason.UNSUPPORTED_CURRENCY,
                AccountType.USER, "XXX", new Position(0, 0, "XXX", Fixtures.NOW_MS)));
        assertThat(decision.accountAfter()).isNull();
    }

    @Test
    void shouldDeclineUnsupportedCurrencyOfExistingAccountAtNextSequence() {
        final Decision decision = OpenRule.decide(open(AccountType.USER, "usd"), Fixtures.user(5, 3),
                AppliedSteps.NONE, Fixtures.NOW_MS);

        assertThat(((OpenDeclined) decision.outcome()).reason()).isEqualTo(OpenRejectionReason.UNSUPPORTED_CURRENCY);
        assertThat(decision.outcome().position().sequence()).isEqualTo(4);
    }

    private static OpenCommand open(final AccountType type, final String currency) {
        return new OpenCommand("open-1", type, currency);
    }
}
