package dev.wallet.saga.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wallet.saga.store.avro.TransferSagaState;
import dev.wallet.schemas.serde.AvroSerde;
import dev.wallet.schemas.serde.ReleasedSchemas;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.junit.jupiter.api.Test;

/**
 * The phase-status table outlives a deploy: the store and its changelog hold rows written by
 * earlier versions. The current stored schema must be released and read every released version,
 * the same gate the topic schemas have.
 */
class StoredSchemaTest {

    private static final Schema CURRENT = TransferSagaState.getClassSchema();

    @Test
    void shouldHaveReleasedTheCurrentStoredSchema() {
        final List<Schema> released = ReleasedSchemas.of(CURRENT.getFullName());

        assertThat(released).as("released versions of %s (copy the current schema to src/main/resources/%s)",
                CURRENT.getFullName(), ReleasedSchemas.resourcePath(CURRENT.getFullName(), released.size() + 1))
                .anyMatch(version -> AvroSerde.fingerprint(version) == AvroSerde.fingerprint(CURRENT));
    }

    @Test
    void shouldReadEveryReleasedStoredVersion() {
        for (final Schema released : ReleasedSchemas.of(CURRENT.getFullName())) {
            assertThat(SchemaCompatibility.checkReaderWriterCompatibility(CURRENT, released).getType())
                    .isEqualTo(SchemaCompatibilityType.COMPATIBLE);
        }
    }
}
