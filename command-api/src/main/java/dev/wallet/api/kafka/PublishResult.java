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
     * Kafka did not take the record in the bounded time, or the send queue was full. When
     * {@code outcomeUnknown} is true the record had been handed to the producer and a delivery
     * timeout struck, so it may still be in Kafka; a retry with the same transaction_id is safe.
     */
    record Unavailable(String reason, boolean outcomeUnknown) implements PublishResult {
    }
}
