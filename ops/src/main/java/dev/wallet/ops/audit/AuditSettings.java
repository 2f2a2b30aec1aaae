package dev.wallet.ops.audit;

import java.time.Duration;

/**
 * What an audit reads and how patient it is.
 *
 * @param bootstrapServers Kafka
 * @param jdbcUrl          the read side's PostgreSQL; blank skips the read-side comparison
 * @param schema           the PostgreSQL schema of the read model
 * @param processorAppId   the account processor's application id (names its changelog)
 * @param pendingOlderThan a transfer not terminal for longer is a violation
 * @param readSideWait     bound on waiting for the read side to project the snapshot
 */
public record AuditSettings(String bootstrapServers, String jdbcUrl, String jdbcUser, String jdbcPassword,
                            String schema, String processorAppId, Duration pendingOlderThan,
                            Duration readSideWait) {
}
