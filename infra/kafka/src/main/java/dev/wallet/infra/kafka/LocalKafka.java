package dev.wallet.infra.kafka;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A local Kafka cluster run by {@code infra/kafka/bin/kafka.sh}: real broker processes with their
 * own data directory and free ports. For tests and tools that need a broker outside their JVM.
 */
public final class LocalKafka implements AutoCloseable {

    /** Bound on one script call; a first start also resolves the broker jars through Maven. */
    public static final long SCRIPT_TIMEOUT_S = 300;

    private final Path script;
    private final Path dataDir;
    private final int brokers;
    private final int port;
    private final int controllerPort;
    private final Map<String, String> environment;

    /**
     * @param script  path of {@code kafka.sh}
     * @param dataDir data directory of this cluster (created when missing)
     * @param brokers 1 or 3
     */
    public LocalKafka(final Path script, final Path dataDir, final int brokers) {
        this(script, dataDir, brokers, Map.of());
    }

    /**
     * @param script      path of {@code kafka.sh}
     * @param dataDir     data directory of this cluster (created when missing)
     * @param brokers     1 or 3
     * @param environment variables for every script call, e.g. {@code KAFKA_BROKER_SETTINGS}
     */
    public LocalKafka(final Path script, final Path dataDir, final int brokers, final Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
        this.script = script.toAbsolutePath();
        this.dataDir = dataDir;
        this.brokers = brokers;
        this.port = FreePorts.range(brokers);
        int controller;
        do {
            controller = FreePorts.range(brokers);
        } while (Math.abs(controller - port) < brokers);
        this.controllerPort = controller;
    }

    /** Bootstrap servers of every node, comma-separated. */
    public String bootstrapServers() {
        final List<String> servers = new ArrayList<>();
        for (int i = 0; i < brokers; i++) {
            servers.add("127.0.0.1:" + (port + i));
        }
        return String.join(",", servers);
    }

    /** Starts every node that is not running and waits until all say they started. */
    public String start() throws IOException, InterruptedException {
        return run("start", "--brokers", Integer.toString(brokers), "--port", Integer.toString(port),
                "--controller-port", Integer.toString(controllerPort));
    }

    /** Creates the registry's topics with the given partition count; idempotent. */
    public String createTopics(final int partitions) throws IOException, InterruptedException {
        return run("topics", "--partitions", Integer.toString(partitions));
    }

    /** Status of a cluster whose nodes all run. */
    public String status() throws IOException, InterruptedException {
        return run("status");
    }

    /** Status of a cluster with a node down: kafka.sh then exits 3 ("not all running"). */
    public String statusWithNodesDown() throws IOException, InterruptedException {
        return run(3, "status");
    }

    /** SIGKILLs one node (1-based); {@link #start()} brings it back on its data. */
    public String kill(final int node) throws IOException, InterruptedException {
        return run("kill", "--node", Integer.toString(node));
    }

    /** Stops every node (SIGTERM, then SIGKILL after the script's bound). */
    public String stop() throws IOException, InterruptedException {
        return run("stop");
    }

    @Override
    public void close() throws IOException, InterruptedException {
        stop();
    }

    private String run(final String command, final String... flags) throws IOException, InterruptedException {
        return run(0, command, flags);
    }

    private String run(final int expectedExit, final String command, final String... flags)
            throws IOException, InterruptedException {
        final List<String> args = new ArrayList<>(List.of("bash", script.toString(), command));
        args.addAll(List.of(flags));
        args.addAll(List.of("--data-dir", dataDir.toString()));
        final ProcessBuilder builder = new ProcessBuilder(args).redirectErrorStream(true);
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().putAll(environment);
        final Process process = builder.start();
        final String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(SCRIPT_TIMEOUT_S, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("kafka.sh " + command + " hung:\n" + output);
        }
        if (process.exitValue() != expectedExit) {
            throw new IllegalStateException("kafka.sh " + command + " exited " + process.exitValue() + ":\n" + output);
        }
        return output;
    }
}
