package dev.wallet.api.transfer;

import dev.wallet.api.config.CommandApiProperties;
import dev.wallet.api.http.JsonBodyReader;
import dev.wallet.api.http.Problems;
import dev.wallet.api.http.Validated;
import dev.wallet.api.metrics.ApiMetrics;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.net.URI;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /v1/wallet/balance_transfer}: validates the request, writes it to Kafka and answers
 * with its outcome, or 202 pending with the status resource in {@code Location} when the outcome
 * takes longer than {@code wallet.api.outcome-wait}.
 */
@RestController
public final class TransferController {

    /** The transfer path, also taken by {@link TransferNettyRoute} and left out of per-request observation. */
    public static final String PATH = "/v1/wallet/balance_transfer";

    private static final String ENDPOINT = "balance_transfer";

    private final JsonBodyReader bodyReader;
    private final TransferValidator validator;
    private final TransferSubmitter submitter;
    private final CommandApiProperties properties;
    private final ApiMetrics metrics;

    /** The controller over its collaborators. */
    public TransferController(final JsonBodyReader bodyReader, final TransferValidator validator,
                              final TransferSubmitter submitter, final CommandApiProperties properties,
                              final ApiMetrics metrics) {
        this.bodyReader = bodyReader;
        this.validator = validator;
        this.submitter = submitter;
        this.properties = properties;
        this.metrics = metrics;
    }

    /** Requests a transfer; the transaction_id is the idempotency key. */
    @Operation(summary = "Transfer money between two accounts of the same currency",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = TransferRequestJson.class))),
            responses = {
                @ApiResponse(responseCode = "200", description = "Terminal outcome: success or failed with reason",
                        content = @Content(schema = @Schema(implementation = TransferAnswer.class))),
                @ApiResponse(responseCode = "202", description = "Durably requested, outcome not known yet; "
                        + "Location is the status resource",
                        content = @Content(schema = @Schema(implementation = TransferAnswer.class))),
                @ApiResponse(responseCode = "400", description = "Invalid input; nothing was written",
                        content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE)),
                @ApiResponse(responseCode = "409", description = "transaction_id already used with another body",
                        content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE)),
                @ApiResponse(responseCode = "503", description = "Too many waiting requests (nothing was written), "
                        + "or Kafka did not confirm the request in time (it may still land); retrying with the same "
                        + "transaction_id is safe; see Retry-After",
                        content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
            })
    @PostMapping(path = PATH, produces = {
        MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE})
    public Mono<ResponseEntity<?>> transfer(final ServerHttpRequest request) {
        final long startNanos = System.nanoTime();
        return bodyReader.readObject(request).flatMap(body -> transfer(body, startNanos));
    }

    /**
     * Answers a transfer request whose body was read as {@code body}; {@code startNanos} is when
     * the request arrived ({@link System#nanoTime()}). Shared by this controller and
     * {@link TransferNettyRoute}.
     */
    Mono<ResponseEntity<?>> transfer(final Validated<JsonNode> body, final long startNanos) {
        final Mono<ResponseEntity<?>> answer = body instanceof Validated.Valid<JsonNode> json
                ? validated(validator.validate(json.value()))
                : Mono.just(invalid((Validated.Invalid<JsonNode>) body));
        return answer.doOnNext(ignored -> metrics.requestTook(ENDPOINT, startNanos));
    }

    private Mono<ResponseEntity<?>> validated(final Validated<ValidTransfer> transfer) {
        if (transfer instanceof Validated.Valid<ValidTransfer> valid) {
            return submitter.submit(valid.value()).map(submission -> answer(valid.value(), submission));
        }
        return Mono.just(invalid((Validated.Invalid<ValidTransfer>) transfer));
    }

    private ResponseEntity<?> invalid(final Validated.Invalid<?> invalid) {
        metrics.answered(ENDPOINT, "invalid");
        return Problems.invalidInput(invalid.violations());
    }

    private ResponseEntity<?> answer(final ValidTransfer transfer, final Submission submission) {
        if (submission instanceof Submission.Overloaded overloaded) {
            metrics.answered(ENDPOINT, "overloaded");
            return Problems.overloaded(overloaded.waitingMax(), properties.retryAfter());
        }
        if (submission instanceof Submission.NotWritten notWritten) {
            metrics.answered(ENDPOINT, "unavailable");
            return Problems.unavailable("Kafka did not take the request in time (" + notWritten.reason()
                    + "); retry with the same transaction_id", properties.retryAfter());
        }
        return outcome(transfer, ((Submission.Written) submission).outcome());
    }

    private ResponseEntity<?> outcome(final ValidTransfer transfer, final TransferOutcome outcome) {
        final String id = transfer.transactionId();
        if (outcome instanceof TransferOutcome.Succeeded) {
            return json(ResponseEntity.ok(), new TransferAnswer("success", id, null));
        }
        if (outcome instanceof TransferOutcome.Failed failed) {
            return json(ResponseEntity.ok(), new TransferAnswer("failed", id, failed.reason()));
        }
        if (outcome instanceof TransferOutcome.Conflict conflict) {
            return conflict(id, conflict.original());
        }
        return json(ResponseEntity.status(HttpStatus.ACCEPTED).location(statusResource(id)),
                new TransferAnswer("pending", id, null));
    }

    /** The answer as prebuilt JSON bytes with its content type set: no encoder lookup, no negotiation. */
    private static ResponseEntity<byte[]> json(final ResponseEntity.BodyBuilder builder, final TransferAnswer answer) {
        return builder.contentType(MediaType.APPLICATION_JSON).body(TransferAnswerJson.bytes(answer));
    }

    private static ResponseEntity<ProblemDetail> conflict(final String id, final TransferState original) {
        return Problems.conflict(Problems.TRANSFER_CONFLICT, "transaction_id already used",
                "transaction_id " + id + " belongs to a transfer with another body; nothing was moved for this request",
                Map.of("field", "transaction_id", "rule", "idempotency_key_reuse",
                        "transaction_id", id, "original_phase", original.phase().name()));
    }

    /** Where the status of {@code transactionId} is served (balance-query). */
    private URI statusResource(final String transactionId) {
        return URI.create(stripTrailingSlash(properties.statusBaseUrl()) + "/v1/wallet/transfers/" + transactionId);
    }

    private static String stripTrailingSlash(final String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
