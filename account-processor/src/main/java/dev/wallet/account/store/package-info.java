/**
 * The account processor's state stores and their stored forms: the accounts
 * ({@link dev.wallet.account.store.AccountStores#ACCOUNTS}) and, for a bounded time, what each
 * transaction did on each account ({@link dev.wallet.account.store.AccountStores#APPLIED_STEPS}, and
 * read only, {@link dev.wallet.account.store.AccountStores#APPLIED_STEPS_V1} of earlier versions).
 */
package dev.wallet.account.store;
