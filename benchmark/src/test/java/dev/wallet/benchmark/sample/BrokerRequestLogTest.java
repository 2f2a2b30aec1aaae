package dev.wallet.benchmark.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import dev.wallet.benchmark.sample.BrokerRequestLog.Request;
import dev.wallet.benchmark.sample.BrokerRequestLog.Row;
import java.util.List;
import org.junit.jupiter.api.Test;

class BrokerRequestLogTest {

    /** A line as Kafka 4.1's broker writes it (shortened request and response bodies). */
    private static final String END_TXN = "[2026-11-27 21:43:18,020] DEBUG Completed request:{\"isForwarded\":false,"
            + "\"requestHeader\":{\"requestApiKey\":26,\"requestApiVersion\":5,\"correlationId\":36760,"
            + "\"clientId\":\"wallet-account-processor-766c12e7-b508-472e-a0e5-d0866091ac2b-StreamThread-1-producer\","
            + "\"requestApiKeyName\":\"END_TXN\"},\"request\":\"\",\"response\":\"\","
            + "\"connection\":\"127.0.0.1:9092-127.0.0.1:46558-0-5\",\"totalTimeMs\":16.57,\"requestQueueTimeMs\":0.066,"
            + "\"localTimeMs\":0.055,\"remoteTimeMs\":0.0,\"throttleTimeMs\":0,\"responseQueueTimeMs\":8.956,"
            + "\"sendTimeMs\":7.492,\"securityProtocol\":\"PLAINTEXT\",\"principal\":\"User:ANONYMOUS\","
            + "\"listener\":\"PLAINTEXT\",\"clientInformation\":{\"softwareName\":\"apache-kafka-java\","
            + "\"softwareVersion\":\"4.1.2\"}} (kafka.request.logger)";

    @Test
    void shouldReadTheClientTheTypeAndEachPartOfARequestsTime() {
        assertThat(BrokerRequestLog.parse(END_TXN)).contains(new Request(
                "wallet-account-processor-*-StreamThread-1-producer", "END_TXN", 16.57, 0.066, 0.055, 0.0, 8.956, 7.492));
    }

    @Test
    void shouldSkipEveryOtherLineOfTheBrokersLog() {
        assertThat(BrokerRequestLog.parse("[2026-11-27 21:43:18,020] INFO [LogLoader partition=wallet.x-0] "
                + "Loading producer state (kafka.log.UnifiedLog)")).isEmpty();
        assertThat(BrokerRequestLog.parse("")).isEmpty();
    }

    @Test
    void shouldRefuseARequestLineItCannotRead() {
        assertThatThrownBy(() -> BrokerRequestLog.parse(
                "[2026-11-27 21:43:18,020] DEBUG Completed request:{\"requestHeader\": (kafka.request.logger)"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BrokerRequestLog.parse(
                "[2026-11-27 21:43:18,020] DEBUG Completed request:{\"totalTimeMs\":1.0} (kafka.request.logger)"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("requestApiKeyName");
    }

    @Test
    void shouldShowEveryUuidOfAClientIdAsAStar() {
        assertThat(BrokerRequestLog.clientPattern(
                "wallet-saga-orchestrator-fe254029-3909-4a70-8ec5-0b22ffa215bf-StreamThread-1-consumer"))
                .isEqualTo("wallet-saga-orchestrator-*-StreamThread-1-consumer");
        assertThat(BrokerRequestLog.clientPattern("broker-1-txn-marker-sender")).isEqualTo("broker-1-txn-marker-sender");
    }

    @Test
    void shouldSumByClientAndTypeWithMeansAndTheLargestTotal() {
        final List<Request> requests = List.of(
                new Request("saga", "FETCH", 10, 1, 0, 8, 1, 0),
                new Request("saga", "FETCH", 20, 3, 2, 12, 1, 2),
                new Request("saga", "FETCH", 3, 0, 1, 2, 0, 0),
                new Request("processor", "FETCH", 4, 0, 0, 4, 0, 0),
                new Request("processor", "END_TXN", 1, 0, 1, 0, 0, 0));

        final List<Row> byClient = BrokerRequestLog.byClient(requests);

        assertThat(byClient).extracting(Row::client, Row::type, Row::count).containsExactly(
                tuple("saga", "FETCH", 3L),
                tuple("processor", "END_TXN", 1L),
                tuple("processor", "FETCH", 1L));
        final Row saga = byClient.get(0);
        assertThat(saga.meanTotalMs()).isEqualTo(11.0);
        assertThat(saga.meanRequestQueueMs()).isCloseTo(4.0 / 3, within(1e-9));
        assertThat(saga.meanLocalMs()).isEqualTo(1.0);
        assertThat(saga.meanRemoteMs()).isCloseTo(22.0 / 3, within(1e-9));
        assertThat(saga.meanResponseQueueMs()).isCloseTo(2.0 / 3, within(1e-9));
        assertThat(saga.meanSendMs()).isCloseTo(2.0 / 3, within(1e-9));
        assertThat(saga.maxTotalMs()).isEqualTo(20.0);
        assertThat(saga.perSecond(2.0)).isEqualTo(1.5);
    }

    @Test
    void shouldSumEachTypeOverEveryClient() {
        final List<Request> requests = List.of(
                new Request("saga", "FETCH", 10, 0, 0, 10, 0, 0),
                new Request("processor", "FETCH", 4, 0, 0, 4, 0, 0),
                new Request("processor", "END_TXN", 1, 0, 1, 0, 0, 0));

        assertThat(BrokerRequestLog.byType(requests))
                .extracting(Row::client, Row::type, Row::count, Row::meanTotalMs, Row::maxTotalMs).containsExactly(
                        tuple(BrokerRequestLog.ALL_CLIENTS, "FETCH", 2L, 7.0, 10.0),
                        tuple(BrokerRequestLog.ALL_CLIENTS, "END_TXN", 1L, 1.0, 1.0));
    }
}
