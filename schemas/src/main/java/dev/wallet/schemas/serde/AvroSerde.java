package dev.wallet.schemas.serde;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Conversion;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Kafka serde for one generated Avro record type in Avro's single-object encoding: every message
 * starts with the marker {@code C3 01} and the 8-byte CRC-64-AVRO fingerprint of the schema that
 * wrote it (little-endian), then the binary datum. No schema registry is needed: the reader knows
 * every released version of the schema ({@link ReleasedSchemas}) and resolves old messages to the
 * current class.
 *
 * <p>A message whose fingerprint is unknown, or whose bytes are broken, fails with a
 * {@link SerializationException} that names the fingerprint; Kafka Streams' deserialization
 * handler then skips, logs and counts it.
 *
 * <p>Every record of the write path passes through here several times (topics, changelogs), so the
 * hot path avoids Avro's stream-based message classes: the header is written from a precomputed
 * array, the datum into a per-thread reusable buffer copied once into the result, and a message of
 * the current schema is read straight from the byte array with a reader that needs no resolution.
 * Generated records that support Avro's generated (custom) coders use them, which skips the
 * reflective field walk; the bytes are the same either way.
 *
 * <p>Instances are thread-safe: datum readers and writers are shared (Avro makes them safe for
 * that), buffers and decoders are kept per thread.
 *
 * @param <T> the generated record type
 */
public final class AvroSerde<T extends SpecificRecord> implements Serde<T> {

    /** Single-object encoding: two marker bytes, then the 8-byte fingerprint. */
    private static final int HEADER_BYTES = 10;
    private static final byte MARKER_0 = (byte) 0xC3;
    private static final byte MARKER_1 = (byte) 0x01;

    /** A per-thread output buffer starts this big and grows as needed; wallet records are ~100-300 bytes. */
    private static final int BUFFER_BYTES_INITIAL = 1_024;

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);
    private static final ThreadLocal<BinaryDecoder> DECODER = new ThreadLocal<>();

    private final Class<T> type;
    private final Schema schema;
    private final byte[] header;
    private final long currentFingerprint;
    private final DatumWriter<T> writer;
    private final DatumReader<T> currentReader;
    private final Map<Long, DatumReader<T>> olderReaders;

    private AvroSerde(final Class<T> type, final Schema current, final List<Schema> olderVersions) {
        this.type = type;
        this.schema = current;
        this.currentFingerprint = fingerprint(current);
        this.header = header(currentFingerprint);
        final SpecificData model = modelFor(type);
        this.writer = new SpecificDatumWriter<>(current, model);
        this.currentReader = new SpecificDatumReader<>(current, current, model);
        final Map<Long, DatumReader<T>> older = new HashMap<>();
        for (final Schema writerSchema : olderVersions) {
            final long writerFingerprint = fingerprint(writerSchema);
            if (writerFingerprint != currentFingerprint) {
                older.put(writerFingerprint, new SpecificDatumReader<>(writerSchema, current, model));
            }
        }
        this.olderReaders = Map.copyOf(older);
    }

    /** A serde for {@code type} that reads every released version of its schema. */
    public static <T extends SpecificRecord> AvroSerde<T> of(final Class<T> type) {
        final Schema current = SpecificData.get().getSchema(type);
        return new AvroSerde<>(type, current, ReleasedSchemas.of(current.getFullName()));
    }

    /** A serde that also reads the given writer schemas; for tests of schema evolution. */
    public static <T extends SpecificRecord> AvroSerde<T> readingAlso(
            final Class<T> type, final List<Schema> writerSchemas) {
        final Schema current = SpecificData.get().getSchema(type);
        final List<Schema> versions = new ArrayList<>(ReleasedSchemas.of(current.getFullName()));
        versions.addAll(writerSchemas);
        return new AvroSerde<>(type, current, versions);
    }

    /** The current schema: the one this serde writes with and reads into. */
    public Schema schema() {
        return schema;
    }

    /** Encodes {@code value} in single-object encoding. */
    public byte[] encode(final T value) {
        final Scratch scratch = SCRATCH.get();
        try {
            scratch.out.reset();
            scratch.out.write(header, 0, HEADER_BYTES);
            scratch.encoder = EncoderFactory.get().binaryEncoder(scratch.out, scratch.encoder);
            writer.write(value, scratch.encoder);
            scratch.encoder.flush();
            return scratch.out.toByteArray();
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("cannot encode " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    /** Decodes single-object-encoded {@code bytes} into the current class. */
    public T decode(final byte[] bytes) {
        if (bytes.length < HEADER_BYTES || bytes[0] != MARKER_0 || bytes[1] != MARKER_1) {
            throw new SerializationException("cannot decode " + type.getSimpleName() + " from "
                    + bytes.length + " bytes: no single-object encoding header");
        }
        final long writerFingerprint = fingerprintOf(bytes);
        final DatumReader<T> reader = writerFingerprint == currentFingerprint
                ? currentReader : olderReaders.get(writerFingerprint);
        if (reader == null) {
            throw new SerializationException("cannot decode " + type.getSimpleName()
                    + ": writer schema fingerprint " + Long.toHexString(writerFingerprint)
                    + " is not a released version");
        }
        try {
            final BinaryDecoder decoder = DecoderFactory.get()
                    .binaryDecoder(bytes, HEADER_BYTES, bytes.length - HEADER_BYTES, DECODER.get());
            DECODER.set(decoder);
            return reader.read(null, decoder);
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("cannot decode " + type.getSimpleName() + " from "
                    + bytes.length + " bytes: " + e.getMessage(), e);
        }
    }

    /** The 64-bit fingerprint of a schema as it appears in the message header. */
    public static long fingerprint(final Schema schema) {
        return SchemaNormalization.parsingFingerprint64(schema);
    }

    @Override
    public Serializer<T> serializer() {
        return (topic, value) -> value == null ? null : encode(value);
    }

    @Override
    public Deserializer<T> deserializer() {
        return (topic, bytes) -> bytes == null ? null : decode(bytes);
    }

    /**
     * The generated class's own model (its logical-type conversions) with generated coders on. A
     * copy, so the switch does not leak into the class's shared model.
     */
    private static SpecificData modelFor(final Class<?> type) {
        final SpecificData generated = SpecificData.getForClass(type);
        final SpecificData model = new SpecificData(type.getClassLoader());
        for (final Conversion<?> conversion : generated.getConversions()) {
            model.addLogicalTypeConversion(conversion);
        }
        model.setCustomCoders(true);
        return model;
    }

    private static byte[] header(final long fingerprint) {
        final byte[] header = new byte[HEADER_BYTES];
        header[0] = MARKER_0;
        header[1] = MARKER_1;
        for (int i = 0; i < 8; i++) {
            header[2 + i] = (byte) (fingerprint >>> (8 * i));
        }
        return header;
    }

    /** The fingerprint in a header already checked to be long enough; little-endian after the marker. */
    private static long fingerprintOf(final byte[] bytes) {
        long fingerprint = 0;
        for (int i = HEADER_BYTES - 1; i >= 2; i--) {
            fingerprint = (fingerprint << 8) | (bytes[i] & 0xFFL);
        }
        return fingerprint;
    }

    /** One thread's reusable output buffer and encoder. */
    private static final class Scratch {
        private final Output out = new Output();
        private BinaryEncoder encoder;
    }

    /** A growable byte buffer that returns an exact-length copy of what was written. */
    private static final class Output extends java.io.OutputStream {
        private byte[] buffer = new byte[BUFFER_BYTES_INITIAL];
        private int size;

        void reset() {
            size = 0;
        }

        @Override
        public void write(final int b) {
            ensure(1);
            buffer[size++] = (byte) b;
        }

        @Override
        public void write(final byte[] bytes, final int offset, final int length) {
            ensure(length);
            System.arraycopy(bytes, offset, buffer, size, length);
            size += length;
        }

        byte[] toByteArray() {
            return Arrays.copyOf(buffer, size);
        }

        private void ensure(final int more) {
            if (size + more > buffer.length) {
                buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + more));
            }
        }
    }
}
