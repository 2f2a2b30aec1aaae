package dev.wallet.account.store;

import dev.wallet.account.store.avro.StoredAccount;
import dev.wallet.account.store.avro.StoredAppliedSteps;
import dev.wallet.schemas.serde.AvroSerde;
import java.time.Duration;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;

/**
 * Names and builders of the account processor's state stores. Both names start with
 * {@code account-} so they never clash with another topology's stores in a shared builder.
 */
public final class AccountStores {

    /** The accounts, keyed by account_id: type, currency, balance, sequence. Kept forever. */
    public static final String ACCOUNTS = "account-balances";

    /**
     * What each transaction did on each account, keyed by account and transaction_id; kept for the
     * applied-steps retention (see {@link AppliedStepsStore}).
     */
    public static final String APPLIED_STEPS = "account-applied-steps";

    /**
     * Window size of the applied-steps store. The store is a window store only for its time-based
     * expiry: every entry is a point in time, so the smallest window is the honest one.
     */
    private static final Duration APPLIED_STEPS_WINDOW = Duration.ofMillis(1);

    private AccountStores() {
    }

    /**
     * The accounts store: persistent (RocksDB) with a changelog. Caching follows the app's
     * {@code statestore.cache.max.bytes}, which absorbs repeated writes of hot accounts when on.
     */
    public static StoreBuilder<KeyValueStore<String, StoredAccount>> accounts() {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(ACCOUNTS),
                Serdes.String(), AvroSerde.of(StoredAccount.class));
    }

    /**
     * The applied-steps store: a persistent window store whose segments are dropped once older than
     * {@code retention}, so its size follows the command rate times the retention. Caching is off:
     * its keys are almost never written twice, so a cache would only copy bytes.
     */
    public static StoreBuilder<WindowStore<String, StoredAppliedSteps>> appliedSteps(final Duration retention) {
        return Stores.windowStoreBuilder(
                        Stores.persistentWindowStore(APPLIED_STEPS, retention, APPLIED_STEPS_WINDOW, false),
                        Serdes.String(), AvroSerde.of(StoredAppliedSteps.class))
                .withCachingDisabled();
    }
}
