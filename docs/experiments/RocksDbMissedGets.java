import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;

/**
 * What a RocksDB point read costs through the Java binding when the key is there and when it is not,
 * and what a write costs, with the memtable's whole-key filter off or on. One RocksDB with Kafka
 * Streams' 16 MiB write buffer, 100,000 keys written (all in the memtable), then rounds of 100,000
 * reads of present keys, 100,000 of absent ones and 100,000 writes of present keys (a new version of
 * each, as an account's row gets); prints each round and the medians. Runs from source against any rocksdbjni jar:
 *
 * <pre>
 * java -cp ~/.m2/repository/org/rocksdb/rocksdbjni/9.7.3/rocksdbjni-9.7.3.jar docs/experiments/RocksDbMissedGets.java
 * java -cp ~/.m2/repository/org/rocksdb/rocksdbjni/10.10.1/rocksdbjni-10.10.1.jar docs/experiments/RocksDbMissedGets.java filter
 * </pre>
 *
 * (docs/benchmarks.md, "RocksDB's missed reads")
 */
public class RocksDbMissedGets {

    private static final int KEYS = 100_000;
    private static final int ROUNDS = 9;

    public static void main(final String[] args) throws Exception {
        final boolean filter = args.length > 0 && args[0].equals("filter");
        RocksDB.loadLibrary();
        final Path dir = Files.createTempDirectory("rocksdb-missed-gets");
        final Options options = new Options().setCreateIfMissing(true).setWriteBufferSize(16L << 20);
        if (filter) {
            // What MemtableKeyFilter sets.
            options.setMemtablePrefixBloomSizeRatio(0.02);
            options.setMemtableWholeKeyFiltering(true);
        }
        try (options; RocksDB db = RocksDB.open(options, dir.toString())) {
            final byte[][] present = keys("acct-");
            final byte[][] absent = keys("none-");
            for (final byte[] key : present) {
                db.put(key, new byte[60]);
            }
            final double[] presentNs = new double[ROUNDS];
            final double[] absentNs = new double[ROUNDS];
            final double[] putNs = new double[ROUNDS];
            for (int round = 0; round < ROUNDS; round++) {
                presentNs[round] = nanosPerGet(db, present, true);
                absentNs[round] = nanosPerGet(db, absent, false);
                putNs[round] = nanosPerPut(db, present);
                System.out.printf("round %d: get present %.0f ns, get absent %.0f ns, put %.0f ns%n", round + 1,
                        presentNs[round], absentNs[round], putNs[round]);
            }
            System.out.printf("rocksdbjni %s, memtable filter %s: medians: get present %.0f ns, get absent %.0f ns,"
                    + " put %.0f ns%n", RocksDB.rocksdbVersion(), filter ? "on" : "off", median(presentNs),
                    median(absentNs), median(putNs));
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted((a, b) -> b.compareTo(a)).forEach(path -> path.toFile().delete());
            }
        }
    }

    private static byte[][] keys(final String prefix) {
        final byte[][] keys = new byte[KEYS][];
        for (int i = 0; i < KEYS; i++) {
            keys[i] = (prefix + i).getBytes(StandardCharsets.UTF_8);
        }
        return keys;
    }

    private static double nanosPerGet(final RocksDB db, final byte[][] keys, final boolean expectFound)
            throws RocksDBException {
        final long start = System.nanoTime();
        for (final byte[] key : keys) {
            if ((db.get(key) != null) != expectFound) {
                throw new IllegalStateException("a get answered wrongly");
            }
        }
        return (System.nanoTime() - start) / (double) keys.length;
    }

    private static double nanosPerPut(final RocksDB db, final byte[][] keys) throws RocksDBException {
        final byte[] value = new byte[60];
        final long start = System.nanoTime();
        for (final byte[] key : keys) {
            db.put(key, value);
        }
        return (System.nanoTime() - start) / (double) keys.length;
    }

    private static double median(final double[] values) {
        final double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
