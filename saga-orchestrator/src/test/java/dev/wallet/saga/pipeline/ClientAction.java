package dev.wallet.saga.pipeline;

import dev.wallet.schemas.avro.AccountCommand;
import dev.wallet.schemas.avro.TransferRequest;

/** What a client does in a pipeline scenario: request a transfer, or send an account command directly. */
sealed interface ClientAction {

    /** A transfer request to the saga. */
    record Request(TransferRequest request) implements ClientAction {
    }

    /** An account command from outside the saga: an open, or a refund that cancels a transfer early. */
    record Command(AccountCommand command) implements ClientAction {
    }
}
