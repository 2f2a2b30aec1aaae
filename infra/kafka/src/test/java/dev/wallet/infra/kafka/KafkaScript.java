package dev.wallet.infra.kafka;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/** Drives infra/kafka/bin/kafka.sh for a test: its own data directory and free ports. */
final class KafkaScript implements AutoCloseable {

    private static final Path SCRIPT = Path.of("bin", "kafka.sh").toAbsolutePath();
    private static final long SCRIPT_TIMEOUT_S = 300;

    private final Path dataDir;
    private final int brokers;
    private final int port;
    private final int controllerPort;

    KafkaScript(final Path dataDir, final int brokers) {
        this.dataDir = dataDir;
        this.brokers = brokers;
        this.port = freePortRange(brokers);
        int controller;
        do {
            controller = freePortRange(brokers);
        } while (Math.abs(controller - port) < brokers);
        this.controllerPort = controller;
    }

    String bootstrapServers() {
        final List<String> servers = new ArrayList<>();
        for (int i = 0; i < brokers; i++) {
            servers.add("127.0.0.1:" + (port + i));
        }
        return String.join(",", servers);
    }

    String start() throws IOException, InterruptedException {
        return run("start", "--brokers", Integer.toString(brokers), "--port", Integer.toString(port),
                "--controller-port", Integer.toString(controllerPort));
    }

    String status() throws IOException, InterruptedException {
        return run("status");
    }

    /** Status of a cluster with a node down: kafka.sh then exits 3 ("not all running"). */
    String statusWithNodesDown() throws IOException, InterruptedException {
        return run(3, "status");
    }

    String kill(final int node) throws IOException, InterruptedException {
        return run("kill", "--node", Integer.toString(node));
    }

    String stop() throws IOException, InterruptedException {
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
        final List<String> args = new ArrayList<>(List.of("bash", SCRIPT.toString(), command));
        args.addAll(List.of(flags));
        args.addAll(List.of("--data-dir", dataDir.toString()));
        final ProcessBuilder builder = new ProcessBuilder(args).redirectErrorStream(true);
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
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

    /** First port of {@code count} consecutive ports that are free now. */
    private static int freePortRange(final int count) {
        for (int attempt = 0; attempt < 1_000; attempt++) {
            final int base = ThreadLocalRandom.current().nextInt(20_000, 60_000);
            boolean free = true;
            for (int i = 0; i < count && free; i++) {
                free = isFree(base + i);
            }
            if (free) {
                return base;
            }
        }
        throw new IllegalStateException("no free port range of " + count);
    }

    private static boolean isFree(final int port) {
        try (ServerSocket socket = new ServerSocket(port)) {
            socket.setReuseAddress(true);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
