package dev.wallet.benchmark;

import dev.wallet.benchmark.sample.BrokerRequestLog;
import dev.wallet.benchmark.sample.BrokerRequestLog.Request;
import dev.wallet.benchmark.sample.BrokerRequestLog.Row;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Prints which clients ask a running local broker for what: requests per second by client and
 * type, with the broker's own split of each request's time. It switches the broker's
 * {@code kafka.request.logger} to DEBUG for {@code --seconds} (a dynamic broker-logger config, no
 * restart), switches it back to the level it had, and reads the lines the broker appended to its
 * log meanwhile ({@code <kafka-data-dir>/node-<n>.log}, where {@code kafka.sh} sends its output).
 *
 * <p>Writing a line per request costs the broker CPU, so its CPU is not representative while this
 * runs; the counts and times are. On a machine the stack already fills, starting this JVM (and its
 * parsing afterwards) delays transfers for a few seconds, so do not read latency from a step it ran
 * in. Used in docs/benchmarks.md, "Who asks the broker for what".
 */
@Command(name = "broker-clients", description = "Print a local broker's requests per second by client and "
        + "type, with the broker's mean times per request, from its request log at DEBUG for --seconds.")
final class BrokerClientsCommand implements Callable<Integer> {

    private static final String REQUEST_LOGGER = "kafka.request.logger";

    @Option(names = "--kafka-data-dir", required = true,
            description = "the brokers' data directory (KAFKA_DATA_DIR; holds cluster.env and node-<n>.log)")
    private Path kafkaDataDir;

    @Option(names = "--node", defaultValue = "1", description = "the broker's node id (default ${DEFAULT-VALUE})")
    private int node;

    @Option(names = "--seconds", defaultValue = "20", description = "seconds the request log stays at DEBUG")
    private int seconds;

    @Override
    public Integer call() throws Exception {
        if (seconds < 1 || node < 1) {
            System.err.println("broker-clients: --seconds and --node take positive numbers.");
            return 2;
        }
        final Path clusterFile = kafkaDataDir.resolve("cluster.env");
        final Path log = kafkaDataDir.resolve("node-" + node + ".log");
        if (!Files.isRegularFile(clusterFile) || !Files.isRegularFile(log)) {
            System.err.println("broker-clients: no " + clusterFile + " or " + log + "; is the stack running?");
            return 1;
        }
        final Properties cluster = new Properties();
        try (var reader = Files.newBufferedReader(clusterFile)) {
            cluster.load(reader);
        }
        final String port = cluster.getProperty("PORT");
        if (port == null || !port.trim().matches("\\d+")) {
            System.err.println("broker-clients: " + clusterFile + " names no PORT.");
            return 1;
        }
        final String bootstrap = "127.0.0.1:" + (Integer.parseInt(port.trim()) + node - 1);
        final ConfigResource logger = new ConfigResource(ConfigResource.Type.BROKER_LOGGER, Integer.toString(node));

        final long from;
        final long to;
        final double elapsedSeconds;
        final String levelBefore;
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            final ConfigEntry before = admin.describeConfigs(List.of(logger)).all().get(30, TimeUnit.SECONDS)
                    .get(logger).get(REQUEST_LOGGER);
            levelBefore = before == null ? null : before.value();
            from = Files.size(log);
            setLevel(admin, logger, new AlterConfigOp(new ConfigEntry(REQUEST_LOGGER, "DEBUG"), AlterConfigOp.OpType.SET));
            final long startNanos = System.nanoTime();
            try {
                Thread.sleep(seconds * 1000L);
            } finally {
                // Back to the level it had (or to the root logger's, if it had none of its own).
                setLevel(admin, logger, levelBefore == null
                        ? new AlterConfigOp(new ConfigEntry(REQUEST_LOGGER, ""), AlterConfigOp.OpType.DELETE)
                        : new AlterConfigOp(new ConfigEntry(REQUEST_LOGGER, levelBefore), AlterConfigOp.OpType.SET));
            }
            elapsedSeconds = (System.nanoTime() - startNanos) / 1e9;
            to = Files.size(log);
        }
        if (to < from) {
            System.err.println("broker-clients: " + log + " shrank meanwhile; was the broker restarted?");
            return 1;
        }

        final List<Request> requests = new ArrayList<>();
        int unreadable = 0;
        for (final String line : appended(log, from, to).split("\n")) {
            try {
                BrokerRequestLog.parse(line).ifPresent(requests::add);
            } catch (IllegalArgumentException e) {
                unreadable++;
            }
        }
        System.out.printf(Locale.ROOT, "broker node %d (%s): %d requests completed in %.1f s with %s at DEBUG "
                        + "(then back to %s)%s%n", node, bootstrap, requests.size(), elapsedSeconds, REQUEST_LOGGER,
                levelBefore == null ? "the root level" : levelBefore,
                unreadable == 0 ? "" : "; " + unreadable + " request lines not understood");
        System.out.println("mean ms per request: total = request queue + handler + remote (waiting on data, "
                + "replicas or a coordinator) + response queue + send");
        print(BrokerRequestLog.byType(requests), elapsedSeconds);
        System.out.println();
        print(BrokerRequestLog.byClient(requests), elapsedSeconds);
        return 0;
    }

    private static void setLevel(final Admin admin, final ConfigResource logger, final AlterConfigOp op)
            throws Exception {
        admin.incrementalAlterConfigs(Map.of(logger, List.of(op))).all().get(30, TimeUnit.SECONDS);
    }

    /** The bytes the log gained between two sizes (the broker only appends to it). */
    private static String appended(final Path log, final long from, final long to) throws IOException {
        final byte[] bytes = new byte[Math.toIntExact(to - from)];
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            file.seek(from);
            file.readFully(bytes);
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static void print(final List<Row> rows, final double seconds) {
        System.out.printf(Locale.ROOT, "%9s %8s %7s %7s %7s %7s %7s %8s  %-26s %s%n",
                "/s", "total", "queue", "handler", "remote", "resp.q", "send", "max", "type", "client");
        for (final Row row : rows) {
            System.out.printf(Locale.ROOT, "%9.1f %8.2f %7.2f %7.2f %7.2f %7.2f %7.2f %8.1f  %-26s %s%n",
                    row.perSecond(seconds), row.meanTotalMs(), row.meanRequestQueueMs(), row.meanLocalMs(),
                    row.meanRemoteMs(), row.meanResponseQueueMs(), row.meanSendMs(), row.maxTotalMs(), row.type(),
                    row.client());
        }
    }
}
