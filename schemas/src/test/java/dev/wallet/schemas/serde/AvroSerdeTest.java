package dev.wallet.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wallet.schemas.SampleRecords;
import dev.wallet.schemas.avro.AccountCommand;
import dev.wallet.schemas.avro.AccountEvent;
import dev.wallet.schemas.avro.TransferEvent;
import dev.wallet.schemas.avro.TransferRequest;
import java.util.Arrays;
import java.util.stream.Stream;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class AvroSerdeTest {

    static Stream<SpecificRecord> everyRecordType() {
        return Stream.of(
                Stream.<SpecificRecord>of(SampleRecords.transferRequest()),
                SampleRecords.accountCommands().stream(),
                SampleRecords.accountEvents().stream(),
                SampleRecords.transferEvents().stream()).flatMap(s -> s);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    @ParameterizedTest
    @MethodSource("everyRecordType")
    void shouldRoundTripEveryRecordType(final SpecificRecord record) {
        final AvroSerde serde = AvroSerde.of(record.getClass());

        final byte[] bytes = serde.serializer().serialize("t", record);
        final Object back = serde.deserializer().deserialize("t", bytes);

        assertThat(back).isEqualTo(record);
    }

    @Test
    void shouldWriteTheSingleObjectHeaderWithTheSchemaFingerprint() {
        final byte[] bytes = AvroSerde.of(TransferRequest.class).encode(SampleRecords.transferRequest());

        final long fingerprint = AvroSerde.fingerprint(TransferRequest.getClassSchema());
        assertThat(bytes[0]).isEqualTo((byte) 0xC3);
        assertThat(bytes[1]).isEqualTo((byte) 0x01);
        assertThat(bytes[2]).isEqualTo((byte) (fingerprint & 0xFF));
        assertThat(bytes[9]).isEqualTo((byte) (fingerprint >>> 56));
    }

    @Test
    void shouldRejectAMessageOfAnotherSchemaNamingItsFingerprint() {
        final byte[] commandBytes = AvroSerde.of(AccountCommand.class).encode(SampleRecords.accountCommands().get(0));

        assertThatThrownBy(() -> AvroSerde.of(AccountEvent.class).decode(commandBytes))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("fingerprint")
                .hasMessageContaining(Long.toHexString(AvroSerde.fingerprint(AccountCommand.getClassSchema())));
    }

    @Test
    void shouldRejectATruncatedMessage() {
        final byte[] bytes = AvroSerde.of(TransferEvent.class).encode(SampleRecords.transferEvents().get(0));
        final byte[] truncated = Arrays.copyOf(bytes, bytes.length / 2);

        assertThatThrownBy(() -> AvroSerde.of(TransferEvent.class).decode(truncated))
                .isInstanceOf(SerializationException.class);
    }

    @Test
    void shouldRejectBytesWithoutTheSingleObjectMarker() {
        assertThatThrownBy(() -> AvroSerde.of(TransferRequest.class).decode("not avro at all".getBytes()))
                .isInstanceOf(SerializationException.class);
    }

    @Test
    void shouldPassTombstonesThroughAsNull() {
        final AvroSerde<AccountEvent> serde = AvroSerde.of(AccountEvent.class);

        assertThat(serde.serializer().serialize("t", null)).isNull();
        assertThat(serde.deserializer().deserialize("t", null)).isNull();
    }
}
