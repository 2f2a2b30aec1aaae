package dev.wallet.api.perf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wallet.api.support.EmbeddedBroker;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Measures what one transfer request costs the command API; not an assertion, and off unless
 * asked for:
 * {@code ./mvnw -B -o -pl command-api test -Dtest=ApiCostBenchmark -Dwallet.benchmark=true}
 * (options: {@code -Dwallet.benchmark.requests=50000 -Dwallet.benchmark.warmup=30000
 * -Dwallet.benchmark.in-flight=512 -Dwallet.benchmark.jvm-options="-Xmx512m"
 * -Dwallet.benchmark.api-classpath=<another build's classes and dependencies>
 * -Dwallet.benchmark.rounds=1}; with an api-classpath each round measures that other build, e.g.
 * the previous commit's, and then this one, each in a fresh process, back to back on one broker).
 *
 * <p>The API runs as its own process ({@link ApiProcess}) against an embedded KRaft broker in this
 * JVM, where a {@link FakeSaga} answers every request with the success events the real saga writes.
 * A JDK {@link HttpClient} posts transfers with a fixed number in flight: first a warm-up (JIT),
 * then the measured run. It prints requests/s, the API process's CPU per request (all its threads,
 * GC and JIT included; then split into application, JIT compiler and GC threads, since on a busy
 * machine the JIT may still be compiling during the measured run) and the bytes it allocated per
 * request, and asserts only that every answer
 * was a 200 success, so a broken API cannot pass for a fast one.
 */
@EnabledIfSystemProperty(named = "wallet.benchmark", matches = "true")
class ApiCostBenchmark {

    private static final int ACCOUNTS = 1_000;

    @Test
    void shouldReportCpuPerTransferRequest() throws Exception {
        final int rounds = Integer.getInteger("wallet.benchmark.rounds", 1);
        final String otherBuild = System.getProperty("wallet.benchmark.api-classpath", "").trim();
        final List<String> builds = otherBuild.isEmpty() ? List.of("") : List.of(otherBuild, "");
        try (EmbeddedBroker broker = EmbeddedBroker.start();
             FakeSaga saga = FakeSaga.start(broker.bootstrap())) {
            final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            for (int round = 1; round <= rounds; round++) {
                for (final String classPath : builds) {
                    final Map<String, LongAdder> answers = measure(broker.bootstrap(), client, classPath,
                            "round " + round + ", " + (classPath.isEmpty() ? "this build" : "other build"));
                    assertThat(saga.failure()).isNull();
                    assertThat(answers).containsOnlyKeys("200 success");
                }
            }
        }
    }

    /** One fresh API process: warm-up, then the measured run; prints its figures. */
    private static Map<String, LongAdder> measure(final String bootstrap, final HttpClient client,
                                                  final String classPath, final String label) throws Exception {
        final int requests = Integer.getInteger("wallet.benchmark.requests", 50_000);
        final int warmup = Integer.getInteger("wallet.benchmark.warmup", 30_000);
        final int inFlight = Integer.getInteger("wallet.benchmark.in-flight", 512);
        final List<String> jvmOptions = Arrays.stream(System.getProperty("wallet.benchmark.jvm-options", "-Xmx512m")
                .trim().split("\\s+")).filter(s -> !s.isEmpty()).toList();
        final Path log = Files.createDirectories(Path.of("target", "benchmark")).resolve("api.log");
        try (ApiProcess api = ApiProcess.start(bootstrap, jvmOptions, classPath, log)) {
            drive(client, api.baseUrl(), warmup, inFlight);
            final Map<Long, ApiProcess.ThreadCpu> threadsBefore = api.threadCpu();
            final Duration cpuBefore = api.cpu();
            final double allocatedBefore = api.allocatedBytes();
            final long testJvmCpuBefore = testJvmCpuNanos();
            final long startNs = System.nanoTime();
            final Map<String, LongAdder> answers = drive(client, api.baseUrl(), requests, inFlight);
            final double seconds = (System.nanoTime() - startNs) / 1e9;
            final double apiCpuUs = api.cpu().minus(cpuBefore).toNanos() / 1e3 / requests;
            final Map<String, Double> byKindUs = cpuByKindUs(threadsBefore, api.threadCpu(), requests);
            final double allocatedKb = (api.allocatedBytes() - allocatedBefore) / 1024 / requests;
            final double testJvmCpuUs = (testJvmCpuNanos() - testJvmCpuBefore) / 1e3 / requests;
            System.out.printf("API COST %s: %d requests (after %d warm-up), %d in flight: %.0f requests/s, "
                            + "command-api %.1f µs CPU (threads: %s) and %.1f KiB allocated per request; "
                            + "test JVM (driver, broker, fake saga) %.1f µs CPU per request; answers %s%n",
                    label, requests, warmup, inFlight, requests / seconds, apiCpuUs, format(byKindUs), allocatedKb, testJvmCpuUs,
                    new TreeMap<>(answers));
            return answers;
        }
    }

    /**
     * CPU µs per request by kind of thread, over the threads alive at both snapshots; a thread
     * that started or ended in between is left out (the process total above has it).
     */
    private static Map<String, Double> cpuByKindUs(final Map<Long, ApiProcess.ThreadCpu> before,
                                                   final Map<Long, ApiProcess.ThreadCpu> after, final int requests) {
        final Map<String, Double> byKind = new TreeMap<>();
        after.forEach((tid, cpu) -> {
            final ApiProcess.ThreadCpu earlier = before.get(tid);
            if (earlier != null) {
                // Clock ticks are 10 ms on Linux (USER_HZ 100).
                byKind.merge(cpu.kind(), (cpu.ticks() - earlier.ticks()) * 10_000.0 / requests, Double::sum);
            }
        });
        return byKind;
    }

    private static String format(final Map<String, Double> byKindUs) {
        final StringBuilder text = new StringBuilder();
        byKindUs.forEach((kind, us) -> text.append(text.length() == 0 ? "" : ", ")
                .append(kind).append(' ').append(String.format("%.1f", us)));
        return text.toString();
    }

    private static Map<String, LongAdder> drive(final HttpClient client, final String baseUrl, final int requests,
                                               final int inFlight) throws InterruptedException {
        final Map<String, LongAdder> answers = new ConcurrentHashMap<>();
        final Semaphore places = new Semaphore(inFlight);
        final URI uri = URI.create(baseUrl + "/v1/wallet/balance_transfer");
        for (int i = 0; i < requests; i++) {
            places.acquire();
            final HttpRequest request = HttpRequest.newBuilder(uri)
                    .header("Content-Type", "application/json")
                    .timeout(Duration.ofSeconds(30))
                    .POST(HttpRequest.BodyPublishers.ofString(body(i)))
                    .build();
            client.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, error) -> {
                final String answer = error != null ? error.getClass().getSimpleName()
                        : response.statusCode() + " " + status(response.body());
                answers.computeIfAbsent(answer, a -> new LongAdder()).increment();
                places.release();
            });
        }
        if (!places.tryAcquire(inFlight, 2, TimeUnit.MINUTES)) {
            throw new IllegalStateException("requests still in flight after 2 minutes");
        }
        return answers;
    }

    private static String body(final int i) {
        return "{\"from_account\":\"user-" + (i % ACCOUNTS) + "\",\"to_account\":\"user-" + ((i + 1) % ACCOUNTS)
                + "\",\"amount\":\"12.50\",\"currency\":\"USD\",\"transaction_id\":\"" + UUID.randomUUID() + "\"}";
    }

    private static String status(final String body) {
        final int at = body.indexOf("\"status\":\"");
        if (at < 0) {
            return "?";
        }
        final int from = at + "\"status\":\"".length();
        return body.substring(from, body.indexOf('"', from));
    }

    private static long testJvmCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
