package dev.wallet.api.transfer;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The documented shape of a transfer request body, for OpenAPI only: the body is read as a JSON
 * tree and checked field by field ({@link TransferValidator}) so that every broken rule is named.
 */
@Schema(name = "TransferRequest", description = "A transfer between two accounts of the same currency")
public record TransferRequestJson(
        @Schema(description = "Account to debit", example = "alice", requiredMode = Schema.RequiredMode.REQUIRED)
        @JsonProperty("from_account") String fromAccount,
        @Schema(description = "Account to credit, different from from_account", example = "bob",
                requiredMode = Schema.RequiredMode.REQUIRED)
        @JsonProperty("to_account") String toAccount,
        @Schema(description = "Positive decimal string with at most the currency's decimals", example = "12.50",
                requiredMode = Schema.RequiredMode.REQUIRED)
        @JsonProperty("amount") String amount,
        @Schema(description = "ISO 4217 code", example = "USD", requiredMode = Schema.RequiredMode.REQUIRED)
        @JsonProperty("currency") String currency,
        @Schema(description = "Client-chosen UUID, the idempotency key", example = "7d1f8a52-3c4b-4e0f-9b7a-2f6c1d9e8a31",
                requiredMode = Schema.RequiredMode.REQUIRED)
        @JsonProperty("transaction_id") String transactionId) {
}
