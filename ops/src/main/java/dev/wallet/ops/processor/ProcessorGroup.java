package dev.wallet.ops.processor;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.common.errors.GroupIdNotFoundException;

/** Whether a Kafka Streams application runs: its consumer group (the application id) has members. */
public final class ProcessorGroup {

    /** Bound on the broker's answer. */
    private static final long TIMEOUT_S = 30;

    private ProcessorGroup() {
    }

    /** True when the group {@code applicationId} has no member (stopped, or never started). */
    public static boolean isStopped(final String bootstrapServers, final String applicationId) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            final ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(applicationId))
                    .describedGroups().get(applicationId).get(TIMEOUT_S, TimeUnit.SECONDS);
            return group.members().isEmpty();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof GroupIdNotFoundException) {
                return true;
            }
            throw new IllegalStateException("Cannot describe consumer group " + applicationId + ": "
                    + e.getCause().getMessage(), e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("The broker did not describe consumer group " + applicationId
                    + " within " + TIMEOUT_S + " s.", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while describing group " + applicationId + ".", e);
        }
    }
}
