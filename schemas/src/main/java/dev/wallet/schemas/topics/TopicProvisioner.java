package dev.wallet.schemas.topics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the topics of {@link Topics} that do not exist yet; idempotent. An existing topic is left
 * as it is (partitions are never changed behind the back of keyed data), and a partition count that
 * differs from the asked one is reported.
 *
 * <p>Run from the command line as
 * {@code TopicProvisioner <bootstrap-servers> [partitions] [replication-factor]}.
 */
public final class TopicProvisioner {

    private static final Logger log = LoggerFactory.getLogger(TopicProvisioner.class);

    /** How long one admin call may take before provisioning gives up. */
    public static final long ADMIN_TIMEOUT_MS = 30_000;

    /** Pause before describing a just-created topic again. */
    private static final long UNKNOWN_TOPIC_RETRY_MS = 200;

    private final int partitions;
    private final short replicationFactor;

    /**
     * @param partitions        partitions of each new topic
     * @param replicationFactor replicas of each new topic; with more than one, min.insync.replicas
     *                          is set to one less than it (2 of 3), so acks=all survives one loss
     */
    public TopicProvisioner(final int partitions, final short replicationFactor) {
        if (partitions < 1 || replicationFactor < 1) {
            throw new IllegalArgumentException("partitions and replication factor must be positive");
        }
        this.partitions = partitions;
        this.replicationFactor = replicationFactor;
    }

    /** Creates every missing topic at {@code bootstrapServers}; returns the names it created. */
    public List<String> ensureTopics(final String bootstrapServers) throws InterruptedException {
        final Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        try (Admin admin = Admin.create(props)) {
            return ensureTopics(admin);
        }
    }

    /** Creates every missing topic; returns the names it created. */
    public List<String> ensureTopics(final Admin admin) throws InterruptedException {
        try {
            final Set<String> existing = admin.listTopics().names().get(ADMIN_TIMEOUT_MS, TimeUnit.MILLISECONDS);
            final List<NewTopic> missing = new ArrayList<>();
            for (final Topic<?, ?> topic : Topics.all()) {
                if (!existing.contains(topic.name())) {
                    missing.add(newTopic(topic));
                }
            }
            createAll(admin, missing);
            awaitDescribable(admin, missing.stream().map(NewTopic::name).toList());
            reportPartitionMismatches(admin, existing);
            return missing.stream().map(NewTopic::name).toList();
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot provision topics: " + e.getMessage(), e);
        }
    }

    private NewTopic newTopic(final Topic<?, ?> topic) {
        final Map<String, String> config = new HashMap<>(topic.config());
        if (replicationFactor > 1) {
            config.put(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, Integer.toString(replicationFactor - 1));
        }
        return new NewTopic(topic.name(), partitions, replicationFactor).configs(config);
    }

    private static void createAll(final Admin admin, final List<NewTopic> missing)
            throws InterruptedException, ExecutionException, TimeoutException {
        for (final NewTopic topic : missing) {
            try {
                admin.createTopics(List.of(topic)).all().get(ADMIN_TIMEOUT_MS, TimeUnit.MILLISECONDS);
                log.info("Created topic {} with {} partitions, replication factor {}.",
                        topic.name(), topic.numPartitions(), topic.replicationFactor());
            } catch (ExecutionException e) {
                // Another process may have created it between list and create: that is success.
                if (!(e.getCause() instanceof org.apache.kafka.common.errors.TopicExistsException)) {
                    throw e;
                }
            }
        }
    }

    /**
     * Describes every topic in {@code names} once the broker answering knows them all: a topic
     * created a moment ago can be unknown to that broker for a short while (each broker learns of it
     * as its metadata catches up), and whoever provisioned the topics (a service about to check
     * them, a test about to use them) should not meet that window.
     */
    public static Map<String, TopicDescription> awaitDescribable(final Admin admin, final List<String> names)
            throws InterruptedException, ExecutionException, TimeoutException {
        if (names.isEmpty()) {
            return Map.of();
        }
        final long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(ADMIN_TIMEOUT_MS);
        while (true) {
            try {
                return admin.describeTopics(names).allTopicNames().get(ADMIN_TIMEOUT_MS, TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException) || System.nanoTime() > deadline) {
                    throw e;
                }
                TimeUnit.MILLISECONDS.sleep(UNKNOWN_TOPIC_RETRY_MS);
            }
        }
    }

    /**
     * Only topics that existed before are described: a topic created a moment ago has the asked
     * partition count by construction, and describing it that soon can fail with
     * UnknownTopicOrPartition while its metadata spreads.
     */
    private void reportPartitionMismatches(final Admin admin, final Set<String> existing)
            throws InterruptedException, ExecutionException, TimeoutException {
        final List<String> names = Topics.all().stream().map(Topic::name).filter(existing::contains).toList();
        if (names.isEmpty()) {
            return;
        }
        final Map<String, TopicDescription> descriptions =
                admin.describeTopics(names).allTopicNames().get(ADMIN_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        for (final TopicDescription description : descriptions.values()) {
            if (description.partitions().size() != partitions) {
                log.warn("Topic {} exists with {} partitions, not the {} asked for; left unchanged.",
                        description.name(), description.partitions().size(), partitions);
            }
        }
    }

    /** Command line: {@code <bootstrap-servers> [partitions] [replication-factor]}. */
    public static void main(final String[] args) throws InterruptedException {
        if (args.length < 1 || args.length > 3) {
            System.err.println("usage: TopicProvisioner <bootstrap-servers> [partitions] [replication-factor]");
            System.exit(2);
        }
        final int partitions = args.length > 1 ? Integer.parseInt(args[1]) : Topics.PARTITIONS_DEFAULT;
        final short replication = args.length > 2 ? Short.parseShort(args[2]) : 1;
        final List<String> created = new TopicProvisioner(partitions, replication).ensureTopics(args[0]);
        System.out.println("topics created: " + (created.isEmpty() ? "none (all existed)" : String.join(", ", created)));
    }
}
