package dev.wallet.api.transfer;

import dev.wallet.api.config.CommandApiProperties;
import dev.wallet.api.http.FieldRules;
import dev.wallet.api.http.Problems;
import dev.wallet.api.http.Violation;
import dev.wallet.api.waiting.WaitingLimit;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@code GET /v1/wallet/transfers/{transaction_id}/events}: Server-Sent Events of a transfer's
 * status changes, ending with its terminal status (the push model).
 *
 * <p>Fed by this instance's live reading of {@code wallet.transfer-events} and its bounded cache of
 * recent transfer states ({@code wallet.api.recent-transfers-max}, default 100,000, the one first
 * seen longest ago evicted first). A transfer the cache holds starts the stream with its current state, so a
 * client subscribing after the end still gets the terminal status. A transfer it does not hold
 * gets {@code wallet.api.event-stream-first-event-wait} (default 2 s) for a first event, then a 404
 * problem whose {@code status_resource} points to the status resource of balance-query, which
 * knows every transfer. A stream lives at most {@code wallet.api.event-stream-max-duration}
 * (default 60 s); at most {@code wallet.api.event-streams-max} (default 1,000) are open at once.
 */
@RestController
public final class TransferEventsController {

    private final RecentTransfers recent;
    private final TransferStreams streams;
    private final WaitingLimit limit;
    private final CommandApiProperties properties;

    /** The controller over the cache, the live streams and the stream limit. */
    public TransferEventsController(final RecentTransfers recent, final TransferStreams streams,
                                    final WaitingLimit eventStreamLimit, final CommandApiProperties properties) {
        this.recent = recent;
        this.streams = streams;
        this.limit = eventStreamLimit;
        this.properties = properties;
    }

    /** Streams the status changes of one transfer. */
    @Operation(summary = "Server-Sent Events of a transfer's status changes, ending at the terminal status",
            responses = {
                @ApiResponse(responseCode = "200", description = "event: status, data: the transfer's status",
                        content = @Content(mediaType = MediaType.TEXT_EVENT_STREAM_VALUE)),
                @ApiResponse(responseCode = "400", description = "transaction_id is not a UUID",
                        content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE)),
                @ApiResponse(responseCode = "404", description = "not known to this instance; see status_resource",
                        content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE)),
                @ApiResponse(responseCode = "503", description = "too many open streams",
                        content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
            })
    @GetMapping(path = "/v1/wallet/transfers/{transaction_id}/events",
            produces = {MediaType.TEXT_EVENT_STREAM_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE})
    public Mono<ResponseEntity<?>> events(@PathVariable("transaction_id") final String transactionId) {
        if (!FieldRules.isUuid(transactionId)) {
            return Mono.just(Problems.invalidInput(List.of(new Violation("transaction_id", "uuid",
                    "the path segment must be a UUID (8-4-4-4-12 hex digits)"))));
        }
        if (!limit.tryAcquire()) {
            return Mono.just(Problems.unavailable(limit.max() + " event streams are open already",
                    properties.retryAfter()));
        }
        return stream(transactionId.toLowerCase(Locale.ROOT));
    }

    private Mono<ResponseEntity<?>> stream(final String id) {
        // Subscribe before reading the cache: a state arriving in between is then in the live
        // stream, and the forward-only phase filter drops what the cache already gave.
        final TransferStreams.Subscription subscription = streams.open(id);
        final TransferState known = recent.get(id);
        final Flux<TransferState> live = subscription.states();
        final Mono<TransferState> first = known != null
                ? Mono.just(known)
                : live.next().timeout(properties.eventStreamFirstEventWait(), Mono.empty());
        return first
                .<ResponseEntity<?>>map(state -> ResponseEntity.ok()
                        .contentType(MediaType.TEXT_EVENT_STREAM)
                        .body(events(id, subscription, Flux.concat(Mono.just(state), live))))
                .switchIfEmpty(Mono.fromSupplier(() -> {
                    release(subscription);
                    return notFound(id);
                }))
                .doOnCancel(() -> release(subscription))
                .doOnError(e -> release(subscription));
    }

    private Flux<ServerSentEvent<TransferStatusEvent>> events(final String id,
                                                              final TransferStreams.Subscription subscription,
                                                              final Flux<TransferState> states) {
        return forwardOnly(states)
                .takeUntil(TransferState::terminal)
                .take(properties.eventStreamMaxDuration())
                .map(state -> ServerSentEvent.builder(TransferStatusEvent.of(state))
                        .event("status")
                        .id(id + ":" + state.phase().name())
                        .build())
                .doFinally(signal -> release(subscription));
    }

    /**
     * Only states with a newer phase: phases move forward (ACCEPTED, DEBITED, COMPENSATING, then
     * COMPLETED or FAILED), and the cache snapshot and the replayed live states overlap.
     */
    private static Flux<TransferState> forwardOnly(final Flux<TransferState> states) {
        return Flux.defer(() -> {
            final AtomicInteger lastPhase = new AtomicInteger(-1);
            return states.filter(state -> state.phase().ordinal()
                    > lastPhase.getAndAccumulate(state.phase().ordinal(), Math::max));
        });
    }

    private void release(final TransferStreams.Subscription subscription) {
        if (subscription.release()) {
            streams.close(subscription);
            limit.release();
        }
    }

    private ResponseEntity<?> notFound(final String id) {
        final String statusResource = properties.statusBaseUrl().replaceAll("/+$", "") + "/v1/wallet/transfers/" + id;
        return Problems.notFound("transfer " + id + " is not among the recent transfers of this instance; "
                + "its status resource knows every transfer", Map.of("status_resource", statusResource,
                "transaction_id", id));
    }
}
