package dev.wallet.api.transfer;

/**
 * A transfer request that passed every input rule; the amount is in minor units of the currency.
 *
 * @param transactionId the idempotency key, a lower-case UUID
 * @param fromAccount   account to debit
 * @param toAccount     account to credit, different from {@code fromAccount}
 * @param amountMinor   positive amount in minor units
 * @param currency      ISO 4217 code
 */
public record ValidTransfer(String transactionId, String fromAccount, String toAccount, long amountMinor,
                            String currency) {

    /** Asserts what validation promised. */
    public ValidTransfer {
        if (amountMinor <= 0 || fromAccount.equals(toAccount)) {
            throw new IllegalArgumentException("a valid transfer has a positive amount and two accounts");
        }
    }

    /** True when {@code other} asks for the same movement of money. */
    public boolean samePayload(final String from, final String to, final long amount, final String code) {
        return fromAccount.equals(from) && toAccount.equals(to) && amountMinor == amount && currency.equals(code);
    }
}
