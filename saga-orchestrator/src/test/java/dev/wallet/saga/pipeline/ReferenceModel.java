package dev.wallet.saga.pipeline;

import dev.wallet.schemas.avro.TransferCompleted;
import dev.wallet.schemas.avro.TransferEvent;
import java.util.HashMap;
import java.util.Map;

/**
 * The plain in-memory model of the wallet: a map of balances that moves money exactly when the
 * saga says a transfer completed, and never otherwise. The pipeline must end with the same balances.
 */
final class ReferenceModel {

    private final Map<String, Long> balances = new HashMap<>();

    /** Applies every completed transfer among {@code events}. */
    static ReferenceModel of(final Iterable<TransferEvent> events) {
        final ReferenceModel model = new ReferenceModel();
        for (final TransferEvent event : events) {
            if (event.getBody() instanceof TransferCompleted) {
                model.move(event.getFromAccount(), event.getToAccount(), event.getAmountMinor());
            }
        }
        return model;
    }

    private void move(final String from, final String to, final long amountMinor) {
        balances.merge(from, -amountMinor, Math::addExact);
        balances.merge(to, amountMinor, Math::addExact);
    }

    long balanceOf(final String account) {
        return balances.getOrDefault(account, 0L);
    }

    Map<String, Long> balances() {
        return Map.copyOf(balances);
    }
}
