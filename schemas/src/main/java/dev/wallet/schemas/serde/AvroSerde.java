package dev.wallet.schemas.serde;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.message.MissingSchemaException;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Kafka serde for one generated Avro record type in Avro's single-object encoding: every message
 * starts with the marker {@code C3 01} and the 8-byte CRC-64-AVRO fingerprint of the schema that
 * wrote it, then the binary datum. No schema registry is needed: the reader knows every released
 * version of the schema ({@link ReleasedSchemas}) and resolves old messages to the current class.
 *
 * <p>A message whose fingerprint is unknown, or whose bytes are broken, fails with a
 * {@link SerializationException} that names the fingerprint; Kafka Streams' deserialization
 * handler then skips, logs and counts it.
 *
 * <p>Instances are thread-safe: Avro's message encoder and decoder keep their buffers per thread.
 *
 * @param <T> the generated record type
 */
public final class AvroSerde<T extends SpecificRecord> implements Serde<T> {

    private final Class<T> type;
    private final Schema schema;
    private final BinaryMessageEncoder<T> encoder;
    private final BinaryMessageDecoder<T> decoder;

    private AvroSerde(final Class<T> type, final Schema current, final List<Schema> olderVersions) {
        this.type = type;
        this.schema = current;
        final SpecificData model = SpecificData.getForClass(type);
        this.encoder = new BinaryMessageEncoder<>(model, current);
        this.decoder = new BinaryMessageDecoder<>(model, current);
        for (final Schema older : olderVersions) {
            decoder.addSchema(older);
        }
    }

    /** A serde for {@code type} that reads every released version of its schema. */
    public static <T extends SpecificRecord> AvroSerde<T> of(final Class<T> type) {
        final Schema current = SpecificData.get().getSchema(type);
        return new AvroSerde<>(type, current, ReleasedSchemas.of(current.getFullName()));
    }

    /** A serde that also reads the given writer schemas; for tests of schema evolution. */
    public static <T extends SpecificRecord> AvroSerde<T> readingAlso(
            final Class<T> type, final List<Schema> writerSchemas) {
        final AvroSerde<T> serde = of(type);
        for (final Schema writer : writerSchemas) {
            serde.decoder.addSchema(writer);
        }
        return serde;
    }

    /** The current schema: the one this serde writes with and reads into. */
    public Schema schema() {
        return schema;
    }

    /** Encodes {@code value} in single-object encoding. */
    public byte[] encode(final T value) {
        try {
            final ByteBuffer buffer = encoder.encode(value);
            return Arrays.copyOfRange(buffer.array(), buffer.arrayOffset() + buffer.position(),
                    buffer.arrayOffset() + buffer.limit());
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("cannot encode " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    /** Decodes single-object-encoded {@code bytes} into the current class. */
    public T decode(final byte[] bytes) {
        try {
            return decoder.decode(bytes);
        } catch (MissingSchemaException e) {
            throw new SerializationException("cannot decode " + type.getSimpleName()
                    + ": writer schema fingerprint " + fingerprintOf(bytes) + " is not a released version", e);
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("cannot decode " + type.getSimpleName() + " from "
                    + bytes.length + " bytes: " + e.getMessage(), e);
        }
    }

    /** The 64-bit fingerprint of a schema as it appears in the message header. */
    public static long fingerprint(final Schema schema) {
        return SchemaNormalization.parsingFingerprint64(schema);
    }

    private static String fingerprintOf(final byte[] bytes) {
        if (bytes.length < 10) {
            return "(message too short)";
        }
        // Header: 2 marker bytes, then the fingerprint little-endian.
        long fingerprint = 0;
        for (int i = 9; i >= 2; i--) {
            fingerprint = (fingerprint << 8) | (bytes[i] & 0xFFL);
        }
        return Long.toHexString(fingerprint);
    }

    @Override
    public Serializer<T> serializer() {
        return (topic, value) -> value == null ? null : encode(value);
    }

    @Override
    public Deserializer<T> deserializer() {
        return (topic, bytes) -> bytes == null ? null : decode(bytes);
    }
}
