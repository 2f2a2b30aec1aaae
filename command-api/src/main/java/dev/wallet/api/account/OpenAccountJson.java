package dev.wallet.api.account;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The documented shape of an account-open body, for OpenAPI only: the body is read as a JSON tree
 * and checked field by field ({@link OpenAccountValidator}).
 */
@Schema(name = "OpenAccount", description = "An account to open")
public record OpenAccountJson(
        @Schema(description = "1 to 64 letters, digits or . _ : @ -", example = "alice",
                requiredMode = Schema.RequiredMode.REQUIRED)
        @JsonProperty("account_id") String accountId,
        @Schema(description = "ISO 4217 code", example = "USD", requiredMode = Schema.RequiredMode.REQUIRED)
        @JsonProperty("currency") String currency,
        @Schema(description = "user or system", allowableValues = {"user", "system"},
                requiredMode = Schema.RequiredMode.REQUIRED)
        @JsonProperty("type") String type) {
}
