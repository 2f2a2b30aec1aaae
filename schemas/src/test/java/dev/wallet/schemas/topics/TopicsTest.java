package dev.wallet.schemas.topics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;

class TopicsTest {

    @Test
    void shouldNameEveryTopicOnce() {
        final var names = new HashSet<String>();
        Topics.all().forEach(topic -> assertThat(names.add(topic.name())).as(topic.name()).isTrue());
        assertThat(names).hasSize(5).allMatch(name -> name.startsWith("wallet."));
    }

    @Test
    void shouldKeepTheLedgerForever() {
        assertThat(Topics.ACCOUNT_EVENTS.config())
                .containsEntry(TopicConfig.RETENTION_MS_CONFIG, "-1")
                .containsEntry(TopicConfig.RETENTION_BYTES_CONFIG, "-1")
                .containsEntry(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE);
    }

    @Test
    void shouldKeyAccountTopicsByAccountAndTransferTopicsByTransaction() {
        assertThat(Topics.ACCOUNT_COMMANDS.keyMeaning()).isEqualTo("account_id");
        assertThat(Topics.ACCOUNT_EVENTS.keyMeaning()).isEqualTo("account_id");
        assertThat(Topics.TRANSFER_REQUESTS.keyMeaning()).isEqualTo("transaction_id");
        assertThat(Topics.TRANSFER_EVENTS.keyMeaning()).isEqualTo("transaction_id");
        assertThat(Topics.ACCOUNT_REPLIES.keyMeaning()).isEqualTo("transaction_id");
    }

    @Test
    void shouldKeepRepliesForAWeekOnly() {
        assertThat(Topics.ACCOUNT_REPLIES.config())
                .containsEntry(TopicConfig.RETENTION_MS_CONFIG, Long.toString(Topics.RETENTION_REPLIES.toMillis()))
                .containsEntry(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE);
    }
}
