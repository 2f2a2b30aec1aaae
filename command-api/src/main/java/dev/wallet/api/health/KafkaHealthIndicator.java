package dev.wallet.api.health;

import dev.wallet.api.kafka.TopicTail;
import dev.wallet.schemas.avro.AccountEvent;
import dev.wallet.schemas.avro.TransferEvent;
import java.time.Duration;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Health of Kafka as the API needs it ({@code /actuator/health}, component {@code kafka}): UP when
 * the cluster answers within {@link #TIMEOUT} and both event tails are positioned, so that
 * outcomes can be learned; DOWN otherwise, with the reason in the details.
 */
@Component("kafka")
public final class KafkaHealthIndicator implements ReactiveHealthIndicator {

    /** How long the cluster may take to answer a health check. */
    public static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final Admin admin;
    private final TopicTail<TransferEvent> transferEventsTail;
    private final TopicTail<AccountEvent> accountEventsTail;

    /** An indicator asking {@code admin} and looking at both tails. */
    public KafkaHealthIndicator(final Admin admin, final TopicTail<TransferEvent> transferEventsTail,
                                final TopicTail<AccountEvent> accountEventsTail) {
        this.admin = admin;
        this.transferEventsTail = transferEventsTail;
        this.accountEventsTail = accountEventsTail;
    }

    @Override
    public Mono<Health> health() {
        final var options = new DescribeClusterOptions().timeoutMs((int) TIMEOUT.toMillis());
        return Mono.fromFuture(() -> admin.describeCluster(options).nodes().toCompletionStage().toCompletableFuture())
                .map(nodes -> {
                    final boolean tailsReady = transferEventsTail.isReady() && accountEventsTail.isReady();
                    final Health.Builder builder = tailsReady ? Health.up() : Health.down();
                    return builder.withDetail("brokers", nodes.size())
                            .withDetail("transferEventsTailReady", transferEventsTail.isReady())
                            .withDetail("accountEventsTailReady", accountEventsTail.isReady())
                            .build();
                })
                .timeout(TIMEOUT.plusMillis(500))
                .onErrorResume(e -> Mono.just(Health.down().withDetail("error", e.toString()).build()));
    }
}
