package dev.wallet.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.avro.Schema;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every record, enum and field of every schema says what it is for. */
class SchemaDocTest {

    @ParameterizedTest
    @MethodSource("dev.wallet.schemas.serde.ReleasedSchemasTest#currentTopLevelSchemas")
    void shouldDocumentEveryTypeAndField(final Schema topLevel) {
        final List<String> undocumented = new ArrayList<>();
        visit(topLevel, new HashSet<>(), undocumented);
        assertThat(undocumented).isEmpty();
    }

    private static void visit(final Schema schema, final Set<String> seen, final List<String> undocumented) {
        switch (schema.getType()) {
            case RECORD -> {
                if (!seen.add(schema.getFullName())) {
                    return;
                }
                requireDoc(schema.getDoc(), schema.getFullName(), undocumented);
                for (final Schema.Field field : schema.getFields()) {
                    requireDoc(field.doc(), schema.getName() + "." + field.name(), undocumented);
                    visit(field.schema(), seen, undocumented);
                }
            }
            case ENUM -> {
                if (seen.add(schema.getFullName())) {
                    requireDoc(schema.getDoc(), schema.getFullName(), undocumented);
                }
            }
            case UNION -> schema.getTypes().forEach(branch -> visit(branch, seen, undocumented));
            default -> { }
        }
    }

    private static void requireDoc(final String doc, final String what, final List<String> undocumented) {
        if (doc == null || doc.isBlank()) {
            undocumented.add(what);
        }
    }
}
