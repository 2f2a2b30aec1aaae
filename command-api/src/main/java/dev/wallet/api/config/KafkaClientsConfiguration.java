package dev.wallet.api.config;

import dev.wallet.api.account.AccountOpenWaiters;
import dev.wallet.api.account.AccountOpener;
import dev.wallet.api.kafka.CommandPublisher;
import dev.wallet.api.kafka.TopicTail;
import dev.wallet.api.metrics.ApiMetrics;
import dev.wallet.api.transfer.RecentTransfers;
import dev.wallet.api.transfer.TransferEventHandler;
import dev.wallet.api.transfer.TransferStreams;
import dev.wallet.api.transfer.TransferSubmitter;
import dev.wallet.api.transfer.TransferWaiters;
import dev.wallet.api.waiting.WaitingLimit;
import dev.wallet.schemas.avro.AccountEvent;
import dev.wallet.schemas.avro.TransferEvent;
import dev.wallet.schemas.kafka.ExactlyOnce;
import dev.wallet.schemas.topics.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Kafka clients of the API and the objects wired around them. Bootstrap servers come from
 * {@code spring.kafka.bootstrap-servers} (default {@code 127.0.0.1:9092}).
 */
@Configuration(proxyBeanMethods = false)
public class KafkaClientsConfiguration {

    /** Names the waiting limit of transfers and account opens. */
    public static final String REQUESTS = "requests";
    /** Names the waiting limit of SSE streams. */
    public static final String EVENT_STREAMS = "event_streams";

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean(destroyMethod = "close")
    CommandPublisher commandPublisher(@Value("${spring.kafka.bootstrap-servers:127.0.0.1:9092}") final String bootstrap,
                                      final CommandApiProperties properties) {
        final CommandApiProperties.Kafka kafka = properties.kafka();
        final Properties props = ExactlyOnce.producer(bootstrap);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "wallet-command-api");
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, kafka.maxBlockMs());
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, kafka.requestTimeoutMs());
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, kafka.deliveryTimeoutMs());
        props.put(ProducerConfig.LINGER_MS_CONFIG, kafka.lingerMs());
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, kafka.batchSizeBytes());
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, kafka.compressionType());
        props.putAll(kafka.producer());
        final KafkaProducer<String, byte[]> producer =
                new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
        return new CommandPublisher(producer, kafka.sendQueueMax(), Duration.ofMillis(kafka.maxBlockMs()));
    }

    @Bean(destroyMethod = "close")
    Admin kafkaAdmin(@Value("${spring.kafka.bootstrap-servers:127.0.0.1:9092}") final String bootstrap,
                     final CommandApiProperties properties) {
        final Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, "wallet-command-api-health");
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, properties.kafka().requestTimeoutMs());
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, properties.kafka().requestTimeoutMs());
        return Admin.create(props);
    }

    @Bean
    WaitingLimit requestLimit(final CommandApiProperties properties, final MeterRegistry registry) {
        return new WaitingLimit(REQUESTS, properties.maxWaiters(), registry);
    }

    @Bean
    WaitingLimit eventStreamLimit(final CommandApiProperties properties, final MeterRegistry registry) {
        return new WaitingLimit(EVENT_STREAMS, properties.eventStreamsMax(), registry);
    }

    @Bean
    TransferWaiters transferWaiters() {
        return new TransferWaiters();
    }

    @Bean
    RecentTransfers recentTransfers(final CommandApiProperties properties) {
        return new RecentTransfers(properties.recentTransfersMax());
    }

    @Bean
    TransferStreams transferStreams() {
        return new TransferStreams();
    }

    @Bean
    AccountOpenWaiters accountOpenWaiters() {
        return new AccountOpenWaiters();
    }

    @Bean
    TransferSubmitter transferSubmitter(final CommandPublisher publisher, final TransferWaiters waiters,
                                        final WaitingLimit requestLimit, final CommandApiProperties properties,
                                        final ApiMetrics metrics, final Clock clock) {
        return new TransferSubmitter(publisher, waiters, requestLimit, properties, metrics, clock);
    }

    @Bean
    AccountOpener accountOpener(final CommandPublisher publisher, final AccountOpenWaiters waiters,
                                final WaitingLimit requestLimit, final CommandApiProperties properties,
                                final ApiMetrics metrics, final Clock clock) {
        return new AccountOpener(publisher, waiters, requestLimit, properties, metrics, clock);
    }

    @Bean(initMethod = "start", destroyMethod = "close")
    TopicTail<TransferEvent> transferEventsTail(
            @Value("${spring.kafka.bootstrap-servers:127.0.0.1:9092}") final String bootstrap,
            final CommandApiProperties properties, final RecentTransfers recent, final TransferStreams streams,
            final TransferWaiters waiters, final MeterRegistry registry) {
        return new TopicTail<>(Topics.TRANSFER_EVENTS, tailSettings(bootstrap, "transfer-events"),
                new TransferEventHandler(recent, streams, waiters),
                // Every transfer event feeds the recent-transfers cache of the SSE resource.
                () -> TopicTail.ALWAYS,
                Duration.ofMillis(properties.kafka().pollTimeoutMs()), registry);
    }

    @Bean(initMethod = "start", destroyMethod = "close")
    TopicTail<AccountEvent> accountEventsTail(
            @Value("${spring.kafka.bootstrap-servers:127.0.0.1:9092}") final String bootstrap,
            final CommandApiProperties properties, final AccountOpenWaiters waiters, final MeterRegistry registry) {
        return new TopicTail<>(Topics.ACCOUNT_EVENTS, tailSettings(bootstrap, "account-events"), waiters,
                waiters::waitingSinceMs, Duration.ofMillis(properties.kafka().pollTimeoutMs()), registry);
    }

    private static Properties tailSettings(final String bootstrap, final String name) {
        // readCommitted wants a group; TopicTail removes it, since it assigns partitions itself.
        final Properties props = ExactlyOnce.readCommitted(bootstrap, "unused");
        props.put("client.id", "wallet-command-api-" + name);
        return props;
    }
}
