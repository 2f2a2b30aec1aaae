package dev.wallet.schemas.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.Options;
import org.rocksdb.PerfContext;
import org.rocksdb.PerfLevel;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;

/** The memtable filter, on a real RocksDB: misses skip the memtable, every stored key is still found. */
class MemtableKeyFilterTest {

    private static final int KEYS = 1_000;

    @TempDir
    Path dir;

    @Test
    void aReadOfAKeyTheMemtableLacksIsAnsweredByTheFilter() throws RocksDBException {
        try (Options options = filtered(); RocksDB db = RocksDB.open(options, dir.toString())) {
            writeKeys(db);
            final PerfContext perf = countingPerfContext(db);

            for (int i = 0; i < KEYS; i++) {
                assertThat(db.get(key("absent", i))).isNull();
            }

            // A bloom filter may say "maybe" for a few absent keys; at ~16 bits per key that is rare.
            assertThat(perf.getBloomMemtableMissCount()).isGreaterThanOrEqualTo(KEYS - 10);
        }
    }

    @Test
    void everyStoredKeyIsStillFoundWithItsValue() throws RocksDBException {
        try (Options options = filtered(); RocksDB db = RocksDB.open(options, dir.toString())) {
            writeKeys(db);
            final PerfContext perf = countingPerfContext(db);

            for (int i = 0; i < KEYS; i++) {
                assertThat(db.get(key("present", i))).isEqualTo(value(i));
            }

            assertThat(perf.getBloomMemtableHitCount()).isEqualTo(KEYS);
        }
    }

    @Test
    void withoutItTheMemtableHasNoFilterToAsk() throws RocksDBException {
        try (Options options = new Options().setCreateIfMissing(true); RocksDB db = RocksDB.open(options, dir.toString())) {
            writeKeys(db);
            final PerfContext perf = countingPerfContext(db);

            for (int i = 0; i < KEYS; i++) {
                assertThat(db.get(key("absent", i))).isNull();
            }

            assertThat(perf.getBloomMemtableMissCount()).isZero();
        }
    }

    private static Options filtered() {
        final Options options = new Options().setCreateIfMissing(true);
        new MemtableKeyFilter().setConfig("store", options, Map.of());
        return options;
    }

    private static void writeKeys(final RocksDB db) throws RocksDBException {
        for (int i = 0; i < KEYS; i++) {
            db.put(key("present", i), value(i));
        }
    }

    private static PerfContext countingPerfContext(final RocksDB db) {
        db.setPerfLevel(PerfLevel.ENABLE_COUNT);
        final PerfContext perf = db.getPerfContext();
        perf.reset();
        return perf;
    }

    private static byte[] key(final String prefix, final int i) {
        return (prefix + "-" + i).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] value(final int i) {
        return ("value-" + i).getBytes(StandardCharsets.UTF_8);
    }
}
