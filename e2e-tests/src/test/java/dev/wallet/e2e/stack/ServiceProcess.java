package dev.wallet.e2e.stack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One wallet service running as its own JVM process from its executable jar, with its own log
 * file. Healthy when its {@code /actuator/health} answers UP.
 */
public final class ServiceProcess implements AutoCloseable {

    /** How long a service may take from start to healthy on a busy 2-core machine. */
    public static final Duration HEALTHY_TIMEOUT = Duration.ofSeconds(120);

    /** How long a SIGTERM may take before the process is killed. */
    public static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final Path jar;
    private final int port;
    private final List<String> arguments;
    private final Path log;
    private Process process;

    public ServiceProcess(final String name, final Path jar, final int port, final List<String> arguments,
                          final Path logDir) {
        this.name = name;
        this.jar = jar;
        this.port = port;
        this.arguments = List.copyOf(arguments);
        this.log = logDir.resolve(name + ".log");
    }

    public String name() {
        return name;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public Path log() {
        return log;
    }

    /** Starts the process (appending to its log) and waits until it is healthy. */
    public void start() throws IOException, InterruptedException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no executable jar for " + name + " at " + jar
                    + "; build it first with ./mvnw -B -DskipTests package");
        }
        final List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:+UseParallelGC", "-jar", jar.toString(),
                "--server.port=" + port));
        command.addAll(arguments);
        Files.createDirectories(log.getParent());
        process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        awaitHealthy();
    }

    private void awaitHealthy() throws InterruptedException, IOException {
        final long deadline = System.nanoTime() + HEALTHY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; log tail:\n" + tail());
            }
            if (isHealthy()) {
                return;
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(name + " not healthy within " + HEALTHY_TIMEOUT + "; log tail:\n" + tail());
    }

    /** True when the health endpoint answers 200 with status UP. */
    public boolean isHealthy() {
        try {
            final HttpResponse<String> response = HTTP.send(
                    HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health"))
                            .timeout(Duration.ofSeconds(2)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().contains("\"UP\"");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** SIGKILL: the crash a fault test wants; nothing is flushed or closed. */
    public void kill9() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        }
    }

    /** SIGTERM, then SIGKILL after {@link #STOP_TIMEOUT}. */
    @Override
    public void close() throws InterruptedException {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        }
    }

    private String tail() throws IOException {
        final List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    }
}
