package dev.wallet.account;

import dev.wallet.schemas.topics.TopicProvisioner;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the wallet topics with {@link TopicProvisioner}, retrying the one race it has: right
 * after creating a topic, its describe call can meet a broker whose metadata does not list the new
 * topic yet ({@code UnknownTopicOrPartitionException}). Creation itself is idempotent, so another
 * attempt is safe.
 */
public final class WalletTopics {

    private static final Logger log = LoggerFactory.getLogger(WalletTopics.class);

    /** Attempts before giving up on a broker that keeps not knowing the topics it just created. */
    static final int ATTEMPTS_MAX = 5;

    /** Pause between attempts, for the metadata to propagate. */
    static final long RETRY_PAUSE_MS = 500;

    private WalletTopics() {
    }

    /** Creates the missing wallet topics at {@code bootstrapServers}; returns the names created. */
    public static List<String> ensure(final String bootstrapServers, final int partitions, final short replicationFactor)
            throws InterruptedException {
        final Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        final TopicProvisioner provisioner = new TopicProvisioner(partitions, replicationFactor);
        try (Admin admin = Admin.create(props)) {
            for (int attempt = 1; ; attempt++) {
                try {
                    return provisioner.ensureTopics(admin);
                } catch (IllegalStateException e) {
                    if (attempt == ATTEMPTS_MAX || !(rootCause(e) instanceof UnknownTopicOrPartitionException)) {
                        throw e;
                    }
                    log.info("Topics at {} are not visible yet (attempt {} of {}); trying again.", bootstrapServers,
                            attempt, ATTEMPTS_MAX);
                    Thread.sleep(RETRY_PAUSE_MS);
                }
            }
        }
    }

    private static Throwable rootCause(final Throwable throwable) {
        Throwable cause = throwable;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }
}
