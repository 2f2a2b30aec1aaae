package dev.wallet.api.transfer;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The JSON answer of a transfer request: {@code {"status","transaction_id","reason"?}}.
 *
 * @param status        success, failed or pending
 * @param transactionId the transfer
 * @param reason        the failure reason's enum name when failed
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TransferAnswer(
        @JsonProperty("status") String status,
        @JsonProperty("transaction_id") String transactionId,
        @JsonProperty("reason") String reason) {
}
