package dev.wallet.account.topology;

import dev.wallet.account.ledger.CreditCommand;
import dev.wallet.account.ledger.DebitCommand;
import dev.wallet.account.ledger.LedgerCommand;
import dev.wallet.account.ledger.OpenCommand;
import dev.wallet.account.ledger.RefundCommand;
import dev.wallet.schemas.avro.AccountCommand;
import dev.wallet.schemas.avro.CreditAccount;
import dev.wallet.schemas.avro.DebitAccount;
import dev.wallet.schemas.avro.OpenAccount;
import dev.wallet.schemas.avro.RefundAccount;

/**
 * Reads an {@link AccountCommand} off the topic into a {@link LedgerCommand}, after checking the
 * shape the contract promises: a key equal to account_id (else the command may sit on another
 * account's partition, where this task does not own the account), non-blank ids, a body matching
 * the step, positive amounts. A command breaking it is not a business decline but a producer bug,
 * so it gets no ledger event.
 */
final class CommandReader {

    private CommandReader() {
    }

    /** What is wrong with {@code command} under {@code key}, or null when it can be applied. */
    static String problemWith(final String key, final AccountCommand command) {
        if (command == null) {
            return "it has no value";
        }
        if (isBlank(command.getAccountId()) || isBlank(command.getTransactionId())) {
            return "its account_id or transaction_id is blank";
        }
        if (!command.getAccountId().equals(key)) {
            return "its key " + key + " is not its account_id";
        }
        if (!bodyMatchesStep(command)) {
            return "its body " + command.getBody().getClass().getSimpleName() + " does not match step "
                    + command.getStep();
        }
        final long amountMinor = amountMinorOf(command.getBody());
        if (amountMinor <= 0 && !(command.getBody() instanceof OpenAccount)) {
            return "its amount " + amountMinor + " is not positive";
        }
        return null;
    }

    /** The ledger command of {@code command}, which {@link #problemWith} found nothing wrong with. */
    static LedgerCommand toLedger(final AccountCommand command) {
        final String transactionId = command.getTransactionId();
        final Object body = command.getBody();
        if (body instanceof DebitAccount debit) {
            return new DebitCommand(transactionId, debit.getAmountMinor(), debit.getCurrency());
        }
        if (body instanceof CreditAccount credit) {
            return new CreditCommand(transactionId, credit.getAmountMinor(), credit.getCurrency());
        }
        if (body instanceof RefundAccount refund) {
            return new RefundCommand(transactionId, refund.getAmountMinor(), refund.getCurrency());
        }
        final OpenAccount open = (OpenAccount) body;
        return new OpenCommand(transactionId, open.getAccountType(), open.getCurrency());
    }

    private static boolean bodyMatchesStep(final AccountCommand command) {
        final Object body = command.getBody();
        switch (command.getStep()) {
            case OPEN:
                return body instanceof OpenAccount;
            case DEBIT:
                return body instanceof DebitAccount;
            case CREDIT:
                return body instanceof CreditAccount;
            case REFUND:
                return body instanceof RefundAccount;
            default:
                return false;
        }
    }

    private static long amountMinorOf(final Object body) {
        if (body instanceof DebitAccount debit) {
            return debit.getAmountMinor();
        }
        if (body instanceof CreditAccount credit) {
            return credit.getAmountMinor();
        }
        if (body instanceof RefundAccount refund) {
            return refund.getAmountMinor();
        }
        return 0;
    }

    private static boolean isBlank(final String value) {
        return value == null || value.isBlank();
    }
}
