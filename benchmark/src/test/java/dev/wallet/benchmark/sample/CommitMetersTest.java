package dev.wallet.benchmark.sample;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.wallet.benchmark.report.CommitTiming;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reading a service's commit meters from Prometheus text, and what a step's timing is made of. */
class CommitMetersTest {

    private static final String SCRAPE = """
            # HELP kafka_stream_thread_commit_total The total number of calls to commit
            # TYPE kafka_stream_thread_commit_total counter
            kafka_stream_thread_commit_total{kafka_version="4.1.2",thread_id="app-StreamThread-1"} 100.0
            kafka_stream_thread_commit_total{kafka_version="4.1.2",thread_id="app-StreamThread-2"} 50.0
            kafka_stream_thread_commit_latency_avg{kafka_version="4.1.2",thread_id="app-StreamThread-1"} 3.25
            kafka_producer_flush_time_ns_total{client_id="app-StreamThread-1-producer"} 6.0E8
            kafka_producer_flush_time_ns_total{client_id="app-StreamThread-2-producer"} 3.0E8
            kafka_producer_txn_send_offsets_time_ns_total{client_id="app-StreamThread-1-producer"} 4.5E8
            kafka_producer_txn_commit_time_ns_total{client_id="app-StreamThread-1-producer"} 1.5E8
            kafka_producer_txn_commit_time_ns_total{client_id="app-StreamThread-2-producer"} NaN
            kafka_stream_thread_punctuate_total{kafka_version="4.1.2",thread_id="app-StreamThread-1"} 400.0
            kafka_stream_thread_punctuate_ratio{kafka_version="4.1.2",thread_id="app-StreamThread-1"} 0.01
            # TYPE wallet_commit_asks_total counter
            wallet_commit_asks_total 90.0
            # TYPE wallet_commit_asks_busy_total counter
            wallet_commit_asks_busy_total 9.0
            """;

    @Test
    void shouldSumEachCommitMeterOverItsClientsAndSkipOtherMeters() {
        final Map<String, Double> meters = CommitMeters.parse(SCRAPE);

        assertThat(meters).containsOnly(
                Map.entry(CommitMeters.COMMITS, 150.0),
                Map.entry(CommitMeters.FLUSH_NS, 9.0E8),
                Map.entry(CommitMeters.SEND_OFFSETS_NS, 4.5E8),
                Map.entry(CommitMeters.END_TXN_NS, 1.5E8),
                Map.entry(CommitMeters.PUNCTUATIONS, 400.0),
                Map.entry(CommitMeters.ASKS, 90.0),
                Map.entry(CommitMeters.BUSY_ASKS, 9.0));
    }

    @Test
    void shouldTurnTwoReadingsIntoCommitsPerSecondAndMillisecondsPerCommit() {
        final Map<String, Double> before = CommitMeters.parse(SCRAPE);
        final Map<String, Double> after = Map.of(
                CommitMeters.COMMITS, 150.0 + 300,
                CommitMeters.FLUSH_NS, 9.0E8 + 300 * 7_000_000.0,
                CommitMeters.SEND_OFFSETS_NS, 4.5E8 + 300 * 4_000_000.0,
                CommitMeters.END_TXN_NS, 1.5E8 + 300 * 2_000_000.0,
                CommitMeters.PUNCTUATIONS, 400.0 + 1_250,
                CommitMeters.ASKS, 90.0 + 280,
                CommitMeters.BUSY_ASKS, 9.0 + 70);

        final CommitTiming timing = CommitTiming.between(before, after, 10.0);

        assertThat(timing).isEqualTo(new CommitTiming(30.0, 7.0, 4.0, 2.0, 125.0, 0.25));
        assertThat(timing.totalMsPerCommit()).isEqualTo(13.0);
    }

    @Test
    void shouldGiveNoTimingWhenAReadingIsMissingOrTheServiceRestarted() {
        final Map<String, Double> before = CommitMeters.parse(SCRAPE);

        assertThat(CommitTiming.between(Map.of(), before, 10.0)).isNull();
        assertThat(CommitTiming.between(before, Map.of(CommitMeters.COMMITS, 10.0, CommitMeters.FLUSH_NS, 1.0,
                CommitMeters.SEND_OFFSETS_NS, 1.0, CommitMeters.END_TXN_NS, 1.0), 10.0)).isNull();
    }

    @Test
    void shouldLeaveThePunctuationsAndBusyAsksOutWhenTheServiceDoesNotReportThem() {
        final Map<String, Double> before = Map.of(CommitMeters.COMMITS, 0.0, CommitMeters.FLUSH_NS, 0.0,
                CommitMeters.SEND_OFFSETS_NS, 0.0, CommitMeters.END_TXN_NS, 0.0);
        final Map<String, Double> after = Map.of(CommitMeters.COMMITS, 10.0, CommitMeters.FLUSH_NS, 1.0E7,
                CommitMeters.SEND_OFFSETS_NS, 1.0E7, CommitMeters.END_TXN_NS, 1.0E7);

        assertThat(CommitTiming.between(before, after, 10.0))
                .isEqualTo(new CommitTiming(1.0, 1.0, 1.0, 1.0, null, null));
    }

    @Test
    void shouldGiveNoBusyShareWhenThePacerAskedForNothing() {
        final Map<String, Double> idle = Map.of(CommitMeters.COMMITS, 10.0, CommitMeters.FLUSH_NS, 0.0,
                CommitMeters.SEND_OFFSETS_NS, 0.0, CommitMeters.END_TXN_NS, 0.0, CommitMeters.ASKS, 40.0,
                CommitMeters.BUSY_ASKS, 4.0);

        assertThat(CommitTiming.between(idle, idle, 10.0).busyAskShare()).isNull();
    }

    @Test
    void shouldReadTheMetersOverHttpAndAnswerEmptyWhenNothingListens() throws IOException {
        final HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/actuator/prometheus", exchange -> {
            final byte[] body = SCRAPE.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        final int port = server.getAddress().getPort();
        try {
            assertThat(new CommitMeters("saga", "http://127.0.0.1:" + port + "/").read())
                    .containsEntry(CommitMeters.COMMITS, 150.0);
        } finally {
            server.stop(0);
        }
        assertThat(new CommitMeters("saga", "http://127.0.0.1:" + port).read()).isEmpty();
    }
}
