package dev.wallet.api.perf;

import dev.wallet.api.CommandApiApplication;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The command API as a process of its own (the test JVM's class path, {@link CommandApiApplication}),
 * so its CPU time ({@code ProcessHandle}) is the API's alone: no load generator, broker or saga in
 * it, and JIT and GC threads counted.
 */
final class ApiProcess implements AutoCloseable {

    private static final Pattern MEASUREMENT_VALUE = Pattern.compile("\"value\"\\s*:\\s*([0-9.Ee+-]+)");

    private final Process process;
    private final String baseUrl;
    private final HttpClient client = HttpClient.newHttpClient();

    private ApiProcess(final Process process, final String baseUrl) {
        this.process = process;
        this.baseUrl = baseUrl;
    }

    /**
     * Starts the API against {@code bootstrap} and waits (bounded) until it is ready.
     *
     * @param classPath the API's class path: this JVM's when empty, else another build of the API
     *                  (to measure a before and an after back to back)
     */
    static ApiProcess start(final String bootstrap, final List<String> jvmOptions, final String classPath,
                            final Path log)
            throws IOException, InterruptedException {
        final int port = freePort();
        final List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(classPath.isEmpty() ? System.getProperty("java.class.path") : classPath);
        command.add(CommandApiApplication.class.getName());
        command.add("--server.port=" + port);
        command.add("--spring.kafka.bootstrap-servers=" + bootstrap);
        command.add("--wallet.api.outcome-wait=10s");
        command.add("--logging.level.root=WARN");
        final Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        final ApiProcess api = new ApiProcess(process, "http://127.0.0.1:" + port);
        try {
            api.awaitReady(Duration.ofSeconds(90));
            return api;
        } catch (InterruptedException | RuntimeException e) {
            api.close();
            throw e;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private void awaitReady(final Duration bound) throws InterruptedException {
        final long deadline = System.nanoTime() + bound.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the API process exited with " + process.exitValue());
            }
            try {
                if (get("/actuator/health/readiness").statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // Not listening yet.
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the API was not ready within " + bound);
    }

    /** Where it listens. */
    String baseUrl() {
        return baseUrl;
    }

    /** Its process id (for jcmd). */
    long pid() {
        return process.pid();
    }

    /** CPU time the process used so far, user plus system, all threads. */
    Duration cpu() {
        return process.toHandle().info().totalCpuDuration()
                .orElseThrow(() -> new IllegalStateException("no CPU time for pid " + process.pid()));
    }

    /**
     * CPU time so far of each of the process's live threads, by thread id, from
     * {@code /proc/<pid>/task/<tid>/stat} (clock ticks of 10 ms), keyed by the kind of thread:
     * {@code jit} (compiler threads), {@code gc} (collector and VM threads) or {@code app}.
     */
    Map<Long, ThreadCpu> threadCpu() throws IOException {
        final Map<Long, ThreadCpu> threads = new HashMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(process.pid()), "task"))) {
            for (final Path task : (Iterable<Path>) tasks::iterator) {
                final String stat;
                try {
                    stat = Files.readString(task.resolve("stat"));
                } catch (IOException e) {
                    continue; // the thread ended meanwhile
                }
                final int open = stat.indexOf('(');
                final int close = stat.lastIndexOf(')');
                final String name = stat.substring(open + 1, close);
                final String[] fields = stat.substring(close + 2).split(" ");
                // Fields after the name start at field 3 (state); utime and stime are fields 14 and 15.
                final long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                threads.put(Long.parseLong(task.getFileName().toString()), new ThreadCpu(kind(name), ticks));
            }
        }
        return threads;
    }

    private static String kind(final String threadName) {
        if (threadName.startsWith("C1 Compi") || threadName.startsWith("C2 Compi")) {
            return "jit";
        }
        if (threadName.startsWith("GC Thread") || threadName.startsWith("G1 ") || threadName.startsWith("VM Thread")
                || threadName.startsWith("VM Periodic")) {
            return "gc";
        }
        return "app";
    }

    /** One thread's kind and its CPU time in clock ticks. */
    record ThreadCpu(String kind, long ticks) {
    }

    /** Bytes allocated so far, as Micrometer's {@code jvm.gc.memory.allocated} counts them (young GCs). */
    double allocatedBytes() throws IOException, InterruptedException {
        final String body = get("/actuator/metrics/jvm.gc.memory.allocated").body();
        final Matcher matcher = MEASUREMENT_VALUE.matcher(body);
        if (!matcher.find()) {
            throw new IllegalStateException("no value in " + body);
        }
        return Double.parseDouble(matcher.group(1));
    }

    private HttpResponse<String> get(final String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(15, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS);
        }
    }
}
