package dev.wallet.schemas.serde;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.avro.Schema;

/**
 * Every released version of a top-level schema, read from the classpath.
 *
 * <p>A version is released by copying the schema into
 * {@code src/main/resources/released/<full name>/v<N>.avsc}; versions are numbered from 1 without
 * gaps. Decoders learn all of them, so a message written by any released version stays readable
 * after the schema changes. {@code ReleasedSchemasTest} fails the build when the current schema is
 * not released yet or cannot read an earlier version.
 */
public final class ReleasedSchemas {

    /** Where released versions live on the classpath. */
    public static final String RESOURCE_ROOT = "released/";

    /** Guards against a runaway loop on a broken classpath; no schema will see this many versions. */
    private static final int VERSIONS_MAX = 1_000;

    private ReleasedSchemas() {
    }

    /** The released versions of the schema named {@code fullName}, oldest first; empty if none. */
    public static List<Schema> of(final String fullName) {
        final List<Schema> versions = new ArrayList<>();
        for (int version = 1; version <= VERSIONS_MAX; version++) {
            final Schema schema = load(resourcePath(fullName, version));
            if (schema == null) {
                break;
            }
            versions.add(schema);
        }
        return Collections.unmodifiableList(versions);
    }

    /** The classpath path of one released version. */
    public static String resourcePath(final String fullName, final int version) {
        return RESOURCE_ROOT + fullName + "/v" + version + ".avsc";
    }

    private static Schema load(final String path) {
        try (InputStream in = ReleasedSchemas.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                return null;
            }
            return new Schema.Parser().parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read released schema " + path, e);
        }
    }
}
