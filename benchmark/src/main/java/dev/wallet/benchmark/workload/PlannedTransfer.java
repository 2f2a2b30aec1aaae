package dev.wallet.benchmark.workload;

/**
 * One transfer the generator will send.
 *
 * @param transactionId the idempotency key, a fresh UUID
 * @param fromAccount   account to debit
 * @param toAccount     account to credit
 * @param amountMinor   amount in minor units, positive
 * @param currency      ISO 4217 code
 */
public record PlannedTransfer(String transactionId, String fromAccount, String toAccount,
                              long amountMinor, String currency) {
}
