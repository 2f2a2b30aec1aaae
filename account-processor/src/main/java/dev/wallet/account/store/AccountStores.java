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
 * Names and builders of the account processor's state stores. Every name starts with
 * {@code account-} so it never clashes with another topology's stores in a shared builder.
 */
public final class AccountStores {

    /** The accounts, keyed by account_id: type, currency, balance, sequence. Kept forever. */
    public static final String ACCOUNTS = "account-balances";

    /**
     * What each transaction did on each account, keyed by account and transaction_id, stamped by
     * bucket; kept for the applied-steps retention and at most a bucket longer (see
     * {@link AppliedStepsStore}).
     */
    public static final String APPLIED_STEPS = "account-applied-steps-v2";

    /**
     * The applied-steps store of earlier versions, stamped with exact times: read, never written,
     * so that what was applied just before the upgrade to bucketed stamps is still found. It can
     * leave the topology in a release that every deployment reaches more than a retention after
     * running this one; its changelog topic is then deleted by hand.
     */
    public static final String APPLIED_STEPS_V1 = "account-applied-steps";

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
     * {@code retention} plus one {@code bucket}, so that an entry stamped at the start of its bucket
     * is still there a full retention after it was saved; its size follows the command rate times
     * that. Caching is off: its keys are almost never written twice, so a cache would only copy bytes.
     */
    public static StoreBuilder<WindowStore<String, StoredAppliedSteps>> appliedSteps(final Duration retention,
                                                                                     final Duration bucket) {
        return windowStore(APPLIED_STEPS, retention.plus(bucket));
    }

    /**
     * The applied-steps store of earlier versions, built exactly as they built it (a window store
     * with the retention), so that its segments on disk and in the changelog are read as written.
     */
    public static StoreBuilder<WindowStore<String, StoredAppliedSteps>> appliedStepsV1(final Duration retention) {
        return windowStore(APPLIED_STEPS_V1, retention);
    }

    private static StoreBuilder<WindowStore<String, StoredAppliedSteps>> windowStore(final String name,
                                                                                    final Duration retention) {
        return Stores.windowStoreBuilder(
                        Stores.persistentWindowStore(name, retention, APPLIED_STEPS_WINDOW, false),
                        Serdes.String(), AvroSerde.of(StoredAppliedSteps.class))
                .withCachingDisabled();
    }
}
