package dev.wallet.benchmark.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.wallet.benchmark.workload.PlannedTransfer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

class HttpTransferSenderTest {

    @Test
    void shouldSendTheAmountAsADecimalStringInTheCurrencyScale() {
        final String body = HttpTransferSender.body(new PlannedTransfer(
                "6f1c0f7e-7d4a-4c3e-9a57-2b1f5d0c9e11", "a", "b", 1_205, "USD"));

        assertThat(body).isEqualTo("{\"from_account\":\"a\",\"to_account\":\"b\",\"amount\":\"12.05\","
                + "\"currency\":\"USD\",\"transaction_id\":\"6f1c0f7e-7d4a-4c3e-9a57-2b1f5d0c9e11\"}");
    }

    @Test
    void shouldPostEachTransferAndCountAnswersAndRefusalsByStatus() throws InterruptedException {
        final List<String> bodies = new CopyOnWriteArrayList<>();
        final DisposableServer api = HttpServer.create().host("127.0.0.1").port(0)
                .route(routes -> routes.post("/v1/wallet/balance_transfer", (request, response) ->
                        request.receive().aggregate().asString().flatMap(body -> {
                            bodies.add(request.requestHeaders().get("Content-Type") + " " + body);
                            return response.status(body.contains("\"from_account\":\"refused\"") ? 400 : 202)
                                    .sendString(Mono.just("{}")).then();
                        })))
                .bindNow();
        // The tracker is only told what to expect here; it never connects in this test.
        try (OutcomeTracker tracker = new OutcomeTracker("127.0.0.1:1");
             HttpTransferSender sender = new HttpTransferSender("http://127.0.0.1:" + api.port(), tracker,
                     Duration.ofSeconds(10))) {
            final StepStats step = new StepStats("test", 10);
            sender.send(new PlannedTransfer("tx-1", "a", "b", 100, "USD"), System.nanoTime(), step);
            sender.send(new PlannedTransfer("tx-2", "refused", "b", 100, "USD"), System.nanoTime(), step);

            await().atMost(Duration.ofSeconds(10))
                    .until(() -> step.answers().values().stream().mapToLong(Long::longValue).sum() == 2);
            assertThat(step.answers()).isEqualTo(Map.of("http_202", 1L, "http_400", 1L));
            assertThat(step.sendErrors()).isEqualTo(1);
            assertThat(tracker.forget("tx-1")).as("a written transfer is still awaited").isTrue();
            assertThat(tracker.forget("tx-2")).as("a refused transfer is no longer awaited").isFalse();
            assertThat(bodies).hasSize(2).allMatch(body -> body.startsWith("application/json {"));
        } finally {
            api.disposeNow();
        }
    }

    @Test
    void shouldCarryOneRequestAfterAnotherOnOneKeptAliveConnection() throws InterruptedException {
        final Set<Integer> clientPorts = ConcurrentHashMap.newKeySet();
        final DisposableServer api = HttpServer.create().host("127.0.0.1").port(0)
                .route(routes -> routes.post("/v1/wallet/balance_transfer", (request, response) -> {
                    clientPorts.add(request.remoteAddress().getPort());
                    return request.receive().then(response.status(200).sendString(Mono.just("{}")).then());
                }))
                .bindNow();
        try (OutcomeTracker tracker = new OutcomeTracker("127.0.0.1:1");
             HttpTransferSender sender = new HttpTransferSender("http://127.0.0.1:" + api.port(), tracker,
                     Duration.ofSeconds(10))) {
            final StepStats step = new StepStats("test", 10);
            for (int i = 1; i <= 3; i++) {
                sender.send(new PlannedTransfer("tx-" + i, "a", "b", 100, "USD"), System.nanoTime(), step);
                final long answered = i;
                await().atMost(Duration.ofSeconds(10)).until(() -> step.answers().getOrDefault("http_200", 0L) == answered);
            }

            assertThat(clientPorts).as("each request after the first reuses the idle connection").hasSize(1);
            assertThat(step.sendErrors()).isZero();
        } finally {
            api.disposeNow();
        }
    }

    @Test
    void shouldEndARequestWithNoAnswerInTimeAsASendError() throws InterruptedException {
        final DisposableServer api = HttpServer.create().host("127.0.0.1").port(0)
                .route(routes -> routes.post("/v1/wallet/balance_transfer", (request, response) -> Mono.never()))
                .bindNow();
        try (OutcomeTracker tracker = new OutcomeTracker("127.0.0.1:1");
             HttpTransferSender sender = new HttpTransferSender("http://127.0.0.1:" + api.port(), tracker,
                     Duration.ofMillis(300))) {
            final StepStats step = new StepStats("test", 10);
            sender.send(new PlannedTransfer("tx-1", "a", "b", 100, "USD"), System.nanoTime(), step);

            await().atMost(Duration.ofSeconds(10)).until(() -> step.sendErrors() == 1);
            assertThat(step.answers()).isEqualTo(Map.of("http_ReadTimeoutException", 1L));
            assertThat(tracker.forget("tx-1")).as("an unanswered transfer is no longer awaited").isFalse();
        } finally {
            api.disposeNow();
        }
    }

    @Test
    void shouldEndARequestWhoseConnectionClosesOrIsRefusedAsASendError() throws IOException, InterruptedException {
        try (ServerSocket closing = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
             OutcomeTracker tracker = new OutcomeTracker("127.0.0.1:1")) {
            final Thread server = new Thread(() -> {
                // Reads the whole request before closing: unread bytes would make the close a reset.
                try (Socket socket = closing.accept(); InputStream in = socket.getInputStream()) {
                    final StringBuilder request = new StringBuilder();
                    final byte[] buffer = new byte[1024];
                    int read;
                    while (request.indexOf("\"}") < 0 && (read = in.read(buffer)) > 0) {
                        request.append(new String(buffer, 0, read, StandardCharsets.US_ASCII));
                    }
                } catch (IOException ignored) {
                    // the test fails on its own assertions if nothing was accepted
                }
            }, "closing-server");
            server.setDaemon(true);
            server.start();
            final StepStats step = new StepStats("test", 10);
            try (HttpTransferSender sender = new HttpTransferSender("http://127.0.0.1:" + closing.getLocalPort(),
                    tracker, Duration.ofSeconds(10))) {
                sender.send(new PlannedTransfer("tx-closed", "a", "b", 100, "USD"), System.nanoTime(), step);
                await().atMost(Duration.ofSeconds(10)).until(() -> step.sendErrors() == 1);
            }
            final int refusedPort;
            try (ServerSocket gone = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                refusedPort = gone.getLocalPort();
            }
            try (HttpTransferSender sender = new HttpTransferSender("http://127.0.0.1:" + refusedPort, tracker,
                    Duration.ofSeconds(10))) {
                sender.send(new PlannedTransfer("tx-refused", "a", "b", 100, "USD"), System.nanoTime(), step);
                await().atMost(Duration.ofSeconds(10)).until(() -> step.sendErrors() == 2);
            }

            assertThat(step.answers()).isEqualTo(Map.of("http_ConnectionClosed", 1L, "http_ConnectException", 1L));
        }
    }
}
