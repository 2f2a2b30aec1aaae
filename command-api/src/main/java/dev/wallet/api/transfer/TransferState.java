package dev.wallet.api.transfer;

import dev.wallet.schemas.avro.TransferEvent;
import dev.wallet.schemas.avro.TransferPhase;

/**
 * What this instance last learned about one transfer from {@code wallet.transfer-events}.
 *
 * @param transactionId the transfer
 * @param fromAccount   account debited
 * @param toAccount     account credited
 * @param amountMinor   amount in minor units
 * @param currency      ISO 4217 code
 * @param phase         the saga's phase
 * @param failureReason the failure reason's enum name when the phase is FAILED, else null
 */
public record TransferState(String transactionId, String fromAccount, String toAccount, long amountMinor,
                            String currency, TransferPhase phase, String failureReason) {

    /** The state an event describes, with the given failure reason. */
    public static TransferState of(final TransferEvent event, final String failureReason) {
        return new TransferState(event.getTransactionId(), event.getFromAccount(), event.getToAccount(),
                event.getAmountMinor(), event.getCurrency(), event.getPhase(), failureReason);
    }

    /** COMPLETED and FAILED are final: no event changes them. */
    public boolean terminal() {
        return isTerminal(phase);
    }

    /** The API's status word: success, failed or pending. */
    public String status() {
        return switch (phase) {
            case COMPLETED -> "success";
            case FAILED -> "failed";
            default -> "pending";
        };
    }

    /** True for the phases after which nothing changes. */
    public static boolean isTerminal(final TransferPhase phase) {
        return phase == TransferPhase.COMPLETED || phase == TransferPhase.FAILED;
    }
}
