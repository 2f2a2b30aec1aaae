package dev.wallet.saga.definition;

import dev.wallet.saga.store.avro.TransferSagaState;
import dev.wallet.schemas.avro.AccountCommand;
import dev.wallet.schemas.avro.TransferEvent;
import java.util.List;
import java.util.Objects;

/**
 * What the saga decided for one input: the saga's new state (or none, when it does not change), the
 * account commands to send and the transfer events to publish. An input that must not move the saga
 * is an {@link #ignored()} decision with its reason and nothing else.
 *
 * @param state    the saga's state after this input; null when the stored state stays as it is
 * @param commands account commands to send, in order (key: the command's account_id)
 * @param events   transfer events to publish, in order (key: transaction_id)
 * @param ignored  why the input was ignored; null when it was acted on
 */
public record SagaDecision(TransferSagaState state, List<AccountCommand> commands, List<TransferEvent> events,
                           IgnoredReply ignored) {

    public SagaDecision {
        commands = List.copyOf(commands);
        events = List.copyOf(events);
        if (ignored != null && (state != null || !commands.isEmpty() || !events.isEmpty())) {
            throw new IllegalArgumentException("An ignored input must change nothing and send nothing.");
        }
    }

    /** The saga moves to {@code state}, publishes {@code event} and sends {@code command}. */
    static SagaDecision advance(final TransferSagaState state, final TransferEvent event, final AccountCommand command) {
        return new SagaDecision(Objects.requireNonNull(state), List.of(command), List.of(event), null);
    }

    /** The saga moves to {@code state} and publishes {@code event}; no account is asked anything. */
    static SagaDecision advance(final TransferSagaState state, final TransferEvent event) {
        return new SagaDecision(Objects.requireNonNull(state), List.of(), List.of(event), null);
    }

    /** The saga stays as it is and only answers with {@code event} (a duplicate request). */
    static SagaDecision answer(final TransferEvent event) {
        return new SagaDecision(null, List.of(), List.of(event), null);
    }

    /** The input does not move the saga, for {@code reason}. */
    static SagaDecision ignore(final IgnoredReply reason) {
        return new SagaDecision(null, List.of(), List.of(), Objects.requireNonNull(reason));
    }

    /** True when the input was ignored. */
    public boolean isIgnored() {
        return ignored != null;
    }
}
