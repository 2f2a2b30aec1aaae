package dev.wallet.account.topology;

import dev.wallet.schemas.avro.AccountCommand;
import dev.wallet.schemas.avro.AccountType;
import dev.wallet.schemas.avro.CommandStep;
import dev.wallet.schemas.avro.CreditAccount;
import dev.wallet.schemas.avro.DebitAccount;
import dev.wallet.schemas.avro.OpenAccount;
import dev.wallet.schemas.avro.RefundAccount;
import java.time.Instant;

/** Account commands for tests, built the way the saga and the command API send them. */
public final class Commands {

    /** The issued_at of every test command; the processor does not read it. */
    public static final Instant ISSUED_AT = Instant.parse("2026-11-22T08:00:00Z");

    private Commands() {
    }

    public static AccountCommand open(final String accountId, final String transactionId, final AccountType type,
                                      final String currency) {
        return new AccountCommand(accountId, transactionId, CommandStep.OPEN, ISSUED_AT, new OpenAccount(type, currency));
    }

    public static AccountCommand debit(final String accountId, final String transactionId, final long amountMinor,
                                       final String currency) {
        return new AccountCommand(accountId, transactionId, CommandStep.DEBIT, ISSUED_AT,
                new DebitAccount(amountMinor, currency));
    }

    public static AccountCommand credit(final String accountId, final String transactionId, final long amountMinor,
                                        final String currency) {
        return new AccountCommand(accountId, transactionId, CommandStep.CREDIT, ISSUED_AT,
                new CreditAccount(amountMinor, currency));
    }

    public static AccountCommand refund(final String accountId, final String transactionId, final long amountMinor,
                                        final String currency) {
        return new AccountCommand(accountId, transactionId, CommandStep.REFUND, ISSUED_AT,
                new RefundAccount(amountMinor, currency));
    }
}
