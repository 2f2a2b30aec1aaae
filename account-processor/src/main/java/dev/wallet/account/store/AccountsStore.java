package dev.wallet.account.store;

import dev.wallet.account.ledger.Account;
import dev.wallet.account.store.avro.StoredAccount;
import org.apache.kafka.streams.state.KeyValueStore;

/** The accounts state store seen as ledger {@link Account}s. */
public final class AccountsStore {

    private final KeyValueStore<String, StoredAccount> store;

    public AccountsStore(final KeyValueStore<String, StoredAccount> store) {
        this.store = store;
    }

    /** The account {@code accountId}, or null when it does not exist. */
    public Account find(final String accountId) {
        final StoredAccount stored = store.get(accountId);
        return stored == null ? null : StoredForms.toAccount(stored);
    }

    /** Keeps {@code account} as the current state of {@code accountId}. */
    public void save(final String accountId, final Account account) {
        store.put(accountId, StoredForms.toStored(account));
    }
}
