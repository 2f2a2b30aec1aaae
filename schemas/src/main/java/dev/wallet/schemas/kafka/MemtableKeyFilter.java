package dev.wallet.schemas.kafka;

import java.util.Map;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.Options;

/**
 * Gives every RocksDB memtable of a wallet state store a bloom filter over whole keys, so that a
 * point read of a key the memtable does not hold skips the walk down its skip list.
 *
 * <p>Without it, each such read walks the skip list of the active memtable and of every immutable one
 * before RocksDB looks at the files (which have bloom filters already). The write path reads many
 * keys that are nowhere yet: the saga's row of a new transfer, and the applied steps of every command
 * of a new transaction (in each live bucket). The skip-list walk is the processor's hottest function
 * (docs/benchmarks.md, "Where RocksDB's time goes").
 *
 * <p>The filter takes {@value #FILTER_SHARE_OF_WRITE_BUFFER} of each memtable's write buffer (about
 * 330 KB of Kafka Streams' 16 MiB), about 16 bits per key at the store rows' sizes. Writes add the
 * key to the filter, which touches one cache line.
 *
 * <p>Set through {@code rocksdb.config.setter}; Kafka Streams applies its own defaults before this
 * runs, and this only adds to them.
 */
public final class MemtableKeyFilter implements RocksDBConfigSetter {

    /** The filter's size as a share of the memtable's write buffer. */
    static final double FILTER_SHARE_OF_WRITE_BUFFER = 0.02;

    @Override
    public void setConfig(final String storeName, final Options options, final Map<String, Object> configs) {
        options.setMemtablePrefixBloomSizeRatio(FILTER_SHARE_OF_WRITE_BUFFER);
        options.setMemtableWholeKeyFiltering(true);
    }

    @Override
    public void close(final String storeName, final Options options) {
        // Nothing was allocated: the settings are plain numbers on the store's options.
    }
}
