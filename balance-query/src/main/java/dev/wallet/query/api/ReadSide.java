package dev.wallet.query.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How far the read side is, in every answer: the read side is eventually consistent and says so.
 *
 * @param accountSequence    the account's newest projected ledger sequence (account answers only)
 * @param minSequenceReached whether the asked {@code min_sequence} was reached within the wait (only when asked)
 * @param projectedThrough   the newest event time projected from the answer's topic (ISO-8601), null before any
 * @param lagRecords         records this instance has not yet projected from that topic; null while unknown
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReadSide(
        @JsonProperty("account_sequence") Long accountSequence,
        @JsonProperty("min_sequence_reached") Boolean minSequenceReached,
        @JsonProperty("projected_through") String projectedThrough,
        @JsonProperty("lag_records") Long lagRecords) {
}
