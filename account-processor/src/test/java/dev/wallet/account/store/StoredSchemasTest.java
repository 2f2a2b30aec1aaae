package dev.wallet.account.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wallet.account.store.avro.StoredAccount;
import dev.wallet.account.store.avro.StoredAppliedSteps;
import dev.wallet.schemas.serde.AvroSerde;
import dev.wallet.schemas.serde.ReleasedSchemas;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * State outlives a deploy: the stores and their changelogs hold records written by earlier
 * versions. The current stored schemas must be released and read every released version, the same
 * gate the topic schemas have.
 */
class StoredSchemasTest {

    static Stream<Schema> storedSchemas() {
        return Stream.of(StoredAccount.getClassSchema(), StoredAppliedSteps.getClassSchema());
    }

    @ParameterizedTest
    @MethodSource("storedSchemas")
    void shouldHaveReleasedTheCurrentStoredSchema(final Schema current) {
        final List<Schema> released = ReleasedSchemas.of(current.getFullName());

        assertThat(released).as("released versions of %s (copy the current schema to src/main/resources/%s)",
                current.getFullName(), ReleasedSchemas.resourcePath(current.getFullName(), released.size() + 1))
                .anyMatch(version -> AvroSerde.fingerprint(version) == AvroSerde.fingerprint(current));
    }

    @ParameterizedTest
    @MethodSource("storedSchemas")
    void shouldReadEveryReleasedStoredVersion(final Schema current) {
        for (final Schema released : ReleasedSchemas.of(current.getFullName())) {
            assertThat(SchemaCompatibility.checkReaderWriterCompatibility(current, released).getType())
                    .isEqualTo(SchemaCompatibilityType.COMPATIBLE);
        }
    }
}
