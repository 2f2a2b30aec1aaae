package dev.wallet.account.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wallet.account.ledger.Account;
import dev.wallet.account.ledger.AppliedSteps;
import dev.wallet.account.ledger.CreditDeclined;
import dev.wallet.account.ledger.Credited;
import dev.wallet.account.ledger.DebitDeclined;
import dev.wallet.account.ledger.Debited;
import dev.wallet.account.ledger.NoDebitToRefund;
import dev.wallet.account.ledger.OpenDeclined;
import dev.wallet.account.ledger.Opened;
import dev.wallet.account.ledger.Outcome;
import dev.wallet.account.ledger.Position;
import dev.wallet.account.ledger.Refunded;
import dev.wallet.account.store.avro.StoredAccount;
import dev.wallet.account.store.avro.StoredAppliedSteps;
import dev.wallet.schemas.avro.AccountType;
import dev.wallet.schemas.avro.CreditRejectionReason;
import dev.wallet.schemas.avro.DebitRejectionReason;
import dev.wallet.schemas.avro.OpenRejectionReason;
import dev.wallet.schemas.serde.AvroSerde;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What goes into a store comes out the same, through the bytes the store really keeps. */
class StoredFormsTest {

    private static final Position POSITION = new Position(4, -250, "USD", 1_700_000_000_000L);
    private static final AvroSerde<StoredAppliedSteps> STEPS_SERDE = AvroSerde.of(StoredAppliedSteps.class);
    private static final AvroSerde<StoredAccount> ACCOUNT_SERDE = AvroSerde.of(StoredAccount.class);

    static Stream<Outcome> everyOutcome() {
        return Stream.of(
                new Opened(AccountType.SYSTEM, new Position(1, 0, "EUR", 5)),
                new OpenDeclined(OpenRejectionReason.UNSUPPORTED_CURRENCY, AccountType.USER, "XAU",
                        new Position(0, 0, "XAU", 5)),
                new Debited(100, POSITION),
                new DebitDeclined(DebitRejectionReason.TRANSFER_CANCELLED, 100, POSITION),
                new Credited(100, POSITION),
                new CreditDeclined(CreditRejectionReason.BALANCE_OVERFLOW, 100, POSITION),
                new Refunded(100, POSITION),
                new NoDebitToRefund(100, POSITION));
    }

    @ParameterizedTest
    @MethodSource("everyOutcome")
    void shouldKeepEveryOutcomeUnchanged(final Outcome outcome) {
        final AppliedSteps steps = AppliedSteps.NONE.with(outcome);

        final StoredAppliedSteps read = STEPS_SERDE.decode(STEPS_SERDE.encode(StoredForms.toStored(steps)));

        assertThat(StoredForms.toSteps(read)).isEqualTo(steps);
    }

    @Test
    void shouldKeepSeveralStepsOfOneTransaction() {
        final AppliedSteps steps = AppliedSteps.NONE.with(new Debited(100, POSITION))
                .with(new Refunded(100, new Position(6, -150, "USD", 9)));

        final StoredAppliedSteps read = STEPS_SERDE.decode(STEPS_SERDE.encode(StoredForms.toStored(steps)));

        assertThat(StoredForms.toSteps(read)).isEqualTo(steps);
    }

    @Test
    void shouldKeepAnAccountUnchanged() {
        final Account account = new Account(AccountType.SYSTEM, "JPY", -42, 17, 1_700_000_000_000L);

        final StoredAccount read = ACCOUNT_SERDE.decode(ACCOUNT_SERDE.encode(StoredForms.toStored(account)));

        assertThat(StoredForms.toAccount(read)).isEqualTo(account);
    }

    @Test
    void shouldKeyStepsUnambiguouslyWhateverTheIds() {
        assertThat(AppliedStepsStore.key("ab", "c")).isNotEqualTo(AppliedStepsStore.key("a", "bc"));
        assertThat(AppliedStepsStore.key("a:1", "x")).isNotEqualTo(AppliedStepsStore.key("a", ":1x"));
    }
}
