package dev.wallet.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wallet.schemas.topics.Topic;
import dev.wallet.schemas.topics.Topics;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The build-time schema compatibility gate: the current schema of every topic is released, and
 * reads every earlier released version. A change that breaks reading old events fails here.
 */
class ReleasedSchemasTest {

    static Stream<Schema> currentTopLevelSchemas() {
        return Topics.all().stream().map(Topic::valueSerde).map(serde -> ((AvroSerde<?>) serde).schema()).distinct();
    }

    @ParameterizedTest
    @MethodSource("currentTopLevelSchemas")
    void shouldHaveReleasedTheCurrentSchema(final Schema current) throws IOException {
        final List<Schema> released = ReleasedSchemas.of(current.getFullName());
        final boolean isReleased = released.stream()
                .anyMatch(v -> AvroSerde.fingerprint(v) == AvroSerde.fingerprint(current));
        if (!isReleased) {
            final Path candidate = writeCandidate(current, released.size() + 1);
            throw new AssertionError("The current schema of " + current.getFullName() + " is not released."
                    + " If it reads every earlier version (see the other tests), release it with:\n  mkdir -p "
                    + "schemas/src/main/resources/released/" + current.getFullName() + " && cp " + candidate
                    + " schemas/src/main/resources/"
                    + ReleasedSchemas.resourcePath(current.getFullName(), released.size() + 1));
        }
    }

    @ParameterizedTest
    @MethodSource("currentTopLevelSchemas")
    void shouldReadEveryReleasedVersion(final Schema current) {
        final List<String> incompatible = new ArrayList<>();
        final List<Schema> released = ReleasedSchemas.of(current.getFullName());
        for (int i = 0; i < released.size(); i++) {
            final var result = SchemaCompatibility.checkReaderWriterCompatibility(current, released.get(i));
            if (result.getType() != SchemaCompatibilityType.COMPATIBLE) {
                incompatible.add("v" + (i + 1) + ": " + result.getResult().getIncompatibilities());
            }
        }
        assertThat(incompatible).as("released versions the current %s cannot read", current.getName()).isEmpty();
    }

    @Test
    void shouldFindAChangeThatBreaksReadingOldEvents() throws IOException {
        // The gate itself must be able to fail: a field added without a default cannot be read
        // from events written before it existed.
        final Schema old = parse("evolution/AccountEvent-before-repeated.avsc");
        final Schema breaking = parse("evolution/AccountEvent-with-required-field.avsc");

        final var result = SchemaCompatibility.checkReaderWriterCompatibility(breaking, old);

        assertThat(result.getType()).isEqualTo(SchemaCompatibilityType.INCOMPATIBLE);
    }

    static Schema parse(final String resource) throws IOException {
        try (InputStream in = ReleasedSchemasTest.class.getClassLoader().getResourceAsStream(resource)) {
            return new Schema.Parser().parse(in);
        }
    }

    private static Path writeCandidate(final Schema current, final int version) throws IOException {
        final Path dir = Path.of("target", "schema-candidates", current.getFullName());
        Files.createDirectories(dir);
        final Path file = dir.resolve("v" + version + ".avsc");
        Files.writeString(file, current.toString(true) + "\n");
        return file.toAbsolutePath();
    }
}
