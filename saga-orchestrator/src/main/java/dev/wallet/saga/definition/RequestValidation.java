package dev.wallet.saga.definition;

import dev.wallet.saga.store.avro.SagaFailureReason;
import dev.wallet.schemas.avro.TransferRequest;

/**
 * The checks a new request passes before any account is asked anything. The API checks all but the
 * deadline already; the saga checks them again because the topic may be written by anyone with access.
 */
final class RequestValidation {

    private RequestValidation() {
    }

    /**
     * The reason the request fails at once, or null when the saga may start. The deadline is
     * compared with the orchestrator's clock when the saga first sees the request; a request exactly
     * at its deadline still runs.
     */
    static SagaFailureReason check(final TransferRequest request, final long nowMs) {
        // No account has a blank id; asking one would get no answer, so neither side is asked.
        if (request.getFromAccount().isBlank()) {
            return SagaFailureReason.SOURCE_ACCOUNT_NOT_FOUND;
        }
        if (request.getToAccount().isBlank()) {
            return SagaFailureReason.DESTINATION_ACCOUNT_NOT_FOUND;
        }
        if (request.getFromAccount().equals(request.getToAccount())) {
            return SagaFailureReason.SAME_ACCOUNT;
        }
        if (request.getAmountMinor() <= 0) {
            return SagaFailureReason.INVALID_AMOUNT;
        }
        if (nowMs > request.getDeadline().toEpochMilli()) {
            return SagaFailureReason.EXPIRED;
        }
        return null;
    }
}
