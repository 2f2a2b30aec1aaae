package dev.wallet.query.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.wallet.schemas.money.MinorUnits;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The transfer status resource, the team's one implementation of it: the command API's 202
 * {@code Location} points here.
 */
@RestController
public class TransferController {

    /**
     * {@code status} is pending (ACCEPTED, DEBITED, COMPENSATING), success (COMPLETED) or failed
     * (FAILED, with {@code reason}); {@code phase} is the saga's phase itself.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record TransferAnswer(
            @JsonProperty("transaction_id") String transactionId,
            @JsonProperty("status") String status,
            @JsonProperty("reason") String reason,
            @JsonProperty("from_account") String fromAccount,
            @JsonProperty("to_account") String toAccount,
            @JsonProperty("amount") String amount,
            @JsonProperty("currency") String currency,
            @JsonProperty("phase") String phase,
            @JsonProperty("refunded") Boolean refunded,
            @JsonProperty("updated_at") String updatedAt,
            @JsonProperty("read_side") ReadSide readSide) {

        static TransferAnswer of(final ReadModel.Transfer transfer, final ReadSide readSide) {
            final String status = statusOf(transfer.phase());
            return new TransferAnswer(transfer.transactionId(), status,
                    "failed".equals(status) ? transfer.reason() : null,
                    transfer.fromAccount(), transfer.toAccount(),
                    MinorUnits.toDecimalString(transfer.amountMinor(), transfer.currency()), transfer.currency(),
                    transfer.phase(), transfer.refunded(), transfer.updatedAt().toString(), readSide);
        }
    }

    private final ReadModel readModel;
    private final ReadSideReporter readSide;
    private final QueryProperties properties;

    public TransferController(final ReadModel readModel, final ReadSideReporter readSide,
                              final QueryProperties properties) {
        this.readModel = readModel;
        this.readSide = readSide;
        this.properties = properties;
    }

    @GetMapping("/v1/wallet/transfers/{transactionId}")
    public Mono<TransferAnswer> transfer(@PathVariable final String transactionId) {
        return readModel.transfer(transactionId)
                .switchIfEmpty(Mono.error(() -> new NotFoundException("transaction", transactionId)))
                .flatMap(transfer -> readSide.forTransfer().map(side -> TransferAnswer.of(transfer, side)))
                .timeout(properties.deadline());
    }

    static String statusOf(final String phase) {
        return switch (phase) {
            case "COMPLETED" -> "success";
            case "FAILED" -> "failed";
            default -> "pending";
        };
    }
}
