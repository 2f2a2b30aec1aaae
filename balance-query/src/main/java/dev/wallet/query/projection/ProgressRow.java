package dev.wallet.query.projection;

/** How far one topic partition is projected: next offset to read and newest event time seen. */
public record ProgressRow(String topic, int partition, long nextOffset, long lastEventAtMs) {
}
