package dev.wallet.benchmark.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartitionInfo;
import org.junit.jupiter.api.Test;

class TopicRecordsTest {

    private static final Node BROKER = new Node(1, "127.0.0.1", 9092);

    @Test
    void shouldCountThePartitionsOfTheRegistrysTopicsOnly() {
        final Map<String, TopicDescription> described = Map.of(
                "wallet.account-commands", described("wallet.account-commands", 2),
                "wallet.transfer-events", described("wallet.transfer-events", 6),
                "wallet-account-processor-account-balances-changelog",
                described("wallet-account-processor-account-balances-changelog", 2),
                "wallet.not-in-the-registry", described("wallet.not-in-the-registry", 3));

        assertThat(TopicRecords.walletTopicPartitions(described))
                .containsExactly(Map.entry("wallet.account-commands", 2), Map.entry("wallet.transfer-events", 6));
    }

    private static TopicDescription described(final String topic, final int partitions) {
        return new TopicDescription(topic, false, IntStream.range(0, partitions)
                .mapToObj(p -> new TopicPartitionInfo(p, BROKER, List.of(BROKER), List.of(BROKER)))
                .toList());
    }
}
