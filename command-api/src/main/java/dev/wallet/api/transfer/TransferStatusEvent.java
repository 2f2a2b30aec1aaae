package dev.wallet.api.transfer;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.wallet.schemas.money.MinorUnits;

/**
 * The data of one SSE status event: the transfer's status, the saga phase behind it, and its
 * payload with the amount as a decimal string.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TransferStatusEvent(
        @JsonProperty("transaction_id") String transactionId,
        @JsonProperty("status") String status,
        @JsonProperty("phase") String phase,
        @JsonProperty("reason") String reason,
        @JsonProperty("from_account") String fromAccount,
        @JsonProperty("to_account") String toAccount,
        @JsonProperty("amount") String amount,
        @JsonProperty("currency") String currency) {

    /** The event for {@code state}. */
    public static TransferStatusEvent of(final TransferState state) {
        return new TransferStatusEvent(state.transactionId(), state.status(), state.phase().name(),
                state.failureReason(), state.fromAccount(), state.toAccount(),
                MinorUnits.toDecimalString(state.amountMinor(), state.currency()), state.currency());
    }
}
