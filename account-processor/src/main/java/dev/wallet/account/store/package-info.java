/**
 * The account processor's state stores and their stored forms: the accounts
 * ({@link dev.wallet.account.store.AccountStores#ACCOUNTS}) and, for a bounded time, what each
 * transaction did on each account ({@link dev.wallet.account.store.AccountStores#APPLIED_STEPS}).
 */
package dev.wallet.account.store;
