package dev.wallet.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wallet.schemas.avro.AccountDebited;
import dev.wallet.schemas.avro.AccountEvent;
import dev.wallet.schemas.avro.CommandStep;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

/**
 * A message written by an older schema version is read by the current class, through the
 * fingerprint in its header. The older version here is AccountEvent as it was before the
 * {@code repeated} flag existed.
 */
class SchemaEvolutionTest {

    @Test
    void shouldReadAnEventWrittenBeforeTheRepeatedFlagExisted() throws IOException {
        final Schema old = ReleasedSchemasTest.parse("evolution/AccountEvent-before-repeated.avsc");
        final byte[] oldBytes = encodeDebitWith(old);

        final AccountEvent event = AvroSerde.readingAlso(AccountEvent.class, List.of(old)).decode(oldBytes);

        assertThat(event.getAccountId()).isEqualTo("alice");
        assertThat(event.getSequence()).isEqualTo(7);
        assertThat(event.getBalanceAfterMinor()).isEqualTo(4_000);
        assertThat(event.getStep()).isEqualTo(CommandStep.DEBIT);
        assertThat(event.getRepeated()).as("default of the new field").isFalse();
        assertThat(event.getBody()).isEqualTo(new AccountDebited(1_000L));
    }

    @Test
    void shouldRefuseAnOlderVersionThatWasNeverReleased() throws IOException {
        final Schema old = ReleasedSchemasTest.parse("evolution/AccountEvent-before-repeated.avsc");
        final byte[] oldBytes = encodeDebitWith(old);

        assertThatThrownBy(() -> AvroSerde.of(AccountEvent.class).decode(oldBytes))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("not a released version");
    }

    private static byte[] encodeDebitWith(final Schema old) throws IOException {
        final Schema bodyUnion = old.getField("body").schema();
        final GenericRecord debited = new GenericData.Record(bodyUnion.getTypes().stream()
                .filter(s -> s.getName().equals("AccountDebited")).findFirst().orElseThrow());
        debited.put("amount_minor", 1_000L);
        final GenericRecord event = new GenericData.Record(old);
        event.put("account_id", "alice");
        event.put("sequence", 7L);
        event.put("balance_after_minor", 4_000L);
        event.put("currency", "USD");
        event.put("transaction_id", "tx-1");
        event.put("step", new GenericData.EnumSymbol(old.getField("step").schema(), "DEBIT"));
        event.put("occurred_at", Instant.parse("2026-01-01T00:00:00Z").toEpochMilli());
        event.put("body", debited);
        final ByteBuffer buffer = new BinaryMessageEncoder<GenericRecord>(GenericData.get(), old).encode(event);
        final byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }
}
