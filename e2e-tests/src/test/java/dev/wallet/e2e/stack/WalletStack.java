package dev.wallet.e2e.stack;

import dev.wallet.infra.kafka.FreePorts;
import dev.wallet.infra.kafka.LocalKafka;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole wallet as separate processes, as it runs for real: Kafka broker process(es) from
 * {@code infra/kafka/bin/kafka.sh}, and the four services from their executable jars, each with
 * its own log under {@code <workDir>/logs}. Ports are free ports; data lives under
 * {@code workDir} and survives {@link #stopServices()} / {@link #startServices()}.
 */
public final class WalletStack implements AutoCloseable {

    public static final String ACCOUNT_PROCESSOR = "account-processor";
    public static final String SAGA_ORCHESTRATOR = "saga-orchestrator";
    public static final String BALANCE_QUERY = "balance-query";
    public static final String COMMAND_API = "command-api";

    private static final String VERSION = "0.1.0-SNAPSHOT";

    private final Path workDir;
    private final LocalKafka kafka;
    private final int postgresPort;
    private final Map<String, ServiceProcess> services = new LinkedHashMap<>();

    /**
     * @param workDir data and logs of this stack
     * @param brokers 1, or 3 for the replicated cluster
     */
    public WalletStack(final Path workDir, final int brokers) {
        this.workDir = workDir;
        this.kafka = new LocalKafka(repoDir().resolve("infra/kafka/bin/kafka.sh"), workDir.resolve("kafka"), brokers);
        this.postgresPort = FreePorts.one();
        final int queryPort = FreePorts.one();
        final String bootstrap = "--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers();
        final String replication = Integer.toString(brokers == 1 ? 1 : 3);
        add(ACCOUNT_PROCESSOR, FreePorts.one(), List.of(bootstrap,
                "--wallet.account-processor.state-dir=" + workDir.resolve("state/account-processor"),
                "--wallet.account-processor.replication-factor=" + replication));
        add(SAGA_ORCHESTRATOR, FreePorts.one(), List.of(bootstrap,
                "--wallet.saga-orchestrator.state-dir=" + workDir.resolve("state/saga-orchestrator"),
                "--wallet.saga-orchestrator.replication-factor=" + replication));
        add(BALANCE_QUERY, queryPort, List.of(bootstrap,
                "--wallet.postgres.data-dir=" + workDir.resolve("postgres"),
                "--wallet.postgres.port=" + postgresPort));
        // Outcome waits longer than the 2 s default: a cold stack on a busy 2-core machine is slow,
        // and these tests want the outcome in the answer rather than a 202.
        add(COMMAND_API, FreePorts.one(), List.of(bootstrap,
                "--wallet.api.status-base-url=http://127.0.0.1:" + queryPort,
                "--wallet.api.outcome-wait=10s", "--wallet.api.account-open-wait=10s"));
    }

    private void add(final String name, final int port, final List<String> arguments) {
        final Path jar = repoDir().resolve(name).resolve("target").resolve("wallet-" + name + "-" + VERSION + "-exec.jar");
        services.put(name, new ServiceProcess(name, jar, port, arguments, workDir.resolve("logs")));
    }

    /**
     * An empty work directory under {@code e2e-tests/target/e2e/<name>}: kept after the run, so the
     * services' and brokers' logs are there to read when a case fails; {@code mvn clean} removes it.
     */
    public static Path freshWorkDir(final String name) throws IOException {
        final Path dir = repoDir().resolve("e2e-tests/target/e2e").resolve(name);
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
        return Files.createDirectories(dir);
    }

    /** The repository root: e2e tests run with the e2e-tests module as working directory. */
    public static Path repoDir() {
        final Path cwd = Path.of("").toAbsolutePath();
        return Files.isDirectory(cwd.resolve("infra")) ? cwd : cwd.getParent();
    }

    /** A started stack in {@code freshWorkDir(name)}; stopped again if the start fails half-way. */
    public static WalletStack started(final String name, final int brokers) throws IOException, InterruptedException {
        final WalletStack stack = new WalletStack(freshWorkDir(name), brokers);
        try {
            return stack.start();
        } catch (IOException | InterruptedException | RuntimeException | Error e) {
            stack.close();
            throw e;
        }
    }

    /** Starts Kafka, creates the topics, then every service in pipeline order. */
    public WalletStack start() throws IOException, InterruptedException {
        kafka.start();
        startServices();
        return this;
    }

    /** Starts every service that is not running, in pipeline order. */
    public void startServices() throws IOException, InterruptedException {
        for (final ServiceProcess service : services.values()) {
            if (!service.isHealthy()) {
                service.start();
            }
        }
    }

    /** Stops every service (SIGTERM), last started first; Kafka keeps running. */
    public void stopServices() throws InterruptedException {
        final List<ServiceProcess> reversed = new ArrayList<>(services.values());
        java.util.Collections.reverse(reversed);
        for (final ServiceProcess service : reversed) {
            service.close();
        }
    }

    public ServiceProcess service(final String name) {
        return services.get(name);
    }

    public LocalKafka kafka() {
        return kafka;
    }

    public String apiUrl() {
        return services.get(COMMAND_API).baseUrl();
    }

    public String queryUrl() {
        return services.get(BALANCE_QUERY).baseUrl();
    }

    /** JDBC URL of the read side's PostgreSQL, as an analyst would connect. */
    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + postgresPort + "/postgres";
    }

    @Override
    public void close() throws IOException, InterruptedException {
        try {
            stopServices();
        } finally {
            kafka.stop();
        }
    }
}
