package dev.wallet.api.kafka;

/**
 * What became of one command sent to Kafka: acknowledged by every in-sync replica, or not written
 * (as far as this instance can tell) with the reason.
 */
public sealed interface PublishResult {

    /** The broker acknowledged the record with {@code acks=all}: it is durably in Kafka. */
    record Acknowledged(int partition, long offset) implements PublishResult {
    }

    /**
     * Kafka did not acknowledge the record in the bounded time, or the send queue was full. Almost
     * always nothing was written (no metadata within {@code max.block.ms}); after a delivery
     * timeout on a reachable-then-lost broker the record may still have landed, which is why the
     * answer tells the client to retry with the same transaction_id: that retry is idempotent.
     */
    record Unavailable(String reason) implements PublishResult {
    }
}
