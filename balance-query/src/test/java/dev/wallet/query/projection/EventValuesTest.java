package dev.wallet.query.projection;

import static dev.wallet.query.support.Events.at;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wallet.query.support.Events;
import dev.wallet.schemas.avro.TransferDuplicateConflict;
import dev.wallet.schemas.avro.TransferEvent;
import dev.wallet.schemas.avro.TransferPhase;
import org.junit.jupiter.api.Test;

class EventValuesTest {

    @Test
    void shouldFindNothingWrongInOrdinaryEvents() {
        assertThat(EventValues.problemWith(Events.opened("alice", at(0)))).isNull();
        assertThat(EventValues.problemWith(Events.debited("alice", 2, 0, Long.MAX_VALUE, "tx", at(1)))).isNull();
        assertThat(EventValues.problemWith(Events.conflict("tx", "a", "b", 100, TransferPhase.ACCEPTED, at(0))))
                .isNull();
    }

    @Test
    void shouldFindAValueTheTablesRefuseInTheBodyToo() {
        final TransferEvent conflict = Events.conflict("tx", "a", "b", 100, TransferPhase.ACCEPTED, at(0));
        ((TransferDuplicateConflict) conflict.getBody()).setConflictingCurrency("EURO");

        assertThat(EventValues.problemWith(conflict)).isEqualTo(
                "conflicting_currency 'EURO' is longer than its char(3) column");
    }

    @Test
    void shouldFindANulCharacterInAnyText() {
        final TransferEvent event = Events.accepted("tx", "a", "b\u0000", 100, at(0));

        assertThat(EventValues.problemWith(event))
                .isEqualTo("to_account holds a NUL character, which PostgreSQL's text cannot store");
    }
}
