package dev.wallet.api.account;

import dev.wallet.api.config.CommandApiProperties;
import dev.wallet.api.http.JsonBodyReader;
import dev.wallet.api.http.Problems;
import dev.wallet.api.http.Validated;
import dev.wallet.api.metrics.ApiMetrics;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /v1/wallet/accounts}: opens an account. 201 once the account-opened event is seen,
 * 200 when the same account already exists with the same attributes, 409 when it exists with
 * others, 202 pending when the ledger event takes longer than {@code wallet.api.account-open-wait}
 * (the command is durably written and will be applied).
 */
@RestController
public final class AccountController {

    private static final String ENDPOINT = "accounts";

    private final JsonBodyReader bodyReader;
    private final OpenAccountValidator validator;
    private final AccountOpener opener;
    private final CommandApiProperties properties;
    private final ApiMetrics metrics;

    /** The controller over its collaborators. */
    public AccountController(final JsonBodyReader bodyReader, final OpenAccountValidator validator,
                             final AccountOpener opener, final CommandApiProperties properties,
                             final ApiMetrics metrics) {
        this.bodyReader = bodyReader;
        this.validator = validator;
        this.opener = opener;
        this.properties = properties;
        this.metrics = metrics;
    }

    /** Opens an account with a currency and a type. */
    @Operation(summary = "Open an account",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = OpenAccountJson.class))),
            responses = {
                @ApiResponse(responseCode = "201", description = "Opened",
                        content = @Content(schema = @Schema(implementation = AccountAnswer.class))),
                @ApiResponse(responseCode = "200", description = "Already exists with the same attributes",
                        content = @Content(schema = @Schema(implementation = AccountAnswer.class))),
                @ApiResponse(responseCode = "202", description = "Written, not applied yet",
                        content = @Content(schema = @Schema(implementation = AccountAnswer.class))),
                @ApiResponse(responseCode = "400", description = "Invalid input; nothing was written",
                        content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE)),
                @ApiResponse(responseCode = "409", description = "Exists with other attributes",
                        content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE)),
                @ApiResponse(responseCode = "503", description = "Kafka unreachable or too many waiting requests",
                        content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
            })
    @PostMapping(path = "/v1/wallet/accounts", produces = {
        MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE})
    public Mono<ResponseEntity<?>> open(final ServerHttpRequest request) {
        return bodyReader.readObject(request).flatMap(body -> {
            if (body instanceof Validated.Valid<JsonNode> json) {
                return validated(validator.validate(json.value()));
            }
            return Mono.just(invalid((Validated.Invalid<JsonNode>) body));
        });
    }

    private Mono<ResponseEntity<?>> validated(final Validated<ValidOpenAccount> account) {
        if (account instanceof Validated.Valid<ValidOpenAccount> valid) {
            return opener.open(valid.value()).map(outcome -> answer(valid.value(), outcome));
        }
        return Mono.just(invalid((Validated.Invalid<ValidOpenAccount>) account));
    }

    private ResponseEntity<?> invalid(final Validated.Invalid<?> invalid) {
        metrics.answered(ENDPOINT, "invalid");
        return Problems.invalidInput(invalid.violations());
    }

    private ResponseEntity<?> answer(final ValidOpenAccount account, final AccountOpenOutcome outcome) {
        if (outcome instanceof AccountOpenOutcome.Opened opened) {
            return opened.repeated()
                    ? ResponseEntity.ok(AccountAnswer.of(account, "exists"))
                    : ResponseEntity.status(HttpStatus.CREATED).body(AccountAnswer.of(account, "opened"));
        }
        if (outcome instanceof AccountOpenOutcome.Rejected rejected) {
            return Problems.conflict(Problems.ACCOUNT_CONFLICT, "Account not opened",
                    "account " + account.accountId() + " was not opened: " + rejected.reason(),
                    Map.of("field", "account_id", "rule", rejected.reason().toLowerCase(java.util.Locale.ROOT),
                            "reason", rejected.reason(), "account_id", account.accountId()));
        }
        if (outcome instanceof AccountOpenOutcome.Overloaded overloaded) {
            metrics.answered(ENDPOINT, "overloaded");
            return Problems.overloaded(overloaded.waitingMax(), properties.retryAfter());
        }
        if (outcome instanceof AccountOpenOutcome.NotWritten notWritten) {
            metrics.answered(ENDPOINT, "unavailable");
            return Problems.unavailable("Kafka did not confirm the open command in time (" + notWritten.reason()
                    + "); it may still land, and retrying the same request is safe", properties.retryAfter());
        }
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(AccountAnswer.of(account, "pending"));
    }
}
