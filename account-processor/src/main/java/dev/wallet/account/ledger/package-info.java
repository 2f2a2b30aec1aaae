/**
 * The ledger rules, as pure decisions with no Kafka in sight: given a command, the account as it
 * is and what the command's transaction already did on the account, decide the outcome and the
 * account after it.
 *
 * <p>Start at {@link dev.wallet.account.ledger.AccountLedger}; each rule has its own class:
 * {@link dev.wallet.account.ledger.OpenRule}, {@link dev.wallet.account.ledger.DebitRule},
 * {@link dev.wallet.account.ledger.CreditRule}, {@link dev.wallet.account.ledger.RefundRule}.
 * Business declines are outcomes ({@link dev.wallet.account.ledger.DebitDeclined} with its reason,
 * ...), never exceptions; an exception here means a broken invariant.
 */
package dev.wallet.account.ledger;
